import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { problem, stubFetch } from "../../test/fetchStub";
import { loadBalancer } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { LoadBalancersPage } from "./LoadBalancersPage";

function rowTexts(): string[][] {
  return screen
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent ?? ""));
}

describe("load balancers page", () => {
  it("lists the tenant's load balancers with revision and node sync", async () => {
    stubFetch([
      {
        method: "GET",
        path: "/load-balancers",
        status: 200,
        body: { items: [loadBalancer("api", 7, [true, false]), loadBalancer("web", 2, [true])] },
      },
    ]);
    renderWithProviders(<LoadBalancersPage />);

    await screen.findByRole("table");

    expect(rowTexts()).toEqual([
      ["api", "api.acme.lb.localhost", "7", "1/2 nodes on latest revision"],
      ["web", "web.acme.lb.localhost", "2", "1/1 nodes on latest revision"],
    ]);
  });

  it("says so when the tenant has none", async () => {
    stubFetch([{ method: "GET", path: "/load-balancers", status: 200, body: { items: [] } }]);
    renderWithProviders(<LoadBalancersPage />);

    expect(await screen.findByText(/No load balancers yet/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("creates a load balancer and shows it in the refreshed list", async () => {
    const stored = [loadBalancer("api", 7, [true])];
    const { requests } = stubFetch([
      { method: "GET", path: "/load-balancers", status: 200, body: () => ({ items: stored }) },
      { method: "POST", path: "/load-balancers", status: 201, body: () => stored[stored.push(loadBalancer("web", 1, [])) - 1] },
    ]);
    renderWithProviders(<LoadBalancersPage />);
    await screen.findByRole("table");

    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Name"), "web");
    await user.click(screen.getByRole("button", { name: "Create load balancer" }));

    expect(await screen.findByRole("cell", { name: "web" })).toBeInTheDocument();
    const post = requests.find((request) => request.method === "POST");
    expect(await post?.json()).toEqual({ name: "web" });
    expect(screen.getByLabelText("Name")).toHaveValue("");
  });

  it("shows why a load balancer could not be created", async () => {
    stubFetch([
      { method: "GET", path: "/load-balancers", status: 200, body: { items: [] } },
      {
        method: "POST",
        path: "/load-balancers",
        status: 409,
        contentType: "application/problem+json",
        body: problem(409, "Name taken", "A load balancer named web already exists."),
      },
    ]);
    renderWithProviders(<LoadBalancersPage />);

    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Name"), "web");
    await user.click(screen.getByRole("button", { name: "Create load balancer" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("A load balancer named web already exists.");
    expect(screen.getByLabelText("Name")).toHaveValue("web");
  });
});
