import { describe, expect, it } from 'vitest';
import { begin, countRep, finishBlock, initTimer, initTimerAt, pause, RELAX_MS, resume, secondsLeft, skipRest, tick, type Dose } from './timer';

const clock = () => {
  let t = 10_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('timer state machine', () => {
  it('counts reps, rests between sets, and finishes', () => {
    const c = clock();
    const dose: Dose = { sets: 2, reps: 3, holdSeconds: null, restSeconds: 30, perSide: false };
    let s = begin(initTimer(dose), c.now());
    expect(s.phase).toBe('reps');
    expect(s.events).toEqual(['reps-start']);
    s = countRep(s, c.now());
    s = countRep(s, c.now());
    expect(s.rep).toBe(2);
    s = countRep(s, c.now());
    expect(s.phase).toBe('rest');
    expect(s.events).toEqual(['rep', 'set-done', 'rest-start']);
    expect(secondsLeft(s)).toBe(30);
    c.advance(29_500);
    s = tick(s, c.now());
    expect(s.phase).toBe('rest');
    expect(secondsLeft(s)).toBe(1);
    c.advance(500);
    s = tick(s, c.now());
    expect(s.phase).toBe('reps');
    expect(s.set).toBe(2);
    expect(s.events).toEqual(['rest-end', 'reps-start']);
    for (let i = 0; i < 3; i++) s = countRep(s, c.now());
    expect(s.phase).toBe('done');
    expect(s.setsDone).toBe(2);
    expect(s.repsDone).toBe(6);
  });

  it('runs holds with relax gaps and switches sides', () => {
    const c = clock();
    const dose: Dose = { sets: 1, reps: 2, holdSeconds: 5, restSeconds: 20, perSide: true };
    let s = begin(initTimer(dose), c.now());
    expect([s.phase, s.side]).toEqual(['hold', 'left']);
    c.advance(5000);
    s = tick(s, c.now());
    expect(s.phase).toBe('relax');
    expect(s.events).toEqual(['hold-end']);
    c.advance(RELAX_MS);
    s = tick(s, c.now());
    expect(s.phase).toBe('hold');
    c.advance(5000);
    s = tick(s, c.now());
    expect([s.phase, s.side]).toEqual(['hold', 'right']);
    expect(s.events).toContain('switch-side');
    c.advance(5000 + RELAX_MS + 5000);
    s = tick(s, c.now()); // a long gap is processed in one call
    expect(s.phase).toBe('done');
    expect(s.holdSecondsDone).toBe(20);
    expect(s.repsDone).toBe(4);
    expect(s.setsDone).toBe(1);
  });

  it('pauses and resumes a countdown without losing time', () => {
    const c = clock();
    let s = begin(initTimer({ sets: 1, reps: null, holdSeconds: 10, restSeconds: 0, perSide: false }), c.now());
    c.advance(4000);
    s = pause(tick(s, c.now()), c.now());
    expect(s.paused).toBe(true);
    c.advance(60_000);
    s = tick(s, c.now());
    expect(secondsLeft(s)).toBe(6);
    s = resume(s, c.now());
    c.advance(6000);
    s = tick(s, c.now());
    expect(s.phase).toBe('done');
    expect(s.holdSecondsDone).toBe(10);
  });

  it('skips rest and finishes a set early', () => {
    const c = clock();
    let s = begin(initTimer({ sets: 3, reps: 10, holdSeconds: null, restSeconds: 45, perSide: false }), c.now());
    s = countRep(s, c.now());
    s = finishBlock(s, c.now());
    expect(s.phase).toBe('rest');
    s = skipRest(s, c.now());
    expect([s.phase, s.set]).toEqual(['reps', 2]);
    expect(s.repsDone).toBe(1);
  });

  it('goes straight to the next set when rest is zero, and ignores actions in the wrong phase', () => {
    const c = clock();
    const init = initTimer({ sets: 2, reps: 1, holdSeconds: null, restSeconds: 0, perSide: false });
    expect(countRep(init, c.now())).toBe(init);
    let s = begin(init, c.now());
    s = countRep(s, c.now());
    expect([s.phase, s.set]).toEqual(['reps', 2]);
    expect(skipRest(s, c.now())).toBe(s);
  });

  it('"Finish set now" on a hold stores the seconds actually held, not the full hold', () => {
    const c = clock();
    let s = begin(initTimer({ sets: 2, reps: 1, holdSeconds: 30, restSeconds: 0, perSide: false }), c.now());
    c.advance(7_400);
    s = finishBlock(tick(s, c.now()), c.now());
    expect([s.setsDone, s.repsDone, s.holdSecondsDone]).toEqual([1, 0, 7]);
    // Paused after 3 s, then finished: 3 s held.
    c.advance(3_000);
    s = pause(tick(s, c.now()), c.now());
    c.advance(60_000);
    s = finishBlock(s, c.now());
    expect([s.phase, s.setsDone, s.holdSecondsDone]).toEqual(['done', 2, 10]);
  });

  it('a resumed exercise starts at the set after the ones done', () => {
    const c = clock();
    const dose: Dose = { sets: 3, reps: 2, holdSeconds: null, restSeconds: 0, perSide: false };
    let s = initTimerAt(dose, { setsDone: 1, repsDone: 2, holdSecondsDone: 0 });
    expect([s.phase, s.set]).toEqual(['ready', 2]);
    s = begin(s, c.now());
    expect([s.phase, s.set]).toEqual(['reps', 2]);
    s = countRep(countRep(s, c.now()), c.now());
    expect([s.set, s.setsDone, s.repsDone]).toEqual([3, 2, 4]);
    expect(initTimerAt(dose, { setsDone: 5, repsDone: 6, holdSecondsDone: 0 }).phase).toBe('done');
  });
});
