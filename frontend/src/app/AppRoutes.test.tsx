import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { notSignedIn, stubFetch } from "../test/fetchStub";
import { adaSession, loadBalancer, metrics, revisionDetail } from "../test/fixtures";
import { AppRoutes } from "./AppRoutes";
import { createQueryClient } from "./queryClient";

function renderConsole(url = "/") {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("console start", () => {
  it("sends a visitor without a session to the login page", async () => {
    stubFetch([notSignedIn()]);

    renderConsole();

    expect(await screen.findByRole("heading", { name: "Sign in to Signalbox" })).toBeInTheDocument();
  });

  it("opens the load balancers of the signed-in tenant", async () => {
    stubFetch([
      { method: "GET", path: "/session", status: 200, body: adaSession },
      { method: "GET", path: "/load-balancers", status: 200, body: { items: [loadBalancer("web", 1, [true])] } },
    ]);

    renderConsole();

    expect(await screen.findByRole("heading", { name: "Load balancers" })).toBeInTheDocument();
    expect(screen.getByText("Acme Ltd · Ada")).toBeInTheDocument();
    expect(await screen.findByRole("cell", { name: "web" })).toBeInTheDocument();
  });

  it("opens a load balancer's page from the list", async () => {
    const web = loadBalancer("web", 1, [true]);
    stubFetch([
      { method: "GET", path: "/session", status: 200, body: adaSession },
      { method: "GET", path: "/load-balancers", status: 200, body: { items: [web] } },
      { method: "GET", path: `/load-balancers/${web.id}`, status: 200, body: web },
      { method: "GET", path: `/load-balancers/${web.id}/revisions/1`, status: 200, body: revisionDetail(web, [], []) },
      { method: "GET", path: `/load-balancers/${web.id}/metrics`, status: 200, body: metrics("15m", [0]) },
    ]);
    renderConsole();

    await userEvent.setup().click(await screen.findByRole("link", { name: "web" }));

    expect(await screen.findByRole("heading", { level: 1, name: "web" })).toBeInTheDocument();
    expect(await screen.findByText("No listeners: the load balancer accepts no traffic yet.")).toBeInTheDocument();
    expect(await screen.findByText("No traffic in this window.")).toBeInTheDocument();
  });

  it("offers users to admins only, next to load balancers and API tokens", async () => {
    stubFetch([
      { method: "GET", path: "/session", status: 200, body: adaSession },
      { method: "GET", path: "/load-balancers", status: 200, body: { items: [] } },
      { method: "GET", path: "/tokens", status: 200, body: { items: [] } },
    ]);
    renderConsole();

    const navigation = await screen.findByRole("navigation", { name: "Main" });
    expect(within(navigation).getAllByRole("link").map((link) => link.textContent)).toEqual([
      "Load balancers",
      "API tokens",
      "Users",
    ]);

    await userEvent.setup().click(within(navigation).getByRole("link", { name: "API tokens" }));
    expect(await screen.findByRole("heading", { name: "API tokens" })).toBeInTheDocument();
  });

  it("hides users from an editor", async () => {
    stubFetch([
      { method: "GET", path: "/session", status: 200, body: { ...adaSession, user: { ...adaSession.user, role: "EDITOR" } } },
      { method: "GET", path: "/load-balancers", status: 200, body: { items: [] } },
    ]);
    renderConsole();

    const navigation = await screen.findByRole("navigation", { name: "Main" });
    expect(within(navigation).getByRole("link", { name: "API tokens" })).toBeInTheDocument();
    expect(within(navigation).queryByRole("link", { name: "Users" })).not.toBeInTheDocument();
  });

  it("opens an invitation link without a session", async () => {
    stubFetch([notSignedIn()]);

    renderConsole("/accept-invitation#token=abc123");

    expect(await screen.findByRole("heading", { name: "Join your team on Signalbox" })).toBeInTheDocument();
    expect(screen.getByLabelText("Your name")).toBeInTheDocument();
  });

  it("logs out and returns to the login page", async () => {
    let signedIn = true;
    const { requests } = stubFetch([
      { method: "GET", path: "/session", status: 200, body: adaSession, when: () => signedIn },
      notSignedIn(),
      { method: "GET", path: "/load-balancers", status: 200, body: { items: [] } },
      {
        method: "DELETE",
        path: "/session",
        status: 204,
        body: () => {
          signedIn = false;
          return undefined;
        },
      },
    ]);
    renderConsole();

    await userEvent.setup().click(await screen.findByRole("button", { name: "Log out" }));

    expect(await screen.findByRole("heading", { name: "Sign in to Signalbox" })).toBeInTheDocument();
    expect(requests.some((request) => request.method === "DELETE" && request.url.endsWith("/api/v1/session"))).toBe(true);
  });
});
