import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { notSignedIn, problem, stubFetch } from "../../test/fetchStub";
import { adaSession as session } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { LoginPage } from "./LoginPage";

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Email"), email);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("login page", () => {
  it("posts the credentials to /session and goes to the console", async () => {
    const { requests } = stubFetch([notSignedIn(), { method: "POST", path: "/session", status: 200, body: session }]);
    renderWithProviders(<LoginPage />, { path: "/login" });

    await signIn("ada@acme.test", "correct horse battery");

    expect(await screen.findByText("Navigated to /")).toBeInTheDocument();
    const posts = requests.filter((request) => request.method === "POST");
    expect(posts).toHaveLength(1);
    expect(await posts[0]?.json()).toEqual({ email: "ada@acme.test", password: "correct horse battery" });
  });

  it("shows the problem detail when the credentials are refused", async () => {
    stubFetch([
      notSignedIn(),
      {
        method: "POST",
        path: "/session",
        status: 401,
        contentType: "application/problem+json",
        body: problem(401, "Bad credentials", "The email or password is wrong."),
      },
    ]);
    renderWithProviders(<LoginPage />, { path: "/login" });

    await signIn("ada@acme.test", "wrong password");

    expect(await screen.findByRole("alert")).toHaveTextContent("The email or password is wrong.");
    expect(screen.queryByText(/Navigated to/)).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
  });

  it("sends a user who is already signed in to the console", async () => {
    stubFetch([{ method: "GET", path: "/session", status: 200, body: session }]);
    renderWithProviders(<LoginPage />, { path: "/login" });

    expect(await screen.findByText("Navigated to /")).toBeInTheDocument();
  });

  it("links to the sign-up page", () => {
    stubFetch([notSignedIn()]);
    renderWithProviders(<LoginPage />, { path: "/login" });

    expect(screen.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/signup");
  });
});
