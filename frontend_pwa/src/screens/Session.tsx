import { useEffect, useRef, useState } from 'preact/hooks';
import type { Difficulty, Session as SessionOut, SessionIn, SessionItemIn, TodayAssignment, TodayItem } from '../types';
import { flushOutbox, outbox, requestBackgroundSync, sentResults, sync } from '../lib/client';
import { buzz, canSpeak, muted, setMuted, speak } from '../lib/speech';
import { useStore } from '../lib/store';
import { sessionRunning } from '../lib/sw-register';
import { begin, countRep, finishBlock, holdsPerBlock, initTimer, initTimerAt, pause, resume, secondsLeft, skipRest, tick, type TimerEvent, type TimerProgress, type TimerState } from '../lib/timer';
import { clearRunning, loadRunning, saveRunning, type RunningSession } from '../lib/running';
import { poseAspect } from '../lib/poseBox';
import { navigate } from '../lib/router';
import { PoseFigure } from '../components/PoseFigure';
import { ChoiceTiles, doseText, ErrorNote, Link, Loading, Page, ScaleTiles, useAsync } from '../components/ui';
import { loadToday } from './Today';
import { ProgramNotes } from '../components/ProgramNotes';
import { adviceFor, markAdviceSeen, painReason, preSessionWarning } from '../lib/safety';
import type { SafetyDoc } from '../types';
import { screeningGate } from './Safety';
import { formatDate, t, msg } from '../lib/i18n';

type Stage = { kind: 'before' } | { kind: 'exercise'; index: number } | { kind: 'after' } | { kind: 'saving' } | { kind: 'result'; session: SessionOut | null; body: SessionIn };

const DIFFICULTY: { value: Difficulty; label: string }[] = [
  { value: 'too_easy', get label() { return t('Too easy'); } },
  { value: 'about_right', get label() { return t('About right'); } },
  { value: 'too_hard', get label() { return t('Too hard'); } },
];

const SKIP_REASONS = [msg('It hurt'), msg('Too hard'), msg('No time'), msg('Missing equipment'), msg('Other')];

function uuid(): string {
  const c = globalThis.crypto as Crypto & { randomUUID?: () => string };
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // Fallback for older browsers: RFC 4122 version 4 from getRandomValues.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function MuteToggle() {
  const m = useStore(muted);
  if (!canSpeak) return null;
  return (
    <button class="btn ghost" type="button" role="switch" aria-checked={!m} onClick={() => setMuted(!m)}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M4 9h4l5-4v14l-5-4H4z" />
        {m ? <path d="M17 9l5 6M22 9l-5 6" /> : <path d="M17 8a5 5 0 0 1 0 8M19.5 5.5a9 9 0 0 1 0 13" />}
      </svg>
      {/* One flex item, so the button's gap does not split "Spoken cues: on". */}
      <span>
        {t('Spoken cues')}<span aria-hidden="true">: {m ? t('off') : t('on')}</span>
      </span>
    </button>
  );
}

function sideText(side: TimerState['side']): string {
  return side ? `${side} side` : '';
}

function cueFor(ev: TimerEvent, s: TimerState, name: string): string | null {
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

const IMPORTANT: TimerEvent[] = ['reps-start', 'hold-start', 'hold-end', 'switch-side', 'rest-start', 'rest-end', 'done'];

function ExerciseStep({
  item,
  index,
  total,
  onDone,
  onEndEarly,
  initial,
  onProgress,
}: {
  item: TodayItem;
  index: number;
  total: number;
  onDone: (r: SessionItemIn) => void;
  onEndEarly: () => void;
  /** What was done of this exercise before a reload. */
  initial?: TimerProgress | null;
  onProgress?: (p: TimerProgress) => void;
}) {
  const ex = item.exercise;
  const [tm, setT] = useState<TimerState>(() => {
    const dose = { sets: item.sets, reps: item.reps, holdSeconds: item.hold_seconds, restSeconds: item.rest_seconds, perSide: item.per_side };
    return initial ? initTimerAt(dose, initial) : initTimer(dose);
  });
  const [announce, setAnnounce] = useState('');
  const [skipping, setSkipping] = useState(false);
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Speak and vibrate on transitions.
  useEffect(() => {
    const evs = tm.events.filter((e) => IMPORTANT.includes(e));
    if (!evs.length) {
      if (tm.events.includes('rep')) speak(String(tm.rep));
      return;
    }
    const text = evs.map((e) => cueFor(e, tm, ex.name)).filter(Boolean).join(' ');
    if (text) {
      setAnnounce(text);
      speak(text);
    }
    if (evs.some((e) => e === 'hold-end' || e === 'rest-end' || e === 'switch-side' || e === 'done')) buzz([120, 80, 120]);
    if (tm.events.includes('set-done')) onProgress?.({ setsDone: tm.setsDone, repsDone: tm.repsDone, holdSecondsDone: tm.holdSecondsDone });
  }, [tm]);

  // Drive countdowns.
  useEffect(() => {
    if (tm.endsAt == null) return;
    const id = window.setInterval(() => setT((s) => tick(s, performance.now())), 200);
    return () => window.clearInterval(id);
  }, [tm.endsAt, tm.paused]);

  const now = () => performance.now();
  const result = (): SessionItemIn => {
    const r: SessionItemIn = { exercise: ex.slug, sets_done: tm.setsDone, reps_done: tm.repsDone };
    if (item.hold_seconds) r.hold_seconds_done = tm.holdSecondsDone;
    return r;
  };

  const start = () => {
    setT((s) => begin(s, now()));
    if (ex.cues[0]) window.setTimeout(() => speak(ex.cues[0]), 1800);
  };

  return (
    <section aria-labelledby="ex-h">
      <div class="spread">
        <p class="muted" style={{ margin: 0 }}>
          {t('Exercise {0} of {total}', { 0: index + 1, total })}
        </p>
        <MuteToggle />
      </div>
      <div class="progressbar" aria-hidden="true">
        <div style={{ width: `${(index / total) * 100}%` }} />
      </div>
      <h2 id="ex-h" tabIndex={-1} ref={headingRef} style={{ marginTop: 0 }}>
        {ex.name}
      </h2>
      <p class="muted">{doseText(item)}</p>
      <div class="pose-box" style={{ '--aspect': String(poseAspect(ex.poses)) }}>
        <PoseFigure poses={ex.poses} name={ex.name} paused={tm.paused} />
      </div>

      {/* Sticky: the timer and the main control stay on screen however far the page scrolls. */}
      <div class="card player-controls" data-testid="player-controls">
        <p class="sr-only" role="status" aria-live="polite">
          {announce}
        </p>
        {tm.phase === 'ready' && (
          <button class="btn primary block big" type="button" onClick={start}>
            {t('Start {name}', { name: ex.name })}
          </button>
        )}
        {tm.phase !== 'ready' && tm.phase !== 'done' && (
          <p class="phase-label">
            {tm.phase === 'rest' ? t('Next: set {0} of {sets}', { 0: tm.set + 1, sets: tm.dose.sets }) : t('Set {set} of {sets}', { set: tm.set, sets: tm.dose.sets })}
            {tm.side && tm.phase !== 'rest' ? ` · ${sideText(tm.side)}` : ''}
          </p>
        )}
        {tm.phase === 'reps' && (
          <>
            <p class="countdown" aria-hidden="true">
              {tm.rep}
              {tm.dose.reps ? <span class="muted" style={{ fontSize: '1.5rem' }}> / {tm.dose.reps}</span> : null}
            </p>
            <button class="btn primary block big" type="button" onClick={() => setT((s) => countRep(s, now()))}>
              {tm.dose.reps ? t('Count a rep ({rep} of {reps})', { rep: tm.rep, reps: tm.dose.reps }) : t('Count a rep ({rep})', { rep: tm.rep })}
            </button>
            <button class="btn block" type="button" style={{ marginTop: '.5rem' }} onClick={() => setT((s) => finishBlock(s, now()))}>
              {tm.side === 'left' ? t('Done, switch side') : t('Finish this set')}
            </button>
          </>
        )}
        {(tm.phase === 'hold' || tm.phase === 'relax' || tm.phase === 'rest') && (
          <>
            <p class="center" style={{ margin: 0, fontWeight: 700 }}>
              {tm.phase === 'hold' ? (holdsPerBlock(tm.dose) > 1 ? t('Hold ({0} of {1})', { 0: tm.rep + 1, 1: holdsPerBlock(tm.dose) }) : t('Hold')) : tm.phase === 'relax' ? t('Relax') : t('Rest')}
            </p>
            <p class="countdown" role="timer" aria-live="off" aria-label={t('{seconds, plural, one {# second left} other {# seconds left}}', { seconds: secondsLeft(tm) })}>
              {secondsLeft(tm)}
            </p>
            <div class="row" style={{ justifyContent: 'center' }}>
              <button class="btn" type="button" onClick={() => setT((s) => (s.paused ? resume(s, now()) : pause(s, now())))}>
                {tm.paused ? t('Resume') : t('Pause')}
              </button>
              {tm.phase === 'rest' ? (
                <button class="btn" type="button" onClick={() => setT((s) => skipRest(s, now()))}>
                  {t('Skip rest')}
                </button>
              ) : (
                <button class="btn" type="button" onClick={() => setT((s) => finishBlock(s, now()))}>
                  {tm.side === 'left' ? t('Switch side now') : t('Finish set now')}
                </button>
              )}
            </div>
          </>
        )}
        {tm.phase === 'done' && (
          <>
            <p class="phase-label">{t('Well done — {name} is finished.', { name: ex.name })}</p>
            <button class="btn primary block big" type="button" onClick={() => onDone(result())}>
              {index + 1 < total ? t('Next exercise') : t('Finish session')}
            </button>
          </>
        )}
      </div>

      {item.notes && (
        <p class="banner" style={{ marginTop: '1rem' }}>
          <strong>{t('From your physiotherapist:')}</strong> {item.notes}
        </p>
      )}

      <p class="banner warn">
        <strong>{t('If pain gets sharply worse, stop.')}</strong> {t("Skip this exercise and contact your clinician if it doesn't settle.")}
      </p>

      {ending ? (
        <div class="card" role="alertdialog" aria-labelledby="end-h" aria-describedby="end-d">
          <h3 id="end-h" style={{ marginTop: 0 }}>
            {t('End the session now?')}
          </h3>
          <p id="end-d">{t("What you have done so far is kept. The exercises you haven't reached are marked as not done.")}</p>
          <div class="row">
            <button class="btn danger" type="button" onClick={onEndEarly}>
              {t('Yes, end the session')}
            </button>
            <button class="btn primary" type="button" onClick={() => setEnding(false)}>
              {t('Keep going')}
            </button>
          </div>
        </div>
      ) : !skipping ? (
        <div class="row">
          {tm.phase !== 'done' && (
            <button class="btn" type="button" onClick={() => setSkipping(true)}>
              {t('Skip this exercise')}
            </button>
          )}
          <button class="btn ghost" type="button" onClick={() => setEnding(true)}>
            {t('End session early')}
          </button>
        </div>
      ) : (
        <div class="card">
          <ChoiceTiles name="skip" legend={t('Why are you skipping it?')} options={SKIP_REASONS.map((r) => ({ value: r, label: t(r) }))} value={reason || null} onChange={setReason} />
          <div class="row">
            <button
              class="btn primary"
              type="button"
              disabled={!reason}
              onClick={() => onDone({ ...result(), skipped: true, skip_reason: reason })}
            >
              {t('Skip and continue')}
            </button>
            <button class="btn ghost" type="button" onClick={() => setSkipping(false)}>
              {t('Keep going')}
            </button>
          </div>
        </div>
      )}

      <h3>{t('How to do it')}</h3>
      <ol class="steps">
        {ex.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      {ex.cues.length > 0 && (
        <>
          <h3>{t('Tips')}</h3>
          <ul>
            {ex.cues.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {(ex.safety_notes.length > 0 || ex.precautions.length > 0) && (
        <div class="banner warn">
          <h3 style={{ marginTop: 0 }}>{t('Take care')}</h3>
          <ul>
            {ex.safety_notes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
            {ex.precautions.map((p) => (
              <li key={p.code}>
                <strong>{p.label}:</strong> {p.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ex.mistakes.length > 0 && (
        <details>
          <summary class="btn ghost">{t('Common mistakes')}</summary>
          <ul>
            {ex.mistakes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export function SafetyPanel({ advice, reminder }: { advice: string | null; reminder?: string }) {
  return (
    <section class="safety" role="alert" aria-labelledby="safety-h">
      <h2 id="safety-h">{t('Please stop and contact your clinician')}</h2>
      <p>{advice || t('Please stop these exercises for today and contact your clinician before your next session.')}</p>
      <p>
        {reminder} <Link href="/help">{t('When to get help')}</Link>
      </p>
    </section>
  );
}

function Player({ assignment, safety }: { assignment: TodayAssignment; safety?: SafetyDoc }) {
  const items = [...assignment.items].sort((a, b) => a.position - b.position);
  const [stage, setStage] = useState<Stage>({ kind: 'before' });
  const [painBefore, setPainBefore] = useState<number | null>(null);
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [difficulty, setDifficulty] = useState<Difficulty | null>(null);
  const [notes, setNotes] = useState('');
  const [results, setResults] = useState<SessionItemIn[]>([]);
  const startedAt = useRef<string>(new Date().toISOString());
  const id = useRef<string>(uuid());
  const s = useStore(sync);
  // A session interrupted by a reload or a killed tab, offered for resuming.
  const [saved, setSaved] = useState<RunningSession | null | undefined>(undefined);
  const [current, setCurrent] = useState<TimerProgress | null>(null);

  useEffect(() => {
    let live = true;
    void loadRunning(assignment.id)
      .catch(() => null)
      .then((r) => live && setSaved(r));
    return () => {
      live = false;
    };
  }, [assignment.id]);

  const remember = (index: number, done: SessionItemIn[], progress: TimerProgress | null) => {
    if (painBefore == null) return;
    void saveRunning({ id: id.current, assignment: assignment.id, startedAt: startedAt.current, painBefore, index, results: done, current: progress });
  };

  const resumeSaved = (r: RunningSession) => {
    id.current = r.id;
    startedAt.current = r.startedAt;
    setPainBefore(r.painBefore);
    setResults(r.results);
    setCurrent(r.current);
    setSaved(null);
    setStage(r.index < items.length ? { kind: 'exercise', index: r.index } : { kind: 'after' });
  };

  useEffect(() => {
    sessionRunning.set(true);
    let lock: { release(): Promise<void> } | null = null;
    const nav = navigator as Navigator & { wakeLock?: { request(tm: 'screen'): Promise<{ release(): Promise<void> }> } };
    nav.wakeLock?.request('screen').then((l) => (lock = l)).catch(() => undefined);
    return () => {
      sessionRunning.set(false);
      void lock?.release().catch(() => undefined);
      window.speechSynthesis?.cancel();
    };
  }, []);

  useEffect(() => {
    if (stage.kind === 'result' || stage.kind === 'saving') sessionRunning.set(false);
  }, [stage.kind]);

  const finishExercise = (index: number, r: SessionItemIn) => {
    const next = [...results];
    next[index] = r;
    setResults(next);
    setCurrent(null);
    remember(index + 1, next, null);
    setStage(index + 1 < items.length ? { kind: 'exercise', index: index + 1 } : { kind: 'after' });
  };

  const endEarly = (index: number) => {
    const next = [...results];
    for (let i = index; i < items.length; i++) {
      next[i] ??= { exercise: items[i].exercise.slug, sets_done: 0, reps_done: 0, skipped: true, skip_reason: t('Ended session early') };
    }
    setResults(next);
    setCurrent(null);
    remember(items.length, next, null);
    setStage({ kind: 'after' });
  };

  async function save(e: Event) {
    e.preventDefault();
    if (painBefore == null || painAfter == null || !difficulty) return;
    const body: SessionIn = {
      id: id.current,
      assignment: assignment.id,
      started_at: startedAt.current,
      completed_at: new Date().toISOString(),
      pain_before: painBefore,
      pain_after: painAfter,
      difficulty,
      items: items.map((it, i) => results[i] ?? { exercise: it.exercise.slug, sets_done: 0, reps_done: 0, skipped: true, skip_reason: t('Not reached') }),
      notes: notes.trim(),
    };
    setStage({ kind: 'saving' });
    await outbox.enqueue(body.id, '/api/sessions/', body);
    await clearRunning(assignment.id);
    if (navigator.onLine) await flushOutbox(true).catch(() => undefined);
    const sent = sentResults.get(body.id) as SessionOut | undefined;
    if (!sent) void requestBackgroundSync();
    setStage({ kind: 'result', session: sent ?? null, body });
  }

  if (stage.kind === 'before' && saved === undefined) return <Page title={assignment.program_name}><Loading /></Page>;

  if (stage.kind === 'before' && saved) {
    const doneCount = saved.results.filter((r) => r && !r.skipped).length;
    return (
      <Page title={assignment.program_name}>
        <section class="card" aria-labelledby="resume-h">
          <h2 id="resume-h" style={{ marginTop: 0 }}>
            {t('Carry on where you stopped?')}
          </h2>
          <p>
            {saved.index < items.length ? t('You started this session at {time} and were on exercise {n} of {length}.', { time: formatDate(saved.startedAt, { hour: '2-digit', minute: '2-digit' }), n: saved.index + 1, length: items.length }) : t('You started this session at {time}.', { time: formatDate(saved.startedAt, { hour: '2-digit', minute: '2-digit' }) })}{' '}
            {t('{doneCount, plural, one {# exercise done so far.} other {# exercises done so far.}}', { doneCount })}
          </p>
          <button class="btn primary block big" type="button" onClick={() => resumeSaved(saved)}>
            {t('Resume session')}
          </button>
          <button
            class="btn block"
            type="button"
            style={{ marginTop: '.5rem' }}
            onClick={() => {
              void clearRunning(assignment.id);
              setSaved(null);
            }}
          >
            {t('Start again')}
          </button>
        </section>
      </Page>
    );
  }

  if (stage.kind === 'before') {
    return (
      <Page title={assignment.program_name}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (painBefore == null) return;
            startedAt.current = new Date().toISOString();
            void saveRunning({ id: id.current, assignment: assignment.id, startedAt: startedAt.current, painBefore, index: 0, results: [], current: null });
            setStage({ kind: 'exercise', index: 0 });
          }}
        >
          <p>
            {t('{length, plural, one {# exercise. Move gently and within comfort.} other {# exercises. Move gently and within comfort.}}', { length: items.length })}
          </p>
          <ProgramNotes assignment={assignment} />
          <ScaleTiles name="pain-before" legend={t('How much pain do you have right now? (0 = none, 10 = worst imaginable)')} min={0} max={10} value={painBefore} onChange={setPainBefore} lowLabel={t('No pain')} highLabel={t('Worst')} />
          {painBefore != null && safety && preSessionWarning(safety.pain_rule, painBefore) && (
            <p class="banner warn" role="status">
              {safety.advice.pre_session}
            </p>
          )}
          <button class="btn primary block big" type="submit" disabled={painBefore == null}>
            {t('Begin')}
          </button>
          <p class="center" style={{ marginTop: '.75rem' }}>
            <Link class="tap-link" href="/today">
              {t('Not now')}
            </Link>
          </p>
        </form>
      </Page>
    );
  }

  if (stage.kind === 'exercise') {
    const item = items[stage.index];
    return (
      <Page title={assignment.program_name}>
        <ExerciseStep
          key={item.id}
          item={item}
          index={stage.index}
          total={items.length}
          onDone={(r) => finishExercise(stage.index, r)}
          onEndEarly={() => endEarly(stage.index)}
          initial={current}
          onProgress={(p) => remember(stage.index, results, p)}
        />
      </Page>
    );
  }

  if (stage.kind === 'after' || stage.kind === 'saving') {
    const done = results.filter((r) => r && !r.skipped).length;
    return (
      <Page title={t('How did it go?')}>
        <p>
          {t('{length, plural, one {You did {done} of # exercise.} other {You did {done} of # exercises.}}', { done, length: items.length })}
        </p>
        <form onSubmit={save}>
          <ScaleTiles name="pain-after" legend={t('How much pain do you have now? (0 = none, 10 = worst imaginable)')} min={0} max={10} value={painAfter} onChange={setPainAfter} lowLabel={t('No pain')} highLabel={t('Worst')} />
          <ChoiceTiles name="difficulty" legend={t('How hard was it?')} options={DIFFICULTY} value={difficulty} onChange={setDifficulty} />
          <div class="field">
            <label for="notes">
              {t('Notes for your physiotherapist')} <span class="hint">{t('Optional.')}</span>
            </label>
            <textarea id="notes" value={notes} maxLength={2000} onInput={(e) => setNotes(e.currentTarget.value)} />
          </div>
          <button class="btn primary block big" type="submit" disabled={painAfter == null || !difficulty || stage.kind === 'saving'}>
            {stage.kind === 'saving' ? t('Saving…') : t('Save session')}
          </button>
        </form>
      </Page>
    );
  }

  return <SessionResult stage={stage} online={s.online} safety={safety} />;
}

function SessionResult({ stage, online, safety }: { stage: Extract<Stage, { kind: 'result' }>; online: boolean; safety?: SafetyDoc }) {
  const { session, body } = stage;
  // Offline, the same rule as the server's, with its thresholds and advice.
  const localReason = !session && safety ? painReason(safety.pain_rule, body.pain_before, body.pain_after) : null;
  if (session?.safety?.alert || localReason) markAdviceSeen(body.id);
  const spike = !!session?.safety?.alert || !!localReason;
  // The streak after this session (Today counts it once the server has it).
  const today = useAsync(() => (spike ? Promise.resolve(null) : loadToday()), [spike]);
  const streak = session ? today.data?.data.progress?.streak : undefined;
  return (
    <Page title={spike ? t('Session saved: please rest for today') : t('Session saved')}>
      {session?.safety?.alert && <SafetyPanel advice={session.safety.advice} reminder={safety?.advice.red_flag_reminder} />}
      {localReason && safety && <SafetyPanel advice={adviceFor(safety, localReason)} reminder={safety.advice.red_flag_reminder} />}
      {!spike && (
        <div class="celebrate" aria-hidden="true">
          <svg viewBox="0 0 48 48" width="56" height="56">
            <circle cx="24" cy="24" r="21" />
            <path d="M14 25l7 7 13-15" />
          </svg>
        </div>
      )}
      <div class="banner" role="status">
        {session ? (
          <p>{spike ? t('Thank you for telling us. Your physiotherapist can see this session.') : t('Well done. Your physiotherapist can see this session.')}</p>
        ) : (
          <p>
            {online ? t("Saved on this phone. It will be sent shortly — you don't need to do anything.") : t("Saved on this phone. It will be sent when you're back online — you don't need to do anything.")}
          </p>
        )}
        {session && !session.safety?.alert && session.safety?.advice && <p>{session.safety.advice}</p>}
        {streak != null && streak > 0 && (
          <p>
            <strong>
              {t('{streak, plural, one {# day in a row.} other {# days in a row.}}', { streak })}
            </strong>{t('Small steps add up.')}
          </p>
        )}
      </div>
      <p>
        {t('Pain {pain_before} before, {pain_after} after.', { pain_before: body.pain_before, pain_after: body.pain_after })}
      </p>
      <button class="btn primary block big" type="button" onClick={() => navigate('/today')}>
        {t('Back to Today')}
      </button>
    </Page>
  );
}

export function SessionScreen({ assignmentId }: { assignmentId: string }) {
  const q = useAsync(loadToday, []);
  if (q.loading && !q.data) return <Page title={t('Session')}><Loading /></Page>;
  if (q.error && !q.data) return <Page title={t('Session')}><ErrorNote error={q.error} retry={q.reload} /></Page>;
  const gate = screeningGate(q.data!.data, q.reload);
  if (gate) return gate;
  const a = q.data!.data.assignments.find((x) => String(x.id) === assignmentId);
  if (!a || a.items.length === 0) {
    return (
      <Page title={t('Session')}>
        <p>{t("This routine isn't in today's plan.")}</p>
        <Link class="btn" href="/today">
          {t('Back to Today')}
        </Link>
      </Page>
    );
  }
  return <Player assignment={a} safety={q.data!.data.safety} />;
}
