// The one-minute guided break: /break/:nudgeId (from a move nudge) and /break/exercise/:slug
// ("do one now"). Works offline from the exercise saved on the phone; "Done" goes through the
// outbox like every other write.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Exercise, InboxItem, Page as PageOf } from '../types';
import { api, flushOutbox, getWithFallback, isOffline, outbox, requestBackgroundSync } from '../lib/client';
import { getMeta } from '../lib/db';
import { begin, countRep, finishBlock, initTimer, secondsLeft, tick, type TimerState } from '../lib/timer';
import { poseAspect } from '../lib/poseBox';
import { navigate } from '../lib/router';
import { refreshInboxUnread } from '../lib/inbox';
import { PoseFigure } from '../components/PoseFigure';
import { ErrorNote, Link, Loading, Page, useAsync } from '../components/ui';
import { BusyControl } from './Busy';
import { breakDoseText } from './logic';
import type { BreakDose, BreakNudgeInfo, EffectiveBreak } from './types';

interface Resolved {
  nudge: number | null;
  exercise: Exercise;
  dose: BreakDose;
  stale: boolean;
}

type InboxBreakItem = InboxItem & { nudge_kind?: string | null; exercise?: string | null; dose?: BreakDose | null };

async function pool(): Promise<EffectiveBreak[]> {
  const { data } = await getWithFallback<{ items: EffectiveBreak[] }>('/api/nudges/breaks/', 'upright.breaks.pool');
  return data?.items ?? [];
}

/** What the nudge asked for: saved by the service worker with the push, else the inbox,
 * else the first of the patient's pool. */
async function infoFor(nudge: number): Promise<{ exercise: string | null; dose: BreakDose | null }> {
  const saved = await getMeta<BreakNudgeInfo>(`break:${nudge}`);
  if (saved?.exercise) return saved;
  try {
    const page = await api.get<PageOf<InboxBreakItem>>('/api/inbox/?page_size=50');
    const item = (page.results ?? []).find((i) => i.nudge === nudge);
    if (item?.exercise) return { exercise: item.exercise, dose: item.dose ?? null };
  } catch (e) {
    if (!isOffline(e)) throw e;
  }
  const first = (await pool().catch(() => []))[0];
  return first ? { exercise: first.exercise, dose: first } : { exercise: null, dose: null };
}

async function resolve(nudge: number | null, slug: string | null): Promise<Resolved> {
  let exerciseSlug = slug;
  let dose: BreakDose | null = null;
  if (nudge != null) ({ exercise: exerciseSlug, dose } = await infoFor(nudge));
  if (!exerciseSlug) throw new Error('There is no exercise for this break. Stand up, walk around for a minute, and sit back down gently.');
  if (!dose) dose = (await pool().catch(() => [])).find((p) => p.exercise === exerciseSlug) ?? null;
  const { data: exercise, stale } = await getWithFallback<Exercise>(`/api/exercises/${encodeURIComponent(exerciseSlug)}/`, `upright.exercise.${exerciseSlug}`);
  dose ??= { sets: 1, reps: exercise.dosage.reps, hold_seconds: exercise.dosage.hold_seconds };
  return { nudge, exercise, dose, stale };
}

function Counter({ dose, name, onFinished }: { dose: BreakDose; name: string; onFinished: () => void }) {
  const [t, setT] = useState<TimerState>(() => initTimer({ sets: dose.sets || 1, reps: dose.reps, holdSeconds: dose.hold_seconds, restSeconds: 0, perSide: false }));
  useEffect(() => {
    if (t.endsAt == null) return;
    const id = window.setInterval(() => setT((s) => tick(s, performance.now())), 200);
    return () => window.clearInterval(id);
  }, [t.endsAt, t.paused]);
  const finished = useRef(false);
  useEffect(() => {
    if (t.phase === 'done' && !finished.current) {
      finished.current = true;
      onFinished();
    }
  }, [t.phase]);
  const now = () => performance.now();
  if (t.phase === 'ready') {
    return (
      <button class="btn block" type="button" onClick={() => setT((s) => begin(s, now()))}>
        Start {name}
      </button>
    );
  }
  if (t.phase === 'reps') {
    return (
      <button class="btn block" type="button" onClick={() => setT((s) => countRep(s, now()))}>
        Count a rep ({t.rep}
        {t.dose.reps ? ` of ${t.dose.reps}` : ''})
      </button>
    );
  }
  if (t.phase === 'hold' || t.phase === 'relax' || t.phase === 'rest') {
    const left = secondsLeft(t);
    return (
      <div class="spread">
        <p style={{ margin: 0 }}>
          <strong>{t.phase === 'hold' ? 'Hold' : 'Relax'}</strong>{' '}
          <span class="countdown-sm" role="timer" aria-live="off" aria-label={`${left} second${left === 1 ? '' : 's'} left`}>
            {left}
          </span>
        </p>
        <button class="btn" type="button" onClick={() => setT((s) => finishBlock(s, now()))}>
          Finish now
        </button>
      </div>
    );
  }
  return <p style={{ margin: 0 }}>Finished. Well done.</p>;
}

export function BreakScreen({ nudgeId, slug }: { nudgeId?: string; slug?: string }) {
  const nudge = nudgeId && /^\d+$/.test(nudgeId) ? Number(nudgeId) : null;
  const q = useAsync(() => resolve(nudge, slug ?? null), [nudgeId, slug]);
  const [done, setDone] = useState<'sent' | 'saved' | null>(null);
  const [msg, setMsg] = useState('');
  const [sending, setSending] = useState(false);
  const [busyUntil, setBusyUntil] = useState<string | null>(null);

  if (nudgeId && nudge == null) return <Page title="Break not found"><p>We couldn't find that break.</p></Page>;
  if (q.loading && !q.data) return <Page title="Time to move"><Loading /></Page>;
  if (q.error && !q.data) return <Page title="Time to move"><ErrorNote error={q.error} retry={q.reload} /></Page>;
  const { exercise: ex, dose, stale } = q.data!;

  async function markDone() {
    setSending(true);
    setMsg('');
    // A break from a nudge answers it ("I moved" with the exercise); one done on the
    // patient's own initiative is recorded as a walk (a break the next nudge waits for).
    const id = nudge != null ? `ack-${nudge}` : `walk-${Date.now()}`;
    try {
      if (nudge != null) await outbox.enqueue(id, `/api/nudges/${nudge}/ack/`, { action: 'moved', exercise: ex.slug });
      else await outbox.enqueue(id, '/api/nudges/walk/', {});
      const report = await flushOutbox(true);
      if (report.sent.some((s) => s.id === id)) {
        setDone('sent');
        void refreshInboxUnread();
      } else if (report.attention.includes(id)) {
        // The server refused it (this reminder was already answered): nothing to keep.
        const entry = await outbox.get(id);
        await outbox.remove(id);
        setMsg(entry?.lastError ?? 'This reminder was already answered.');
      } else {
        setDone('saved');
        void requestBackgroundSync();
      }
    } catch {
      setMsg("Couldn't save that on this phone. Please try again.");
    } finally {
      setSending(false);
    }
  }

  async function notNow() {
    setSending(true);
    setMsg('');
    try {
      if (nudge != null) await api.post(`/api/nudges/${nudge}/ack/`, { action: 'snooze', minutes: 15 });
      navigate('/today');
    } catch (e) {
      setMsg(isOffline(e) ? "You're offline. The next reminder comes as planned." : e instanceof Error ? e.message : 'Something went wrong.');
    } finally {
      setSending(false);
    }
  }

  if (done) {
    return (
      <Page title="Well done">
        <p class="banner" role="status">
          {done === 'sent' ? `Your break is saved: ${ex.name}.` : `Saved on this phone: ${ex.name}. It will be sent when you're online.`}
        </p>
        <p>Moving every now and then is one of the best things you can do for your back.</p>
        <Link class="btn primary block" href="/today">
          Back to Today
        </Link>
      </Page>
    );
  }

  const doseLine = breakDoseText(dose);
  return (
    <Page title={ex.name} lead={<p class="muted">A one-minute break{doseLine ? `: ${doseLine}` : ''}</p>}>
      {stale && <p class="banner warn">You're offline. This exercise was saved on your phone.</p>}
      <div class="break-fig" style={{ '--aspect': String(poseAspect(ex.poses)) }}>
        <PoseFigure poses={ex.poses} name={ex.name} />
      </div>
      <h2>How to do it</h2>
      <ol class="steps">
        {ex.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      {(ex.safety_notes.length > 0 || ex.precautions.length > 0) && (
        <div class="banner warn">
          <h2 style={{ marginTop: 0 }}>Take care</h2>
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
          <p style={{ marginBottom: 0 }}>If it hurts, stop. Contact your clinician if pain gets worse.</p>
        </div>
      )}
      {nudge != null && (
        <section class="card" aria-labelledby="busy-h">
          <h2 id="busy-h" style={{ marginTop: 0 }}>
            Busy right now?
          </h2>
          <BusyControl busyUntil={busyUntil} onChange={setBusyUntil} />
        </section>
      )}
      <div class="card break-bar" data-testid="break-controls">
        <Counter dose={dose} name={ex.name} onFinished={() => document.getElementById('break-done')?.focus()} />
        <div class="row" style={{ marginTop: '.5rem' }}>
          <button id="break-done" class="btn primary grow" type="button" disabled={sending} onClick={() => void markDone()}>
            Done
          </button>
          <button class="btn grow" type="button" disabled={sending} onClick={() => void notNow()}>
            Not now
          </button>
        </div>
        <p role="status" aria-live="polite" class="small" style={{ margin: msg ? '.4rem 0 0' : 0 }}>
          {msg}
        </p>
      </div>
    </Page>
  );
}

