import type { TimerEvent, TimerState } from '../../lib/timer';
import { t } from '../../lib/i18n';

export function sideText(side: TimerState['side']): string {
  return side ? `${side} side` : '';
}

/** What the player says (and announces) when the timer moves on. */
export function cueFor(ev: TimerEvent, s: TimerState, name: string): string | null {
  const side = s.side ? ` ${sideText(s.side)}.` : '';
  switch (ev) {
    case 'reps-start':
      return t('Set {set} of {sets}.{side}', { set: s.set, sets: s.dose.sets, side }) + (s.dose.reps ? ' ' + t('{reps, plural, one {# rep.} other {# reps.}}', { reps: s.dose.reps }) : '');
    case 'hold-start':
      return t('Hold for {holdSeconds} seconds.{side}', { holdSeconds: s.dose.holdSeconds, side });
    case 'hold-end':
      return t('And relax.');
    case 'switch-side':
      return t('Switch sides.');
    case 'rest-start':
      return t('Rest for {restSeconds} seconds.', { restSeconds: s.dose.restSeconds });
    case 'rest-end':
      return t('Next set.');
    case 'done':
      return t('{name} complete. Well done.', { name });
    default:
      return null;
  }
}

export const IMPORTANT: TimerEvent[] = ['reps-start', 'hold-start', 'hold-end', 'switch-side', 'rest-start', 'rest-end', 'done'];

export function uuid(): string {
  const c = globalThis.crypto as Crypto & { randomUUID?: () => string };
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // Fallback for older browsers: RFC 4122 version 4 from getRandomValues.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
