import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { problem, stubFetch, type StubRoute } from "../../test/fetchStub";
import {
  loadBalancer,
  metrics,
  nodeHealth,
  revisionDetail,
  targetGroup,
  targetHealth,
} from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import type { ConfiguredListener, LoadBalancer } from "./loadBalancers";
import { LoadBalancerPage } from "./LoadBalancerPage";

const web = targetGroup("web", ["10.0.0.1:8080", "10.0.0.2:8080"], { algorithm: "LEAST_RESPONSE_TIME" });
const canary = targetGroup("canary", ["10.0.1.1:8080"]);
const db = targetGroup("db", ["10.0.2.1:5432"], {
  protocol: "TCP",
  port: 5432,
  algorithm: "CONSISTENT_HASH",
  hashKey: { type: "SOURCE_IP" },
  healthCheck: { ...web.healthCheck, protocol: "TCP", intervalSeconds: 10 },
});

const listeners: ConfiguredListener[] = [
  {
    id: "00000000-0000-4000-e000-000000000080",
    protocol: "HTTP",
    port: 80,
    defaultAction: {
      type: "REDIRECT",
      redirect: { statusCode: 301, protocol: "HTTPS", host: "#{host}", port: "443", path: "/#{path}", query: "#{query}" },
    },
    rules: [],
  },
  {
    id: "00000000-0000-4000-e000-000000000443",
    protocol: "HTTPS",
    port: 443,
    defaultAction: {
      type: "FORWARD",
      targetGroups: [
        { targetGroupId: web.id, weight: 9 },
        { targetGroupId: canary.id, weight: 1 },
      ],
    },
    rules: [
      { id: "00000000-0000-4000-f000-000000000001", priority: 10, conditions: [], action: { type: "FORWARD", targetGroupId: web.id }, warnings: [] },
      { id: "00000000-0000-4000-f000-000000000002", priority: 20, conditions: [], action: { type: "FORWARD", targetGroupId: canary.id }, warnings: [] },
    ],
  },
  {
    id: "00000000-0000-4000-e000-000000005432",
    protocol: "TCP",
    port: 5432,
    defaultAction: { type: "FORWARD", targetGroupId: db.id, targetGroups: [{ targetGroupId: db.id, weight: 1 }] },
    rules: [],
  },
];

function api7(): LoadBalancer {
  const lb = loadBalancer("api", 7, [true, true, false]);
  return {
    ...lb,
    hostNames: ["api.example.com", "www.example.com"],
    tags: [
      { key: "env", value: "prod" },
      { key: "team", value: "payments" },
    ],
    nodes: lb.nodes.map((node, index) => ({ ...node, convergenceMillis: [240, 1_240, 90][index] })),
    convergence: { revision: 7, nodesOnRevision: 2, nodes: 3, slowestMillis: 1_240 },
  };
}

/** The stub server with the load balancer as `current` gives it at request time, at revision 7. */
function stubLoadBalancer(current: () => LoadBalancer, extra: StubRoute[] = []) {
  const lb = current();
  const base = `/load-balancers/${lb.id}`;
  return stubFetch([
    { method: "GET", path: base, status: 200, body: current },
    { method: "GET", path: `${base}/revisions/7`, status: 200, body: revisionDetail(lb, listeners, [web, canary, db]) },
    {
      method: "GET",
      path: `${base}/target-groups/${web.id}/health`,
      status: 200,
      body: {
        items: [
          targetHealth("10.0.0.1:8080", "HEALTHY", [nodeHealth("node-1", "HEALTHY")]),
          targetHealth("10.0.0.2:8080", "UNHEALTHY", [nodeHealth("node-1", "UNHEALTHY")], { reason: "Target.Timeout" }),
        ],
        panicNodes: [],
      },
    },
    { method: "GET", path: `${base}/target-groups/${canary.id}/health`, status: 200, body: { items: [], panicNodes: [] } },
    { method: "GET", path: `${base}/target-groups/${db.id}/health`, status: 200, body: { items: [], panicNodes: [] } },
    { method: "GET", path: `${base}/metrics`, status: 200, body: metrics("15m", [4, 6]) },
    ...extra,
  ]);
}

function renderPage(lb: LoadBalancer) {
  renderWithProviders(<LoadBalancerPage />, { path: "/load-balancers/:loadBalancerId", url: `/load-balancers/${lb.id}` });
}

function rowTexts(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent ?? ""));
}

/** The description list's values by term. */
function facts(container: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    within(container)
      .getAllByRole("term")
      .map((term) => [term.textContent, term.nextElementSibling?.textContent ?? ""]),
  );
}

describe("load balancer page", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the names the load balancer answers on, its tags and revision", async () => {
    const lb = api7();
    stubLoadBalancer(() => lb);
    renderPage(lb);

    const heading = await screen.findByRole("heading", { level: 1, name: "api" });

    expect(facts(heading.closest("header") as HTMLElement)).toEqual({
      "DNS name": "api.acme.lb.localhost",
      "Host names": "api.example.comwww.example.com",
      Tags: "env=prodteam=payments",
      Revision: "7",
    });
  });

  it("shows which nodes serve the current revision and how long each took", async () => {
    const lb = api7();
    stubLoadBalancer(() => lb);
    renderPage(lb);

    const convergence = await screen.findByRole("region", { name: "Convergence" });

    expect(within(convergence).getByText("2/3 nodes on revision 7 · slowest 1.2 s")).toBeInTheDocument();
    expect(rowTexts(within(convergence).getByRole("table", { name: "Nodes" })).map((cells) => cells.slice(0, 4))).toEqual([
      ["node-1", "7", "in sync", "240 ms"],
      ["node-2", "7", "in sync", "1.2 s"],
      ["node-3", "6", "behind", "90 ms"],
    ]);
  });

  it("lists the listeners with their default action and rule count", async () => {
    const lb = api7();
    stubLoadBalancer(() => lb);
    renderPage(lb);

    expect(rowTexts(await screen.findByRole("table", { name: "Listeners" }))).toEqual([
      ["HTTP", "80", "Redirect 301 to HTTPS://#{host}:443/#{path}?#{query}", "0"],
      ["HTTPS", "443", "Forward to web (weight 9), canary (weight 1)", "2"],
      ["TCP", "5432", "Forward to db", "0"],
    ]);
  });

  it("shows each target group's algorithm and health check, and its targets' health", async () => {
    const lb = api7();
    stubLoadBalancer(() => lb);
    renderPage(lb);

    const webGroup = await screen.findByRole("region", { name: "web" });
    expect(facts(webGroup)).toEqual({
      Protocol: "HTTP:80",
      Algorithm: "Least response time",
      "Health check": "HTTP / every 30 s, healthy after 5, unhealthy after 2",
    });
    const targets = await within(webGroup).findByRole("table", { name: "Targets" });
    expect(rowTexts(targets).map((cells) => cells.slice(0, 4))).toEqual([
      ["10.0.0.1:8080", "1", "healthy", "—"],
      ["10.0.0.2:8080", "1", "unhealthy", "Target.Timeout"],
    ]);

    const dbGroup = screen.getByRole("region", { name: "db" });
    expect(facts(dbGroup)).toEqual({
      Protocol: "TCP:5432",
      Algorithm: "Consistent hash by source IP",
      "Health check": "TCP connect every 10 s, healthy after 5, unhealthy after 2",
    });
  });

  it("shows the load balancer's traffic", async () => {
    const lb = api7();
    stubLoadBalancer(() => lb);
    renderPage(lb);

    const traffic = await screen.findByRole("region", { name: "Traffic" });
    expect(await within(traffic).findByRole("img", { name: "Requests per 10 s, peak 6" })).toBeInTheDocument();
  });

  it("follows a change to a new revision without a reload", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let lb = api7();
    const http8080: ConfiguredListener = { ...listeners[0]!, id: "00000000-0000-4000-e000-000000008080", port: 8080 };
    stubLoadBalancer(
      () => lb,
      [
        {
          method: "GET",
          path: `/load-balancers/${lb.id}/revisions/8`,
          status: 200,
          body: revisionDetail({ ...lb, revision: 8 }, [...listeners, http8080], [web, canary, db]),
        },
      ],
    );
    renderPage(lb);
    expect(await screen.findByRole("cell", { name: "443" })).toBeInTheDocument();

    lb = { ...lb, revision: 8, convergence: { revision: 8, nodesOnRevision: 0, nodes: 3 } };
    await vi.advanceTimersByTimeAsync(5_000);

    expect(await screen.findByRole("cell", { name: "8080" })).toBeInTheDocument();
    expect(screen.getByText("0/3 nodes on revision 8")).toBeInTheDocument();
  });

  it("says so when there is no such load balancer", async () => {
    const lb = api7();
    stubFetch([
      {
        method: "GET",
        path: `/load-balancers/${lb.id}`,
        status: 404,
        contentType: "application/problem+json",
        body: problem(404, "Not found", "No such load balancer in this tenant."),
      },
    ]);
    renderPage(lb);

    expect(await screen.findByRole("alert")).toHaveTextContent("No such load balancer in this tenant.");
    expect(screen.getByRole("link", { name: "← Load balancers" })).toHaveAttribute("href", "/");
  });
});
