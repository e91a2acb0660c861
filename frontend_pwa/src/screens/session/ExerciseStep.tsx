import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionItemIn, TodayItem } from '../../types';
import { buzz, speak } from '../../lib/speech';
import { begin, initTimer, initTimerAt, tick, type TimerProgress, type TimerState } from '../../lib/timer';
import { poseAspect } from '../../lib/poseBox';
import { PoseFigure } from '../../components/PoseFigure';
import { doseText } from '../../components/ui';
import { t } from '../../lib/i18n';
import { cueFor, IMPORTANT } from './cues';
import { MuteToggle } from './MuteToggle';
import { ControlBar } from './ControlBar';
import { LeaveExercise } from './LeaveExercise';
import { ExerciseGuide } from './ExerciseGuide';

/** One exercise of the session: the figure, the timer (spoken, vibrating), skip / end early. */
export function ExerciseStep({
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

  const result = (): SessionItemIn => {
    const r: SessionItemIn = { exercise: ex.slug, sets_done: tm.setsDone, reps_done: tm.repsDone };
    if (item.hold_seconds) r.hold_seconds_done = tm.holdSecondsDone;
    return r;
  };

  const start = () => {
    setT((s) => begin(s, performance.now()));
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

      <ControlBar tm={tm} update={setT} name={ex.name} last={index + 1 >= total} announce={announce} onStart={start} onNext={() => onDone(result())} />

      {item.notes && (
        <p class="banner" style={{ marginTop: '1rem' }}>
          <strong>{t('From your physiotherapist:')}</strong> {item.notes}
        </p>
      )}

      <p class="banner warn">
        <strong>{t('If pain gets sharply worse, stop.')}</strong> {t("Skip this exercise and contact your clinician if it doesn't settle.")}
      </p>

      <LeaveExercise canSkip={tm.phase !== 'done'} onSkip={(reason) => onDone({ ...result(), skipped: true, skip_reason: reason })} onEndEarly={onEndEarly} />

      <ExerciseGuide ex={ex} />
    </section>
  );
}
