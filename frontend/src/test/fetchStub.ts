import { vi } from "vitest";

/** One canned answer of the stub server, chosen by method and path below /api/v1. */
export interface StubRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  status: number;
  /** The route answers only while this holds (for state that changes, like a session). */
  when?: () => boolean;
  /** The JSON body, or a function giving it at request time from the request (for data that changes). */
  body?: unknown;
  contentType?: string;
}

/**
 * Replaces the global fetch at the network boundary: every request the
 * console sends is recorded, and answered by the first matching route or a
 * 404 problem, so a test sees what the real client code sent.
 */
export function stubFetch(routes: StubRoute[]) {
  const requests: Request[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(input);
    requests.push(request);
    const path = new URL(request.url).pathname.replace(/^\/api\/v1/, "");
    const route = routes.find(
      (candidate) => candidate.method === request.method && candidate.path === path && (candidate.when?.() ?? true),
    );
    if (route === undefined) {
      return problemResponse(404, "No stub route", `${request.method} ${path} is not stubbed`);
    }
    const body: unknown = typeof route.body === "function" ? route.body(request) : route.body;
    return jsonResponse(route.status, body, route.contentType);
  });
  vi.stubGlobal("fetch", fetchStub);
  return { requests };
}

/** GET /session answering 401, as for a visitor who has not signed in. */
export function notSignedIn(): StubRoute {
  return {
    method: "GET",
    path: "/session",
    status: 401,
    contentType: "application/problem+json",
    body: problem(401, "Unauthorized", "Sign in first."),
  };
}

export function jsonResponse(status: number, body: unknown, contentType = "application/json"): Response {
  if (body === undefined) {
    return new Response(null, { status });
  }
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": contentType } });
}

export function problemResponse(status: number, title: string, detail: string): Response {
  return jsonResponse(status, problem(status, title, detail), "application/problem+json");
}

export function problem(status: number, title: string, detail: string, errors?: { pointer: string; detail: string }[]) {
  return { type: `https://signalbox.dev/problems/${title.toLowerCase().replaceAll(" ", "-")}`, title, status, detail, errors };
}
