import createClient from "openapi-fetch";
import type { paths } from "./generated/schema";
import { ApiError } from "./ApiError";

// Spring Security's cookie CSRF repository: the token is readable by scripts
// in this cookie and must come back in this header on every unsafe method.
const XSRF_COOKIE = "XSRF-TOKEN";
const XSRF_HEADER = "X-XSRF-TOKEN";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

export function readCookie(name: string): string | undefined {
  for (const pair of document.cookie.split(";")) {
    const separator = pair.indexOf("=");
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      return decodeURIComponent(pair.slice(separator + 1).trim());
    }
  }
  return undefined;
}

/**
 * The only function that calls fetch: adds the CSRF header, and turns every
 * response that is not ok into an ApiError, so a resolved call always
 * carries the success body.
 */
export async function sendApiRequest(request: Request): Promise<Response> {
  if (!SAFE_METHODS.has(request.method.toUpperCase())) {
    const token = readCookie(XSRF_COOKIE);
    if (token !== undefined) {
      request.headers.set(XSRF_HEADER, token);
    }
  }
  const response = await fetch(request);
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return response;
}

/** Typed client for the paths in openapi.yaml; failures reject with ApiError. */
export const api = createClient<paths>({
  // Absolute, because Request needs one outside a browser (tests); the
  // console is always served from the API's own origin.
  baseUrl: new URL("/api/v1", window.location.origin).href,
  credentials: "include",
  headers: { Accept: "application/json, application/problem+json" },
  fetch: sendApiRequest,
});

/**
 * The success body of a call. openapi-fetch types `data` as optional because
 * it also models error results, which sendApiRequest has already thrown.
 */
export async function dataOf<T>(call: Promise<{ data?: T }>): Promise<T> {
  const { data } = await call;
  return data as T;
}
