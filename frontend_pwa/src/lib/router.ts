// A tiny path router: pure matching functions plus history helpers.

export type Params = Record<string, string>;

export type Access = 'public' | 'guest' | 'patient' | 'physio' | 'signed-in';

export interface RouteDef<V = unknown> {
  path: string;
  access: Access;
  view: V;
}

export function normalize(path: string): string {
  const p = path.split(/[?#]/)[0] || '/';
  const withSlash = p.startsWith('/') ? p : `/${p}`;
  return withSlash.length > 1 ? withSlash.replace(/\/+$/, '') || '/' : '/';
}

export function matchPath(pattern: string, path: string): Params | null {
  const a = normalize(pattern).split('/');
  const b = normalize(path).split('/');
  if (a.length !== b.length) return null;
  const params: Params = {};
  for (let i = 0; i < a.length; i++) {
    const seg = a[i];
    if (seg.startsWith(':')) {
      if (!b[i]) return null;
      try {
        params[seg.slice(1)] = decodeURIComponent(b[i]);
      } catch {
        return null;
      }
    } else if (seg !== b[i]) {
      return null;
    }
  }
  return params;
}

export function resolve<V>(routes: RouteDef<V>[], path: string): { route: RouteDef<V>; params: Params } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

export type RoleLike = 'patient' | 'physio' | 'clinic_admin';

export function homeFor(role: RoleLike | null | undefined): string {
  if (!role) return '/login';
  return role === 'patient' ? '/today' : '/physio';
}

/** Where to send the user instead of this route, or null when they may see it. */
export function redirectFor(access: Access, role: RoleLike | null | undefined, path: string): string | null {
  switch (access) {
    case 'public':
      return null;
    case 'guest':
      return role ? homeFor(role) : null;
    case 'signed-in':
      return role ? null : loginWithNext(path);
    case 'patient':
      if (!role) return loginWithNext(path);
      return role === 'patient' ? null : homeFor(role);
    case 'physio':
      if (!role) return loginWithNext(path);
      return role === 'patient' ? homeFor(role) : null;
  }
}

export function loginWithNext(path: string): string {
  const p = normalize(path);
  return p === '/' || p === '/login' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}

/** Only same-site relative paths are accepted as a "next" target. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/api/') || next.startsWith('/admin')) return null;
  return next;
}

export interface ClickLike {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/** Should a click on a link with this href be handled by the router? */
export function shouldIntercept(e: ClickLike, href: string | null, target: string | null, origin: string): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  if (!href || (target && target !== '_self')) return false;
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/admin')) return false;
  return true;
}

// ---- history helpers (browser only) ----

const EVENT = 'upright:navigate';

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
  if (!opts.replace) window.scrollTo(0, 0);
}

export function onLocationChange(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(EVENT, cb);
  };
}
