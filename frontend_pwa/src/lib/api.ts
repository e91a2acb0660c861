import { t } from './i18n';
// A small fetch wrapper that knows Django's CSRF rules.
// It has no DOM dependency so the service worker and tests can use it too.

export class ApiError extends Error {
  constructor(
    public status: number,
    public body: unknown,
  ) {
    super(messageFrom(body) ?? t('Request failed ({status})', { status }));
    this.name = 'ApiError';
  }
}

/** The request never reached the server (offline, DNS, aborted). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super(t('You seem to be offline.'));
    this.name = 'NetworkError';
    (this as { cause?: unknown }).cause = cause;
  }
}

export interface ApiDeps {
  fetch: typeof fetch;
  /** Reads a cookie value, or null. Returns null where cookies cannot be read. */
  getCookie: (name: string) => string | null | Promise<string | null>;
  /** Called with each CSRF token we learn, so others (the service worker) can reuse it. */
  onToken?: (token: string) => void;
  credentials?: RequestCredentials;
  /** The app's language, sent as Accept-Language (the server answers in it). */
  language?: () => string | null;
}

export interface RawResponse<T = unknown> {
  status: number;
  ok: boolean;
  data: T;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export function messageFrom(body: unknown): string | null {
  if (!body) return null;
  if (typeof body === 'string') return body.length < 200 ? body : null;
  if (typeof body !== 'object') return null;
  const o = body as Record<string, unknown>;
  if (typeof o.detail === 'string') return o.detail;
  for (const v of Object.values(o)) {
    if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
    if (typeof v === 'string') return v;
  }
  return null;
}

/** Field-level messages from a DRF error body: {"email": ["…"]} → {email: "…"}. */
export function fieldErrors(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
      else if (typeof v === 'string') out[k] = v;
    }
  }
  return out;
}

function isCsrfFailure(status: number, body: unknown): boolean {
  return status === 403 && /csrf/i.test(messageFrom(body) ?? '');
}

async function parse(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return await res.json();
    } catch {
      return null;
    }
  }
  return await res.text();
}

export function createApi(deps: ApiDeps) {
  let token: string | null = null;
  let pendingToken: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    pendingToken ??= (async () => {
      try {
        const r = await raw<{ csrfToken?: string }>('GET', '/api/auth/csrf/');
        const fromCookie = await deps.getCookie('csrftoken');
        const t = fromCookie || r.data?.csrfToken || '';
        token = t || null;
        if (t) deps.onToken?.(t);
        return t;
      } finally {
        pendingToken = null;
      }
    })();
    return pendingToken;
  }

  async function csrfToken(force = false): Promise<string> {
    if (!force) {
      const c = await deps.getCookie('csrftoken');
      if (c) return c;
      if (token) return token;
    }
    return fetchToken();
  }

  async function raw<T = unknown>(method: string, path: string, body?: unknown, csrf?: string): Promise<RawResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (csrf) headers['X-CSRFToken'] = csrf;
    const language = deps.language?.();
    if (language) headers['Accept-Language'] = language;
    let res: Response;
    try {
      res = await deps.fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: deps.credentials ?? 'same-origin',
      });
    } catch (e) {
      throw new NetworkError(e);
    }
    const data = (await parse(res)) as T;
    return { status: res.status, ok: res.ok, data };
  }

  /** Sends a request and returns the status and body without throwing on HTTP errors. */
  async function send<T = unknown>(method: string, path: string, body?: unknown): Promise<RawResponse<T>> {
    const m = method.toUpperCase();
    if (SAFE.has(m)) return raw<T>(m, path, body);
    let r = await raw<T>(m, path, body, await csrfToken());
    if (isCsrfFailure(r.status, r.data)) {
      // The token rotated (for example after signing in): fetch a fresh one and retry once.
      r = await raw<T>(m, path, body, await csrfToken(true));
    }
    return r;
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await send<T>(method, path, body);
    if (!r.ok) throw new ApiError(r.status, r.data);
    return r.data;
  }

  return {
    send,
    request,
    csrfToken,
    get: <T>(path: string) => request<T>('GET', path),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
    del: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  };
}

export type Api = ReturnType<typeof createApi>;

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** Accepts either a paginated page or a bare list. */
export function results<T>(data: { results: T[] } | T[] | null | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.results ?? [];
}

export function readCookie(cookieString: string, name: string): string | null {
  for (const part of cookieString.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}
