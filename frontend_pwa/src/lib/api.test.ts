import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, NetworkError, readCookie, fieldErrors, qs, results } from './api';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('csrf-aware fetch wrapper', () => {
  it('sends GET without a CSRF header and with same-origin credentials', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: 1 }));
    const api = createApi({ fetch, getCookie: () => null });
    expect(await api.get('/api/me/')).toEqual({ ok: 1 });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['X-CSRFToken']).toBeUndefined();
    expect(init.credentials).toBe('same-origin');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('uses the csrftoken cookie on unsafe requests', async () => {
    const fetch = vi.fn(async () => jsonResponse(201, { id: 1 }));
    const api = createApi({ fetch, getCookie: (n) => (n === 'csrftoken' ? 'abc' : null) });
    await api.post('/api/sessions/', { a: 1 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/sessions/');
    expect((init.headers as Record<string, string>)['X-CSRFToken']).toBe('abc');
    expect(init.body).toBe('{"a":1}');
  });

  it('fetches /api/auth/csrf/ first when there is no cookie', async () => {
    const calls: string[] = [];
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method} ${url} ${(init?.headers as Record<string, string>)['X-CSRFToken'] ?? ''}`.trim());
      if (url === '/api/auth/csrf/') return jsonResponse(200, { csrfToken: 'tok1' });
      return jsonResponse(200, { id: 1 });
    });
    const onToken = vi.fn();
    const api = createApi({ fetch: fetch as unknown as typeof globalThis.fetch, getCookie: () => null, onToken });
    await api.post('/api/auth/login/', { email: 'a', password: 'b' });
    await api.post('/api/auth/logout/');
    expect(calls).toEqual(['GET /api/auth/csrf/', 'POST /api/auth/login/ tok1', 'POST /api/auth/logout/ tok1']);
    expect(onToken).toHaveBeenCalledWith('tok1');
  });

  it('refreshes the token and retries once after a CSRF failure', async () => {
    let cookie = 'old';
    let posts = 0;
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/csrf/') {
        cookie = 'new';
        return jsonResponse(200, { csrfToken: 'new' });
      }
      posts++;
      const sent = (init?.headers as Record<string, string>)['X-CSRFToken'];
      return sent === 'new' ? jsonResponse(200, { ok: true }) : jsonResponse(403, { detail: 'CSRF Failed: CSRF token incorrect.' });
    });
    const api = createApi({ fetch: fetch as unknown as typeof globalThis.fetch, getCookie: () => cookie });
    expect(await api.post('/api/me/', {})).toEqual({ ok: true });
    expect(posts).toBe(2);
  });

  it('does not retry a 403 that is not about CSRF', async () => {
    const fetch = vi.fn(async () => jsonResponse(403, { detail: 'You do not have permission.' }));
    const api = createApi({ fetch, getCookie: () => 't' });
    await expect(api.post('/api/programs/', {})).rejects.toBeInstanceOf(ApiError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('throws ApiError with status and message, and NetworkError when offline', async () => {
    const api = createApi({ fetch: vi.fn(async () => jsonResponse(400, { email: ['Enter a valid email.'] })), getCookie: () => 't' });
    const err = (await api.post('/api/auth/login/', {}).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.message).toBe('Enter a valid email.');
    const offline = createApi({ fetch: vi.fn(async () => { throw new TypeError('Failed to fetch'); }), getCookie: () => 't' });
    await expect(offline.get('/api/today/')).rejects.toBeInstanceOf(NetworkError);
  });

  it('send() returns the status without throwing, and 204 gives null', async () => {
    const api = createApi({ fetch: vi.fn(async () => new Response(null, { status: 204 })), getCookie: () => 't' });
    expect(await api.send('POST', '/api/auth/logout/')).toEqual({ status: 204, ok: true, data: null });
  });

  it('helpers parse cookies, field errors, query strings and pages', () => {
    expect(readCookie('a=1; csrftoken=xy%3Dz; b=2', 'csrftoken')).toBe('xy=z');
    expect(readCookie('', 'csrftoken')).toBeNull();
    expect(fieldErrors({ email: ['Bad'], detail: 'x' })).toEqual({ email: 'Bad', detail: 'x' });
    expect(qs({ a: 1, b: '', c: null, d: 'x y' })).toBe('?a=1&d=x+y');
    expect(results<number>({ results: [1] })).toEqual([1]);
    expect(results([2])).toEqual([2]);
  });
});
