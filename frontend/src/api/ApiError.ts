import type { components } from "./generated/schema";

export type Problem = components["schemas"]["Problem"];
export type FieldError = components["schemas"]["FieldError"];

/**
 * A failed API call, carrying the RFC 9457 problem the server sent, or one
 * made up from the status line when the body was not a problem (a proxy's
 * HTML error page, say), so callers handle every failure the same way.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const fallback: Problem = {
      type: "about:blank",
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
    };
    if (!isJson(response.headers.get("Content-Type"))) {
      return new ApiError(fallback);
    }
    try {
      const body: unknown = await response.json();
      return new ApiError(isProblem(body) ? { ...body, status: response.status } : fallback);
    } catch {
      return new ApiError(fallback);
    }
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /^application\/(problem\+)?json\b/i.test(contentType);
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) {
    return false;
  }
  const candidate = body as Record<string, unknown>;
  return typeof candidate.title === "string" && typeof candidate.type === "string";
}
