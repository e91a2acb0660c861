import { useEffect, useRef, useState } from 'preact/hooks';
import type { SafetyDoc, Session as SessionOut, SessionIn, SessionItemIn, TodayAssignment } from '../types';
import { flushOutbox, outbox, requestBackgroundSync, sentResults, sync } from '../lib/client';
import { useStore } from '../lib/store';
import { sessionRunning } from '../lib/sw-register';
import type { TimerProgress } from '../lib/timer';
import { clearRunning, loadRunning, saveRunning, type RunningSession } from '../lib/running';
import { ErrorNote, Link, Loading, Page, useAsync } from '../components/ui';
import { loadToday } from './Today';
import { screeningGate } from './Safety';
import { t } from '../lib/i18n';
import { uuid } from './session/cues';
import { ResumePrompt } from './session/ResumePrompt';
import { PainBefore } from './session/PainBefore';
import { ExerciseStep } from './session/ExerciseStep';
import { AfterSession, type AfterAnswers } from './session/AfterSession';
import { SessionResult } from './session/SessionResult';

export { SafetyPanel } from './session/SafetyPanel';

type Stage = { kind: 'before' } | { kind: 'exercise'; index: number } | { kind: 'after' } | { kind: 'saving' } | { kind: 'result'; session: SessionOut | null; body: SessionIn };

/** A session from start to saved: the stages, what is kept across a reload, the outbox. */
function Player({ assignment, safety }: { assignment: TodayAssignment; safety?: SafetyDoc }) {
  const items = [...assignment.items].sort((a, b) => a.position - b.position);
  const [stage, setStage] = useState<Stage>({ kind: 'before' });
  const [painBefore, setPainBefore] = useState<number | null>(null);
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

  const begin = (pain: number) => {
    startedAt.current = new Date().toISOString();
    void saveRunning({ id: id.current, assignment: assignment.id, startedAt: startedAt.current, painBefore: pain, index: 0, results: [], current: null });
    setStage({ kind: 'exercise', index: 0 });
  };

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

  async function save({ painAfter, difficulty, notes }: AfterAnswers) {
    if (painBefore == null) return;
    const body: SessionIn = {
      id: id.current,
      assignment: assignment.id,
      started_at: startedAt.current,
      completed_at: new Date().toISOString(),
      pain_before: painBefore,
      pain_after: painAfter,
      difficulty,
      items: items.map((it, i) => results[i] ?? { exercise: it.exercise.slug, sets_done: 0, reps_done: 0, skipped: true, skip_reason: t('Not reached') }),
      notes,
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
    return (
      <Page title={assignment.program_name}>
        <ResumePrompt
          saved={saved}
          total={items.length}
          onResume={() => resumeSaved(saved)}
          onStartAgain={() => {
            void clearRunning(assignment.id);
            setSaved(null);
          }}
        />
      </Page>
    );
  }

  if (stage.kind === 'before') {
    return (
      <Page title={assignment.program_name}>
        <PainBefore assignment={assignment} total={items.length} safety={safety} pain={painBefore} onPain={setPainBefore} onBegin={begin} />
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
    return <AfterSession done={done} total={items.length} saving={stage.kind === 'saving'} onSave={(a) => void save(a)} />;
  }

  return <SessionResult session={stage.session} body={stage.body} online={s.online} safety={safety} />;
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
