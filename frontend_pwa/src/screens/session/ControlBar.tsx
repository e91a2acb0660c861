import { countRep, finishBlock, holdsPerBlock, pause, resume, secondsLeft, skipRest, type TimerState } from '../../lib/timer';
import { t } from '../../lib/i18n';
import { sideText } from './cues';

/** The player's control bar: the countdown or rep counter and the buttons that drive the
    timer. Sticky, so the timer and the main control stay on screen however far the page scrolls. */
export function ControlBar({
  tm,
  update,
  name,
  last,
  announce,
  onStart,
  onNext,
}: {
  tm: TimerState;
  /** Moves the timer on: `update((s) => countRep(s, now))`. */
  update: (step: (s: TimerState) => TimerState) => void;
  name: string;
  /** The last exercise of the session ("Finish session" instead of "Next exercise"). */
  last: boolean;
  /** The latest spoken cue, for screen readers. */
  announce: string;
  onStart: () => void;
  onNext: () => void;
}) {
  const now = () => performance.now();
  return (
    <div class="card player-controls" data-testid="player-controls">
      <p class="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      {tm.phase === 'ready' && (
        <button class="btn primary block big" type="button" onClick={onStart}>
          {t('Start {name}', { name })}
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
          <button class="btn primary block big" type="button" onClick={() => update((s) => countRep(s, now()))}>
            {tm.dose.reps ? t('Count a rep ({rep} of {reps})', { rep: tm.rep, reps: tm.dose.reps }) : t('Count a rep ({rep})', { rep: tm.rep })}
          </button>
          <button class="btn block" type="button" style={{ marginTop: '.5rem' }} onClick={() => update((s) => finishBlock(s, now()))}>
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
            <button class="btn" type="button" onClick={() => update((s) => (s.paused ? resume(s, now()) : pause(s, now())))}>
              {tm.paused ? t('Resume') : t('Pause')}
            </button>
            {tm.phase === 'rest' ? (
              <button class="btn" type="button" onClick={() => update((s) => skipRest(s, now()))}>
                {t('Skip rest')}
              </button>
            ) : (
              <button class="btn" type="button" onClick={() => update((s) => finishBlock(s, now()))}>
                {tm.side === 'left' ? t('Switch side now') : t('Finish set now')}
              </button>
            )}
          </div>
        </>
      )}
      {tm.phase === 'done' && (
        <>
          <p class="phase-label">{t('Well done — {name} is finished.', { name })}</p>
          <button class="btn primary block big" type="button" onClick={onNext}>
            {last ? t('Finish session') : t('Next exercise')}
          </button>
        </>
      )}
    </div>
  );
}
