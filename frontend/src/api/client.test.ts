import { describe, expect, it, vi } from "vitest";
import { problem, stubFetch } from "../test/fetchStub";
import { ApiError } from "./ApiError";
import { api, dataOf } from "./client";

const loadBalancer = {
  id: "0b7f6a3e-1c1d-4d8e-9a51-1f3c7e2b9d10",
  name: "web",
  dnsName: "web.acme.lb.localhost",
  revision: 1,
  createdAt: "2026-11-27T10:00:00Z",
  nodes: [],
};

describe("api client", () => {
  it("echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on a POST, with cookies and a JSON body", async () => {
    document.cookie = "XSRF-TOKEN=3f9a%2Bc1";
    const { requests } = stubFetch([{ method: "POST", path: "/load-balancers", status: 201, body: loadBalancer }]);

    const created = await dataOf(api.POST("/load-balancers", { body: { name: "web" } }));

    expect(created).toEqual(loadBalancer);
    const [request] = requests;
    expect(request?.headers.get("X-XSRF-TOKEN")).toBe("3f9a+c1");
    expect(request?.credentials).toBe("include");
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(await request?.json()).toEqual({ name: "web" });
  });

  it("sends no XSRF header on a GET", async () => {
    document.cookie = "XSRF-TOKEN=3f9a";
    const { requests } = stubFetch([{ method: "GET", path: "/load-balancers", status: 200, body: { items: [] } }]);

    await dataOf(api.GET("/load-balancers"));

    expect(requests[0]?.headers.has("X-XSRF-TOKEN")).toBe(false);
  });

  it("sends no XSRF header when there is no cookie yet", async () => {
    const { requests } = stubFetch([{ method: "DELETE", path: "/session", status: 204 }]);

    await dataOf(api.DELETE("/session"));

    expect(requests[0]?.headers.has("X-XSRF-TOKEN")).toBe(false);
  });

  it("rejects with an ApiError carrying the problem+json of a failed call", async () => {
    stubFetch([
      {
        method: "POST",
        path: "/load-balancers",
        status: 400,
        contentType: "application/problem+json",
        body: problem(400, "Invalid request", "Fix the fields listed in errors", [
          { pointer: "/name", detail: "must be a lower-case DNS label" },
        ]),
      },
    ]);

    const error = await api.POST("/load-balancers", { body: { name: "Web!" } }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      type: "https://signalbox.dev/problems/invalid-request",
      title: "Invalid request",
      detail: "Fix the fields listed in errors",
      message: "Fix the fields listed in errors",
      errors: [{ pointer: "/name", detail: "must be a lower-case DNS label" }],
    });
  });

  it("rejects with an ApiError named after the status when the body is not a problem", async () => {
    const html = new Response("<html>Bad gateway</html>", {
      status: 502,
      statusText: "Bad Gateway",
      headers: { "Content-Type": "text/html" },
    });
    vi.stubGlobal("fetch", vi.fn(async () => html));

    const error = await api.GET("/session").catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, title: "Bad Gateway", type: "about:blank", errors: [] });
  });
});
