import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { problem, stubFetch } from "../../test/fetchStub";
import { invitation, user } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import type { Invitation, User } from "./users";
import { UsersPage } from "./UsersPage";

const ada = user("ada", "ADMIN");
const bob = user("bob", "VIEWER");

/** The row of the users table holding a cell with this text. */
function rowOf(text: string): HTMLElement {
  const users = screen.getByRole("table", { name: "Users" });
  const row = within(users).getByRole("cell", { name: text }).closest("tr");
  if (row === null) {
    throw new Error(`no row holds ${text}`);
  }
  return row;
}

/** The stub server's user and invitation lists, answered as they are at request time. */
function stubDirectory(users: User[], invitations: Invitation[]) {
  return [
    { method: "GET" as const, path: "/users", status: 200, body: () => ({ items: users }) },
    { method: "GET" as const, path: "/invitations", status: 200, body: () => ({ items: invitations }) },
  ];
}

describe("users page", () => {
  it("lists the tenant's users and the pending invitations", async () => {
    stubFetch(stubDirectory([ada, bob], [invitation("cy@acme.test", "EDITOR")]));
    renderWithProviders(<UsersPage />, { path: "/users" });

    expect(await screen.findByRole("cell", { name: "bob@acme.test" })).toBeInTheDocument();
    expect(within(rowOf("ada@acme.test")).getByRole("cell", { name: "Ada" })).toBeInTheDocument();
    expect(screen.getByLabelText("Role of ada@acme.test")).toHaveValue("ADMIN");
    expect(screen.getByLabelText("Role of bob@acme.test")).toHaveValue("VIEWER");
    const invitations = await screen.findByRole("table", { name: "Pending invitations" });
    expect(within(invitations).getByRole("cell", { name: "cy@acme.test" })).toBeInTheDocument();
    expect(within(invitations).getByRole("cell", { name: "Editor" })).toBeInTheDocument();
  });

  it("invites a person by e-mail with a role and says the invitation was sent", async () => {
    const invitations: Invitation[] = [];
    const { requests } = stubFetch([
      ...stubDirectory([ada], invitations),
      {
        method: "POST",
        path: "/invitations",
        status: 201,
        body: () => invitations[invitations.push(invitation("dee@acme.test", "EDITOR")) - 1],
      },
    ]);
    renderWithProviders(<UsersPage />, { path: "/users" });
    expect(await screen.findByText("No pending invitations.")).toBeInTheDocument();

    const form = screen.getByRole("form", { name: "Invite a user" });
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText("Email"), "dee@acme.test");
    await user.selectOptions(within(form).getByLabelText("Role"), "EDITOR");
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Invitation sent to dee@acme.test.");
    const post = requests.find((request) => request.method === "POST");
    expect(await post?.json()).toEqual({ email: "dee@acme.test", role: "EDITOR" });
    expect(await screen.findByRole("cell", { name: "dee@acme.test" })).toBeInTheDocument();
    expect(within(form).getByLabelText("Email")).toHaveValue("");
  });

  it("changes a user's role and shows the refreshed list", async () => {
    const users = [ada, bob];
    const { requests } = stubFetch([
      ...stubDirectory(users, []),
      {
        method: "PUT",
        path: `/users/${bob.id}/role`,
        status: 200,
        body: () => (users[1] = { ...bob, role: "EDITOR" }),
      },
    ]);
    renderWithProviders(<UsersPage />, { path: "/users" });

    await userEvent.setup().selectOptions(await screen.findByLabelText("Role of bob@acme.test"), "EDITOR");

    // The select shows what the server holds, so EDITOR appears once the list is refetched.
    await waitFor(() => expect(screen.getByLabelText("Role of bob@acme.test")).toHaveValue("EDITOR"));
    const put = requests.find((request) => request.method === "PUT");
    expect(await put?.json()).toEqual({ role: "EDITOR" });
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows why the last admin cannot be demoted and keeps the role", async () => {
    stubFetch([
      ...stubDirectory([ada, bob], []),
      {
        method: "PUT",
        path: `/users/${ada.id}/role`,
        status: 409,
        contentType: "application/problem+json",
        body: problem(409, "Last admin", "The tenant needs at least one admin."),
      },
    ]);
    renderWithProviders(<UsersPage />, { path: "/users" });

    await userEvent.setup().selectOptions(await screen.findByLabelText("Role of ada@acme.test"), "VIEWER");

    expect(await screen.findByRole("alert")).toHaveTextContent("The tenant needs at least one admin.");
    expect(screen.getByLabelText("Role of ada@acme.test")).toHaveValue("ADMIN");
  });

  it("removes a user only after confirmation", async () => {
    const users = [ada, bob];
    const { requests } = stubFetch([
      ...stubDirectory(users, []),
      { method: "DELETE", path: `/users/${bob.id}`, status: 204, body: () => void users.pop() },
    ]);
    renderWithProviders(<UsersPage />, { path: "/users" });
    await screen.findByRole("cell", { name: "bob@acme.test" });
    const user = userEvent.setup();

    await user.click(within(rowOf("bob@acme.test")).getByRole("button", { name: "Remove" }));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(requests.some((request) => request.method === "DELETE")).toBe(false);

    await user.click(within(rowOf("bob@acme.test")).getByRole("button", { name: "Remove" }));
    const question = screen.getByRole("group", { name: "Remove bob@acme.test?" });
    await user.click(within(question).getByRole("button", { name: "Yes, remove" }));

    await expect.poll(() => screen.queryByRole("cell", { name: "bob@acme.test" })).toBeNull();
    expect(rowOf("ada@acme.test")).toBeInTheDocument();
    expect(requests.filter((request) => request.method === "DELETE").map((request) => new URL(request.url).pathname)).toEqual([
      `/api/v1/users/${bob.id}`,
    ]);
  });

  it("revokes a pending invitation", async () => {
    const invitations = [invitation("cy@acme.test", "EDITOR")];
    const cy = invitations[0]!;
    const { requests } = stubFetch([
      ...stubDirectory([ada], invitations),
      { method: "DELETE", path: `/invitations/${cy.id}`, status: 204, body: () => void invitations.pop() },
    ]);
    renderWithProviders(<UsersPage />, { path: "/users" });
    const user = userEvent.setup();

    await user.click(within(await screen.findByRole("table", { name: "Pending invitations" })).getByRole("button", { name: "Revoke" }));
    await user.click(screen.getByRole("button", { name: "Yes, revoke" }));

    expect(await screen.findByText("No pending invitations.")).toBeInTheDocument();
    expect(requests.some((request) => request.method === "DELETE" && request.url.endsWith(`/invitations/${cy.id}`))).toBe(true);
  });
});
