import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { notSignedIn, problem, stubFetch } from "../../test/fetchStub";
import { adaSession } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { AcceptInvitationPage } from "./AcceptInvitationPage";

const SECRET = "Q2h1bmt5LXNlY3JldC0xMjM0NTY3OA_-x";

const bobSession = {
  user: { id: "7e2d3f1a-0b4c-4d5e-8f60-718293a4b5c6", email: "bob@acme.test", displayName: "Bob", role: "EDITOR" },
  tenant: adaSession.tenant,
};

function openLink(url: string) {
  renderWithProviders(<AcceptInvitationPage />, { path: "/accept-invitation", url });
}

async function join(displayName: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Your name"), displayName);
  await user.type(screen.getByLabelText(/Password/), password);
  await user.click(screen.getByRole("button", { name: "Accept invitation" }));
}

describe("accept invitation page", () => {
  it("posts the secret from the link's fragment with the new user's name and password, then opens the console", async () => {
    const { requests } = stubFetch([
      notSignedIn(),
      { method: "POST", path: "/invitations/accept", status: 201, body: bobSession },
    ]);
    openLink(`/accept-invitation#token=${SECRET}`);

    await join("Bob", "correct horse battery");

    expect(await screen.findByText("Navigated to /")).toBeInTheDocument();
    const posts = requests.filter((request) => request.method === "POST");
    expect(posts).toHaveLength(1);
    expect(await posts[0]?.json()).toEqual({ token: SECRET, displayName: "Bob", password: "correct horse battery" });
    // The secret travels only in the body of that one POST, never in a URL.
    expect(requests.some((request) => request.url.includes(SECRET))).toBe(false);
  });

  it("explains an unknown or expired invitation and links to the sign-in page", async () => {
    stubFetch([
      notSignedIn(),
      {
        method: "POST",
        path: "/invitations/accept",
        status: 404,
        contentType: "application/problem+json",
        body: problem(404, "Invitation not found", "This invitation is unknown, expired or already used."),
      },
    ]);
    openLink(`/accept-invitation#token=${SECRET}`);

    await join("Bob", "correct horse battery");

    expect(await screen.findByRole("alert")).toHaveTextContent("This invitation is unknown, expired or already used.");
    expect(screen.getByRole("link", { name: "Go to the sign-in page" })).toHaveAttribute("href", "/login");
    expect(screen.queryByRole("button", { name: "Accept invitation" })).not.toBeInTheDocument();
  });

  it("keeps the form and shows the problem when the server refuses the details", async () => {
    stubFetch([
      notSignedIn(),
      {
        method: "POST",
        path: "/invitations/accept",
        status: 409,
        contentType: "application/problem+json",
        body: problem(409, "Email taken", "bob@acme.test already has an account."),
      },
    ]);
    openLink(`/accept-invitation#token=${SECRET}`);

    await join("Bob", "correct horse battery");

    expect(await screen.findByRole("alert")).toHaveTextContent("bob@acme.test already has an account.");
    expect(screen.getByRole("button", { name: "Accept invitation" })).toBeInTheDocument();
  });

  it("says so when the link carries no token, without calling the server", async () => {
    const { requests } = stubFetch([notSignedIn()]);
    openLink("/accept-invitation");

    expect(screen.getByRole("alert")).toHaveTextContent("This link has no invitation in it.");
    expect(screen.getByRole("link", { name: "Go to the sign-in page" })).toHaveAttribute("href", "/login");
    expect(screen.queryByLabelText("Your name")).not.toBeInTheDocument();
    expect(requests.some((request) => request.method === "POST")).toBe(false);
  });

  it("lets someone already signed in accept an invitation instead of sending them away", async () => {
    stubFetch([{ method: "GET", path: "/session", status: 200, body: adaSession }]);
    openLink(`/accept-invitation#token=${SECRET}`);

    expect(await screen.findByText(/You are signed in as ada@acme.test/)).toBeInTheDocument();
    expect(screen.getByLabelText("Your name")).toBeInTheDocument();
    expect(screen.queryByText("Navigated to /")).not.toBeInTheDocument();
  });
});
