import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { problem, stubFetch, type StubRoute } from "../../test/fetchStub";
import { metrics, targetGroup, targetId } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import type { Metrics } from "./metrics";
import { TrafficPanel } from "./TrafficPanel";

const LB = "00000000-0000-4000-8000-000000000web";
const METRICS_PATH = `/load-balancers/${LB}/metrics`;
const web = targetGroup("web", ["10.0.0.1:8080", "10.0.0.2:8080"]);

function answering(traffic: (window: Metrics["window"]) => Metrics): StubRoute {
  return {
    method: "GET",
    path: METRICS_PATH,
    status: 200,
    body: (request: Request) => traffic((new URL(request.url).searchParams.get("window") ?? "15m") as Metrics["window"]),
  };
}

function renderTraffic() {
  renderWithProviders(<TrafficPanel loadBalancerId={LB} targetGroups={[web]} />);
}

/** The totals as term → value. */
function totals(): Record<string, string> {
  const list = screen.getByLabelText("Traffic totals");
  return Object.fromEntries(
    within(list)
      .getAllByRole("term")
      .map((term) => [term.textContent, term.nextElementSibling?.textContent ?? ""]),
  );
}

function metricsQueries(requests: Request[]): Record<string, string>[] {
  return requests
    .filter((request) => new URL(request.url).pathname.endsWith("/metrics"))
    .map((request) => Object.fromEntries(new URL(request.url).searchParams));
}

describe("traffic", () => {
  it("sums up the window and charts requests and p99 latency", async () => {
    const busy = metrics("15m", [30, 0, 50, 20]);
    stubFetch([
      answering(() => ({
        ...busy,
        totals: {
          ...busy.totals,
          responses2xx: 80,
          responses3xx: 5,
          responses4xx: 10,
          responses5xx: 5,
          bytesReceived: 1_500,
          bytesSent: 2_340_000,
          peakInFlight: 7,
          latencyMillis: { p50: 4.2, p90: 18, p99: 120.55 },
        },
      })),
    ]);
    renderTraffic();

    await screen.findByLabelText("Traffic totals");

    expect(totals()).toEqual({
      Requests: "100",
      "2xx": "80",
      "3xx": "5",
      "4xx": "10",
      "5xx": "5",
      "Error rate (5xx)": "5%",
      p50: "4.2 ms",
      p90: "18 ms",
      p99: "120.6 ms",
      Received: "1.5 kB",
      Sent: "2.3 MB",
      "Peak in flight": "7",
    });
    expect(screen.getByRole("img", { name: "Requests per 10 s, peak 50" })).toBeInTheDocument();
    // The fixture's points answer in p99 40 ms; the quiet point has no latency and leaves a gap.
    const latency = screen.getByRole("img", { name: "p99 latency, peak 40 ms" });
    expect(latency.querySelector("path")).toHaveAttribute("d", "M0 0 h0 M2 0 L3 0");
  });

  it("asks for the chosen window", async () => {
    const { requests } = stubFetch([answering((window) => metrics(window, window === "1h" ? [700, 500] : [3]))]);
    renderTraffic();
    expect(await screen.findByRole("img", { name: "Requests per 10 s, peak 3" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "15 min" })).toHaveAttribute("aria-pressed", "true");

    await userEvent.setup().click(screen.getByRole("button", { name: "1 hour" }));

    expect(await screen.findByRole("img", { name: "Requests per 10 s, peak 700" })).toBeInTheDocument();
    expect(totals().Requests).toBe("1,200");
    expect(screen.getByRole("button", { name: "1 hour" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "15 min" })).toHaveAttribute("aria-pressed", "false");
    expect(metricsQueries(requests)).toEqual([{ window: "15m" }, { window: "1h" }]);
  });

  it("narrows the traffic to a target group or one of its targets", async () => {
    const { requests } = stubFetch([answering((window) => metrics(window, [1]))]);
    renderTraffic();
    await screen.findByLabelText("Traffic totals");
    const user = userEvent.setup();

    await user.selectOptions(screen.getByLabelText("Traffic of"), "All of web");
    await user.selectOptions(screen.getByLabelText("Traffic of"), "10.0.0.2:8080");
    await user.selectOptions(screen.getByLabelText("Traffic of"), "The whole load balancer");

    await waitFor(() => expect(metricsQueries(requests)).toHaveLength(4));
    expect(metricsQueries(requests)).toEqual([
      { window: "15m" },
      { window: "15m", targetGroupId: web.id },
      { window: "15m", targetGroupId: web.id, targetId: targetId("10.0.0.2:8080") },
      { window: "15m" },
    ]);
  });

  it("says the window is quiet when nothing was answered", async () => {
    stubFetch([answering((window) => metrics(window, [0, 0, 0]))]);
    renderTraffic();

    expect(await screen.findByText("No traffic in this window.")).toBeInTheDocument();
    expect(screen.queryByLabelText("Traffic totals")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("says traffic is unavailable when the panel cannot read it", async () => {
    stubFetch([
      {
        method: "GET",
        path: METRICS_PATH,
        status: 503,
        contentType: "application/problem+json",
        body: problem(503, "Service unavailable", "The live traffic store is unavailable; retry in a moment"),
      },
    ]);
    renderTraffic();

    expect(await screen.findByRole("alert")).toHaveTextContent("Traffic is unavailable right now.");
    expect(screen.queryByText("No traffic in this window.")).not.toBeInTheDocument();
  });

  it("shows the server's words for any other failure", async () => {
    stubFetch([
      {
        method: "GET",
        path: METRICS_PATH,
        status: 404,
        contentType: "application/problem+json",
        body: problem(404, "Not found", "No load balancer 00000000-0000-4000-8000-000000000web in this tenant."),
      },
    ]);
    renderTraffic();

    expect(await screen.findByRole("alert")).toHaveTextContent("No load balancer 00000000-0000-4000-8000-000000000web in this tenant.");
  });
});
