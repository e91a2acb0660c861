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
import { t } from '../lib/i18n';
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
  if (!exerciseSlug) throw new Error(t('There is no exercise for this break. Stand up, walk around for a minute, and sit back down gently.'));
  if (!dose) dose = (await pool().catch(() => [])).find((p) => p.exercise === exerciseSlug) ?? null;
  const { data: exercise, stale } = await getWithFallback<Exercise>(`/api/exercises/${encodeURIComponent(exerciseSlug)}/`, `upright.exercise.${exerciseSlug}`);
  dose ??= { sets: 1, reps: exercise.dosage.reps, hold_seconds: exercise.dosage.hold_seconds };
  return { nudge, exercise, dose, stale };
}

function Counter({ dose, name, onFinished }: { dose: BreakDose; name: string; onFinished: () => void }) {
  const [tm, setT] = useState<TimerState>(() => initTimer({ sets: dose.sets || 1, reps: dose.reps, holdSeconds: dose.hold_seconds, restSeconds: 0, perSide: false }));
  useEffect(() => {
    if (tm.endsAt == null) return;
    const id = window.setInterval(() => setT((s) => tick(s, performance.now())), 200);
    return () => window.clearInterval(id);
  }, [tm.endsAt, tm.paused]);
  const finished = useRef(false);
  useEffect(() => {
    if (tm.phase === 'done' && !finished.current) {
      finished.current = true;
      onFinished();
    }
  }, [tm.phase]);
  const now = () => performance.now();
  if (tm.phase === 'ready') {
    return (
      <button class="btn block" type="button" onClick={() => setT((s) => begin(s, now()))}>
        {t('Start {name}', { name })}
      </button>
    );
  }
  if (tm.phase === 'reps') {
    return (
      <button class="btn block" type="button" onClick={() => setT((s) => countRep(s, now()))}>
        {tm.dose.reps ? t('Count a rep ({rep} of {reps})', { rep: tm.rep, reps: tm.dose.reps }) : t('Count a rep ({rep})', { rep: tm.rep })}
      </button>
    );
  }
  if (tm.phase === 'hold' || tm.phase === 'relax' || tm.phase === 'rest') {
    const left = secondsLeft(tm);
    return (
      <div class="spread">
        <p style={{ margin: 0 }}>
          <strong>{tm.phase === 'hold' ? t('Hold') : t('Relax')}</strong>{' '}
          <span class="countdown-sm" role="timer" aria-live="off" aria-label={t('{seconds, plural, one {# second left} other {# seconds left}}', { seconds: left })}>
            {left}
          </span>
        </p>
        <button class="btn" type="button" onClick={() => setT((s) => finishBlock(s, now()))}>
          {t('Finish now')}
        </button>
      </div>
    );
  }
  return <p style={{ margin: 0 }}>{t('Finished. Well done.')}</p>;
}

export function BreakScreen({ nudgeId, slug }: { nudgeId?: string; slug?: string }) {
  const nudge = nudgeId && /^\d+$/.test(nudgeId) ? Number(nudgeId) : null;
  const q = useAsync(() => resolve(nudge, slug ?? null), [nudgeId, slug]);
  const [done, setDone] = useState<'sent' | 'saved' | null>(null);
  const [msg, setMsg] = useState('');
  const [sending, setSending] = useState(false);
  const [busyUntil, setBusyUntil] = useState<string | null>(null);

  if (nudgeId && nudge == null) return <Page title={t('Break not found')}><p>{t("We couldn't find that break.")}</p></Page>;
  if (q.loading && !q.data) return <Page title={t('Time to move')}><Loading /></Page>;
  if (q.error && !q.data) return <Page title={t('Time to move')}><ErrorNote error={q.error} retry={q.reload} /></Page>;
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
        setMsg(entry?.lastError ?? t('This reminder was already answered.'));
      } else {
        setDone('saved');
        void requestBackgroundSync();
      }
    } catch {
      setMsg(t("Couldn't save that on this phone. Please try again."));
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
      setMsg(isOffline(e) ? t("You're offline. The next reminder comes as planned.") : e instanceof Error ? e.message : t('Something went wrong.'));
    } finally {
      setSending(false);
    }
  }

  if (done) {
    return (
      <Page title={t('Well done')}>
        <p class="banner" role="status">
          {done === 'sent' ? t('Your break is saved: {name}.', { name: ex.name }) : t("Saved on this phone: {name}. It will be sent when you're online.", { name: ex.name })}
        </p>
        <p>{t('Moving every now and then is one of the best things you can do for your back.')}</p>
        <Link class="btn primary block" href="/today">
          {t('Back to Today')}
        </Link>
      </Page>
    );
  }

  const doseLine = breakDoseText(dose);
  return (
    <Page title={ex.name} lead={<p class="muted">{doseLine ? t('A one-minute break: {dose}', { dose: doseLine }) : t('A one-minute break')}</p>}>
      {stale && <p class="banner warn">{t("You're offline. This exercise was saved on your phone.")}</p>}
      <div class="break-fig" style={{ '--aspect': String(poseAspect(ex.poses)) }}>
        <PoseFigure poses={ex.poses} name={ex.name} />
      </div>
      <h2>{t('How to do it')}</h2>
      <ol class="steps">
        {ex.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      {(ex.safety_notes.length > 0 || ex.precautions.length > 0) && (
        <div class="banner warn">
          <h2 style={{ marginTop: 0 }}>{t('Take care')}</h2>
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
          <p style={{ marginBottom: 0 }}>{t('If it hurts, stop. Contact your clinician if pain gets worse.')}</p>
        </div>
      )}
      {nudge != null && (
        <section class="card" aria-labelledby="busy-h">
          <h2 id="busy-h" style={{ marginTop: 0 }}>
            {t('Busy right now?')}
          </h2>
          <BusyControl busyUntil={busyUntil} onChange={setBusyUntil} />
        </section>
      )}
      <div class="card break-bar" data-testid="break-controls">
        <Counter dose={dose} name={ex.name} onFinished={() => document.getElementById('break-done')?.focus()} />
        <div class="row" style={{ marginTop: '.5rem' }}>
          <button id="break-done" class="btn primary grow" type="button" disabled={sending} onClick={() => void markDone()}>
            {t('Done')}
          </button>
          <button class="btn grow" type="button" disabled={sending} onClick={() => void notNow()}>
            {t('Not now')}
          </button>
        </div>
        <p role="status" aria-live="polite" class="small" style={{ margin: msg ? '.4rem 0 0' : 0 }}>
          {msg}
        </p>
      </div>
    </Page>
  );
}

