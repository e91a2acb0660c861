import { describe, expect, it } from 'vitest';
import { homeFor, matchPath, normalize, redirectFor, resolve, safeNext, shouldIntercept, type RouteDef } from './router';

const routes: RouteDef<string>[] = [
  { path: '/', access: 'public', view: 'root' },
  { path: '/login', access: 'guest', view: 'login' },
  { path: '/invite/:code', access: 'public', view: 'invite' },
  { path: '/session/:assignmentId', access: 'patient', view: 'session' },
  { path: '/physio/patients/:id', access: 'physio', view: 'patient' },
  { path: '/physio/programs/new', access: 'physio', view: 'builder' },
];

const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };

describe('router', () => {
  it('normalizes trailing slashes, queries and hashes', () => {
    expect(normalize('/today/')).toBe('/today');
    expect(normalize('/today?x=1#y')).toBe('/today');
    expect(normalize('')).toBe('/');
    expect(normalize('/')).toBe('/');
  });

  it('matches static and parameter segments', () => {
    expect(matchPath('/login', '/login/')).toEqual({});
    expect(matchPath('/invite/:code', '/invite/AB%20C')).toEqual({ code: 'AB C' });
    expect(matchPath('/invite/:code', '/invite')).toBeNull();
    expect(matchPath('/invite/:code', '/invite/a/b')).toBeNull();
    expect(matchPath('/session/:assignmentId', '/session/%E0%A4%A')).toBeNull();
  });

  it('resolves the first matching route', () => {
    expect(resolve(routes, '/physio/programs/new')?.route.view).toBe('builder');
    expect(resolve(routes, '/physio/patients/7')?.params).toEqual({ id: '7' });
    expect(resolve(routes, '/nope')).toBeNull();
  });

  it('redirects by role', () => {
    expect(homeFor('patient')).toBe('/today');
    expect(homeFor('physio')).toBe('/physio');
    expect(homeFor('clinic_admin')).toBe('/physio');
    expect(homeFor(null)).toBe('/login');
    expect(redirectFor('patient', null, '/today')).toBe('/login?next=%2Ftoday');
    expect(redirectFor('patient', 'physio', '/today')).toBe('/physio');
    expect(redirectFor('physio', 'patient', '/physio')).toBe('/today');
    expect(redirectFor('physio', 'clinic_admin', '/physio')).toBeNull();
    expect(redirectFor('guest', 'patient', '/login')).toBe('/today');
    expect(redirectFor('guest', null, '/login')).toBeNull();
    expect(redirectFor('public', null, '/invite/x')).toBeNull();
    expect(redirectFor('signed-in', null, '/settings')).toBe('/login?next=%2Fsettings');
  });

  it('accepts only local next targets', () => {
    expect(safeNext('/progress')).toBe('/progress');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/api/me/')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });

  it('intercepts only plain same-origin app link clicks', () => {
    const o = 'https://app.example';
    expect(shouldIntercept(click, '/today', null, o)).toBe(true);
    expect(shouldIntercept({ ...click, ctrlKey: true }, '/today', null, o)).toBe(false);
    expect(shouldIntercept(click, '/today', '_blank', o)).toBe(false);
    expect(shouldIntercept(click, 'https://other.example/x', null, o)).toBe(false);
    expect(shouldIntercept(click, '/api/assignments/1/handout.pdf', null, o)).toBe(false);
    expect(shouldIntercept(click, '/admin/', null, o)).toBe(false);
    expect(shouldIntercept({ ...click, button: 1 }, '/today', null, o)).toBe(false);
  });
});
