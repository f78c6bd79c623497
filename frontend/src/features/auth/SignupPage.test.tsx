import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { notSignedIn, problem, stubFetch } from "../../test/fetchStub";
import { adaSession as session } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { SignupPage } from "./SignupPage";

async function fillIn() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Organisation"), "Acme Ltd");
  await user.type(screen.getByLabelText(/Short name/), "acme");
  await user.type(screen.getByLabelText("Your name"), "Ada");
  await user.type(screen.getByLabelText("Email"), "ada@acme.test");
  await user.type(screen.getByLabelText(/Password/), "correct horse battery");
  await user.click(screen.getByRole("button", { name: "Create account" }));
}

describe("sign-up page", () => {
  it("creates the tenant and its admin, then goes to the console", async () => {
    const { requests } = stubFetch([notSignedIn(), { method: "POST", path: "/signup", status: 201, body: session }]);
    renderWithProviders(<SignupPage />, { path: "/signup" });

    await fillIn();

    expect(await screen.findByText("Navigated to /")).toBeInTheDocument();
    expect(await requests.find((request) => request.method === "POST")?.json()).toEqual({
      tenantName: "Acme Ltd",
      tenantSlug: "acme",
      displayName: "Ada",
      email: "ada@acme.test",
      password: "correct horse battery",
    });
  });

  it("lists the fields the server refused", async () => {
    stubFetch([
      notSignedIn(),
      {
        method: "POST",
        path: "/signup",
        status: 409,
        contentType: "application/problem+json",
        body: problem(409, "Tenant exists", "Choose another short name.", [
          { pointer: "/tenantSlug", detail: "acme is taken" },
        ]),
      },
    ]);
    renderWithProviders(<SignupPage />, { path: "/signup" });

    await fillIn();

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Choose another short name.");
    expect(alert).toHaveTextContent("tenantSlug: acme is taken");
  });
});
