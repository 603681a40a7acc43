/** A failed API call, carrying the server's error body (code, rule, message, fields). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly rule?: string,
    readonly fields?: Record<string, string>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const WORKSPACE_KEY = 'handoff.workspace';

export function currentWorkspaceId(): string | null {
  return localStorage.getItem(WORKSPACE_KEY);
}

export function setCurrentWorkspaceId(id: string): void {
  localStorage.setItem(WORKSPACE_KEY, id);
}

/**
 * An API URL the browser opens by itself (a download link, an image): it cannot send the
 * workspace header, so the chosen workspace rides in `?workspace=` (routes that allow it).
 */
export function linkInWorkspace(path: string): string {
  const ws = currentWorkspaceId();
  if (!ws) return path;
  return `${path}${path.includes('?') ? '&' : '?'}workspace=${encodeURIComponent(ws)}`;
}

/** JSON fetch against the API with the session cookie and the chosen workspace. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  const ws = currentWorkspaceId();
  if (ws) headers['x-workspace-id'] = ws;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const data = text ? safeJson(text) : null;
  if (!res.ok) {
    const e = (data as { error?: Record<string, unknown> } | null)?.error;
    const message =
      typeof e?.message === 'string'
        ? e.message
        : ((data as { message?: string })?.message ?? res.statusText);
    throw new ApiError(
      res.status,
      typeof e?.code === 'string' ? e.code : String(res.status),
      message,
      typeof e?.rule === 'string' ? e.rule : undefined,
      e?.fields as Record<string, string> | undefined,
      e?.details as Record<string, unknown> | undefined,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

export const post = <T>(path: string, body?: unknown) =>
  api<T>(path, { method: 'POST', body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });

/** A human line for any error, with the rule it names (e.g. "R11 · Due Fri 4 Dec is 6 days away"). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.rule ? `${err.rule} · ${err.message}` : err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}
