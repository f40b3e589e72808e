/** The console's API, as the pages call it: JSON both ways, the session's CSRF token on every change. */

/** An answer other than 2xx, with the server's message (Chinese first, English in brackets). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;

/** The CSRF token of the current session: set from each session answer. */
export function useCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The header a change carries: the session's CSRF token. */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  const response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text.length > 0 ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (parsed ?? {}) as { message?: unknown; details?: unknown };
    throw new ApiError(response.status, typeof problem.message === 'string' ? problem.message : `HTTP ${response.status}`, Array.isArray(problem.details) ? (problem.details as string[]) : []);
  }
  return parsed as T;
}

/** A query string of the filters that are set. */
export function query(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
  const text = params.toString();
  return text ? `?${text}` : '';
}
