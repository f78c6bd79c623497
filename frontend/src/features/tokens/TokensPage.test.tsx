import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { problem, stubFetch } from "../../test/fetchStub";
import { apiToken } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import type { ApiToken } from "./tokens";
import { TokensPage } from "./TokensPage";

const SECRET = "sbx_depl_9f8e7d6c5b4a39281706f5e4d3c2b1a0";

function rowTexts(): string[][] {
  return screen
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent ?? ""));
}

describe("API tokens page", () => {
  it("lists my tokens with prefix, scopes, expiry and last use", async () => {
    stubFetch([
      {
        method: "GET",
        path: "/tokens",
        status: 200,
        body: { items: [apiToken("ci", ["read", "write"], "2026-11-26T08:30:00Z"), apiToken("grafana", ["read"])] },
      },
    ]);
    renderWithProviders(<TokensPage />, { path: "/tokens" });

    await screen.findByRole("table");

    const [ci, grafana] = rowTexts();
    expect(ci?.slice(0, 3)).toEqual(["ci", "sbx_ci…", "read, write"]);
    expect(grafana?.slice(0, 3)).toEqual(["grafana", "sbx_graf…", "read"]);
    expect(grafana?.[4]).toBe("Never");
    const ciTimes = [...(screen.getAllByRole("row")[1]?.querySelectorAll("time") ?? [])];
    expect(ciTimes.map((time) => time.getAttribute("datetime"))).toEqual(["2027-02-25T10:00:00Z", "2026-11-26T08:30:00Z"]);
  });

  it("shows the secret of a new token once, with a copy button, and never again", async () => {
    const stored: ApiToken[] = [];
    const { requests } = stubFetch([
      { method: "GET", path: "/tokens", status: 200, body: () => ({ items: stored }) },
      {
        method: "POST",
        path: "/tokens",
        status: 201,
        body: () => {
          const created = apiToken("deploy", ["read", "write"]);
          stored.push(created);
          return { ...created, token: SECRET };
        },
      },
    ]);
    renderWithProviders(<TokensPage />, { path: "/tokens" });
    expect(await screen.findByText(/No API tokens yet/)).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Name"), "deploy");
    await user.click(screen.getByRole("checkbox", { name: "write" }));
    await user.clear(screen.getByLabelText("Valid for days"));
    await user.type(screen.getByLabelText("Valid for days"), "30");
    await user.click(screen.getByRole("button", { name: "Create token" }));

    const secret = await screen.findByRole("region", { name: "New API token" });
    expect(secret).toHaveTextContent(SECRET);
    expect(secret).toHaveTextContent("It will not be shown again.");
    expect(await requests.find((request) => request.method === "POST")?.json()).toEqual({
      name: "deploy",
      scopes: ["read", "write"],
      expiresInDays: 30,
    });
    expect(await screen.findByRole("cell", { name: "deploy" })).toBeInTheDocument();

    await user.click(within(secret).getByRole("button", { name: "Copy token" }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(within(secret).getByRole("button", { name: "Copied" })).toBeInTheDocument();

    await user.click(within(secret).getByRole("button", { name: "Done" }));
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.getByRole("form", { name: "Create API token" })).toBeInTheDocument();
  });

  it("shows why a token could not be created", async () => {
    stubFetch([
      { method: "GET", path: "/tokens", status: 200, body: { items: [] } },
      {
        method: "POST",
        path: "/tokens",
        status: 403,
        contentType: "application/problem+json",
        body: problem(403, "Forbidden", "API tokens cannot create API tokens."),
      },
    ]);
    renderWithProviders(<TokensPage />, { path: "/tokens" });

    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Name"), "deploy");
    await user.click(screen.getByRole("button", { name: "Create token" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("API tokens cannot create API tokens.");
    expect(screen.queryByRole("region", { name: "New API token" })).not.toBeInTheDocument();
  });

  it("revokes a token after confirmation", async () => {
    const stored = [apiToken("ci", ["read"]), apiToken("grafana", ["read"])];
    const ci = stored[0]!;
    const { requests } = stubFetch([
      { method: "GET", path: "/tokens", status: 200, body: () => ({ items: stored }) },
      { method: "DELETE", path: `/tokens/${ci.id}`, status: 204, body: () => void stored.shift() },
    ]);
    renderWithProviders(<TokensPage />, { path: "/tokens" });
    const row = (await screen.findByRole("cell", { name: "ci" })).closest("tr") as HTMLElement;

    const user = userEvent.setup();
    await user.click(within(row).getByRole("button", { name: "Revoke" }));
    expect(requests.some((request) => request.method === "DELETE")).toBe(false);
    await user.click(within(row).getByRole("button", { name: "Yes, revoke" }));

    await expect.poll(() => screen.queryByRole("cell", { name: "ci" })).toBeNull();
    expect(screen.getByRole("cell", { name: "grafana" })).toBeInTheDocument();
    expect(requests.filter((request) => request.method === "DELETE").map((request) => new URL(request.url).pathname)).toEqual([
      `/api/v1/tokens/${ci.id}`,
    ]);
  });
});
