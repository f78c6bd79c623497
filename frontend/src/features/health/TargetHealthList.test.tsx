import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { problem, stubFetch, type StubRoute } from "../../test/fetchStub";
import { nodeHealth, targetGroup, targetHealth } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import type { TargetHealth } from "./targetHealth";
import { TargetHealthList } from "./TargetHealthList";

const LB = "00000000-0000-4000-8000-000000000web";
const web = targetGroup("web", ["10.0.0.1:8080", "10.0.0.2:8080", "10.0.0.4:8080", "10.0.0.5:8080"]);
const HEALTH_PATH = `/load-balancers/${LB}/target-groups/${web.id}/health`;

function answering(health: () => TargetHealth[], panicNodes: string[] = []): StubRoute {
  return { method: "GET", path: HEALTH_PATH, status: 200, body: () => ({ items: health(), panicNodes }) };
}

function renderHealth() {
  renderWithProviders(<TargetHealthList loadBalancerId={LB} targetGroupId={web.id} targets={web.targets} />);
}

function rowTexts(): string[][] {
  return within(screen.getByRole("table", { name: "Targets" }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent ?? ""));
}

describe("target health", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows each target's state as a badge, with its reason and how many nodes report it", async () => {
    stubFetch([
      answering(() => [
        targetHealth("10.0.0.1:8080", "HEALTHY", [nodeHealth("node-1", "HEALTHY"), nodeHealth("node-2", "HEALTHY")]),
        targetHealth("10.0.0.2:8080", "UNHEALTHY", [nodeHealth("node-1", "UNHEALTHY", { reason: "Target.Timeout" })], {
          reason: "Target.Timeout",
        }),
        targetHealth("10.0.0.4:8080", "INITIAL", [], { reason: "Elb.RegistrationInProgress" }),
        targetHealth("10.0.0.5:8080", "UNKNOWN", [nodeHealth("node-1", "UNKNOWN")]),
      ]),
    ]);
    renderHealth();

    await screen.findByRole("table", { name: "Targets" });

    expect(rowTexts()).toEqual([
      ["10.0.0.1:8080", "1", "healthy", "—", "2 nodes of 10.0.0.1:8080"],
      ["10.0.0.2:8080", "1", "unhealthy", "Target.Timeout", "1 node of 10.0.0.2:8080"],
      ["10.0.0.4:8080", "1", "initial", "Elb.RegistrationInProgress", "0 nodes of 10.0.0.4:8080"],
      ["10.0.0.5:8080", "1", "unknown", "—", "1 node of 10.0.0.5:8080"],
    ]);
  });

  it("says on which nodes the group is in panic mode", async () => {
    stubFetch([
      answering(
        () => [targetHealth("10.0.0.1:8080", "UNHEALTHY", [nodeHealth("node-2", "UNHEALTHY")])],
        ["node-2"],
      ),
    ]);
    renderHealth();

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Panic mode on node-2: too few targets are healthy, so requests are spread over all of them.",
    );
  });

  it("shows no panic notice while every node balances over healthy targets", async () => {
    stubFetch([answering(() => [targetHealth("10.0.0.1:8080", "HEALTHY", [nodeHealth("node-1", "HEALTHY")])])]);
    renderHealth();

    await screen.findByRole("table", { name: "Targets" });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("marks a deregistered target that a node still drains", async () => {
    stubFetch([
      answering(() => [
        targetHealth(
          "10.0.0.9:8080",
          "DRAINING",
          [nodeHealth("node-1", "DRAINING", { reason: "Target.DeregistrationInProgress" })],
          { registered: false, reason: "Target.DeregistrationInProgress" },
        ),
      ]),
    ]);
    renderHealth();

    await screen.findByRole("table", { name: "Targets" });

    // Not in the configuration any more, so it has no weight.
    expect(rowTexts()).toEqual([
      ["10.0.0.9:8080deregistered", "—", "draining", "Target.DeregistrationInProgress", "1 node of 10.0.0.9:8080"],
    ]);
  });

  it("opens what each node sees: state, reason, ejection and the last probes, newest first", async () => {
    stubFetch([
      answering(() => [
        targetHealth(
          "10.0.0.2:8080",
          "UNHEALTHY",
          [
            nodeHealth("node-1", "HEALTHY", {
              lastProbes: [{ at: "2026-11-27T10:04:30Z", latencyMillis: 3, success: true, statusCode: 200 }],
            }),
            nodeHealth("node-2", "UNHEALTHY", {
              reason: "Target.ResponseCodeMismatch",
              ejectedUntil: "2026-11-27T10:06:00Z",
              lastProbes: [
                { at: "2026-11-27T10:04:00Z", latencyMillis: 5, success: true, statusCode: 200 },
                { at: "2026-11-27T10:04:30Z", latencyMillis: 12, success: false, reason: "Target.ResponseCodeMismatch", statusCode: 500 },
                { at: "2026-11-27T10:05:00Z", latencyMillis: 5000, success: false, reason: "Target.Timeout" },
              ],
            }),
          ],
          { reason: "Target.ResponseCodeMismatch" },
        ),
      ]),
    ]);
    renderHealth();

    const toggle = await screen.findByRole("button", { name: "2 nodes of 10.0.0.2:8080" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("listitem", { name: "Node node-1" })).not.toBeInTheDocument();

    await userEvent.setup().click(toggle);

    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const healthy = screen.getByRole("listitem", { name: "Node node-1" });
    expect(within(healthy).getByText("healthy")).toBeInTheDocument();
    expect(within(healthy).queryByText(/Ejected until/)).not.toBeInTheDocument();

    const ejected = screen.getByRole("listitem", { name: "Node node-2" });
    expect(within(ejected).getByText("unhealthy")).toBeInTheDocument();
    expect(within(ejected).getByText(/Target.ResponseCodeMismatch/, { selector: "p" })).toBeInTheDocument();
    const ejectedUntil = within(ejected).getByText(/Ejected until/);
    expect(within(ejectedUntil).getByRole("time")).toHaveAttribute("datetime", "2026-11-27T10:06:00Z");

    const probes = within(ejected).getByRole("table", { name: "Last probes from node-2" });
    const probeRows = within(probes)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell"));
    expect(probeRows.map((cells) => cells.slice(1).map((cell) => cell.textContent))).toEqual([
      ["5000 ms", "failure", "Target.Timeout", "—"],
      ["12 ms", "failure", "Target.ResponseCodeMismatch", "500"],
      ["5 ms", "success", "—", "200"],
    ]);
    expect(probeRows.map((cells) => cells[0]?.querySelector("time")?.getAttribute("datetime"))).toEqual([
      "2026-11-27T10:05:00Z",
      "2026-11-27T10:04:30Z",
      "2026-11-27T10:04:00Z",
    ]);

    await userEvent.setup().click(toggle);
    expect(screen.queryByRole("listitem", { name: "Node node-2" })).not.toBeInTheDocument();
  });

  it("follows the nodes' reports without a reload", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let state: TargetHealth["state"] = "INITIAL";
    stubFetch([answering(() => [targetHealth("10.0.0.1:8080", state, [nodeHealth("node-1", state)])])]);
    renderHealth();
    expect(await screen.findByText("initial")).toBeInTheDocument();

    state = "HEALTHY";
    await vi.advanceTimersByTimeAsync(5_000);

    expect(await screen.findByText("healthy")).toBeInTheDocument();
    expect(screen.queryByText("initial")).not.toBeInTheDocument();
  });

  it("says live health is unavailable when the panel cannot read it", async () => {
    stubFetch([
      {
        method: "GET",
        path: HEALTH_PATH,
        status: 503,
        contentType: "application/problem+json",
        body: problem(503, "Service unavailable", "The live target health store is unavailable; retry in a moment"),
      },
    ]);
    renderHealth();

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Target health is unavailable right now.");
    expect(alert).toHaveTextContent("the configuration is not affected");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("says so when the group has no targets", async () => {
    stubFetch([answering(() => [])]);
    renderHealth();

    expect(await screen.findByText("No targets registered.")).toBeInTheDocument();
  });
});
