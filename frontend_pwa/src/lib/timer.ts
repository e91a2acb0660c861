// The exercise timer as a pure state machine. Time comes in as an argument (`now`, in ms),
// so tests drive it with a fake clock and the UI drives it with performance.now().

export interface Dose {
  sets: number;
  reps: number | null;
  holdSeconds: number | null;
  restSeconds: number;
  perSide: boolean;
}

export type Side = 'left' | 'right' | null;
export type Phase = 'ready' | 'reps' | 'hold' | 'relax' | 'rest' | 'done';

export type TimerEvent =
  | 'reps-start'
  | 'rep'
  | 'hold-start'
  | 'hold-end'
  | 'switch-side'
  | 'set-done'
  | 'rest-start'
  | 'rest-end'
  | 'done';

export interface TimerState {
  dose: Dose;
  phase: Phase;
  /** 1-based set number. */
  set: number;
  side: Side;
  /** Reps counted on the current side of the current set (for holds: holds finished). */
  rep: number;
  endsAt: number | null;
  /** Time left in a countdown, kept while paused. */
  remainingMs: number;
  paused: boolean;
  setsDone: number;
  repsDone: number;
  holdSecondsDone: number;
  /** What happened on the last transition, for speech and vibration. */
  events: TimerEvent[];
}

/** Short pause between two holds of the same set. */
export const RELAX_MS = 3000;

export function initTimer(dose: Dose): TimerState {
  return {
    dose: { ...dose, sets: Math.max(1, dose.sets || 1) },
    phase: 'ready',
    set: 1,
    side: dose.perSide ? 'left' : null,
    rep: 0,
    endsAt: null,
    remainingMs: 0,
    paused: false,
    setsDone: 0,
    repsDone: 0,
    holdSecondsDone: 0,
    events: [],
  };
}

/** What was done of an exercise before the page was reloaded. */
export interface TimerProgress {
  setsDone: number;
  repsDone: number;
  holdSecondsDone: number;
}

/** A timer that carries on after ``done`` (a resumed session): ready at the next set. */
export function initTimerAt(dose: Dose, done: TimerProgress): TimerState {
  const s = initTimer(dose);
  const setsDone = Math.max(0, Math.min(done.setsDone, s.dose.sets));
  const carried = { ...s, setsDone, repsDone: done.repsDone, holdSecondsDone: done.holdSecondsDone };
  if (setsDone >= s.dose.sets) return { ...carried, phase: 'done' };
  return { ...carried, set: setsDone + 1 };
}

function firstSide(d: Dose): Side {
  return d.perSide ? 'left' : null;
}

/** Holds needed per side per set. */
export function holdsPerBlock(d: Dose): number {
  return Math.max(1, d.reps ?? 1);
}

function enterWork(s: TimerState, set: number, side: Side, at: number): TimerState {
  const hold = s.dose.holdSeconds;
  if (hold && hold > 0) {
    return { ...s, phase: 'hold', set, side, rep: 0, endsAt: at + hold * 1000, remainingMs: hold * 1000, events: [...s.events, 'hold-start'] };
  }
  return { ...s, phase: 'reps', set, side, rep: 0, endsAt: null, remainingMs: 0, events: [...s.events, 'reps-start'] };
}

function completeBlock(s: TimerState, at: number): TimerState {
  if (s.dose.perSide && s.side === 'left') {
    return enterWork({ ...s, events: [...s.events, 'switch-side'] }, s.set, 'right', at);
  }
  const done: TimerState = { ...s, setsDone: s.setsDone + 1, events: [...s.events, 'set-done'] };
  if (s.set >= s.dose.sets) {
    return { ...done, phase: 'done', endsAt: null, remainingMs: 0, events: [...done.events, 'done'] };
  }
  const rest = Math.max(0, s.dose.restSeconds) * 1000;
  if (rest === 0) return enterWork(done, s.set + 1, firstSide(s.dose), at);
  return { ...done, phase: 'rest', endsAt: at + rest, remainingMs: rest, events: [...done.events, 'rest-start'] };
}

export function begin(s: TimerState, now: number): TimerState {
  if (s.phase !== 'ready') return s;
  return enterWork({ ...s, events: [] }, s.set, firstSide(s.dose), now);
}

/** The person finished one rep (rep-counting exercises only). */
export function countRep(s: TimerState, now: number): TimerState {
  if (s.phase !== 'reps' || s.paused) return s;
  const next: TimerState = { ...s, rep: s.rep + 1, repsDone: s.repsDone + 1, events: ['rep'] };
  if (s.dose.reps != null && next.rep >= s.dose.reps) return completeBlock(next, now);
  return next;
}

/** The person says this side/set is finished, whatever the count. A hold cut short
 * counts the whole seconds actually held, never the full hold. */
export function finishBlock(s: TimerState, now: number): TimerState {
  if (s.phase !== 'reps' && s.phase !== 'hold' && s.phase !== 'relax') return s;
  let held = 0;
  if (s.phase === 'hold' && s.dose.holdSeconds) {
    const left = s.paused || s.endsAt == null ? s.remainingMs : Math.max(0, s.endsAt - now);
    held = Math.max(0, Math.floor((s.dose.holdSeconds * 1000 - left) / 1000));
  }
  return completeBlock({ ...s, paused: false, holdSecondsDone: s.holdSecondsDone + held, events: [] }, now);
}

export function skipRest(s: TimerState, now: number): TimerState {
  if (s.phase !== 'rest') return s;
  return enterWork({ ...s, paused: false, events: ['rest-end'] }, s.set + 1, firstSide(s.dose), now);
}

export function pause(s: TimerState, now: number): TimerState {
  if (s.paused || s.endsAt == null) return s;
  return { ...s, paused: true, remainingMs: Math.max(0, s.endsAt - now), endsAt: null, events: [] };
}

export function resume(s: TimerState, now: number): TimerState {
  if (!s.paused) return s;
  return { ...s, paused: false, endsAt: now + s.remainingMs, events: [] };
}

/** Advances countdowns that have run out. Handles long gaps (a backgrounded tab) in one call. */
export function tick(s: TimerState, now: number): TimerState {
  if (s.paused || s.endsAt == null) return s.events.length ? { ...s, events: [] } : s;
  let cur: TimerState = { ...s, events: [] };
  let guard = 0;
  while (cur.endsAt != null && now >= cur.endsAt && guard++ < 10_000) {
    const at = cur.endsAt;
    if (cur.phase === 'hold') {
      const hold = cur.dose.holdSeconds ?? 0;
      const finished: TimerState = {
        ...cur,
        rep: cur.rep + 1,
        repsDone: cur.repsDone + 1,
        holdSecondsDone: cur.holdSecondsDone + hold,
        events: [...cur.events, 'hold-end'],
      };
      if (finished.rep < holdsPerBlock(cur.dose)) {
        cur = { ...finished, phase: 'relax', endsAt: at + RELAX_MS, remainingMs: RELAX_MS };
      } else {
        cur = completeBlock(finished, at);
      }
    } else if (cur.phase === 'relax') {
      const hold = (cur.dose.holdSeconds ?? 0) * 1000;
      cur = { ...cur, phase: 'hold', endsAt: at + hold, remainingMs: hold, events: [...cur.events, 'hold-start'] };
    } else if (cur.phase === 'rest') {
      cur = enterWork({ ...cur, events: [...cur.events, 'rest-end'] }, cur.set + 1, firstSide(cur.dose), at);
    } else {
      break;
    }
  }
  if (cur.endsAt != null) cur = { ...cur, remainingMs: Math.max(0, cur.endsAt - now) };
  return cur;
}

/** Whole seconds left, rounded up, for display. */
export function secondsLeft(s: TimerState): number {
  return Math.ceil(s.remainingMs / 1000);
}
