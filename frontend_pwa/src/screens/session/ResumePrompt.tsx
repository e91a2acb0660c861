import type { RunningSession } from '../../lib/running';
import { formatDate, t } from '../../lib/i18n';

/** A session interrupted by a reload or a killed tab: carry on, or start again. */
export function ResumePrompt({ saved, total, onResume, onStartAgain }: { saved: RunningSession; total: number; onResume: () => void; onStartAgain: () => void }) {
  const doneCount = saved.results.filter((r) => r && !r.skipped).length;
  return (
    <section class="card" aria-labelledby="resume-h">
      <h2 id="resume-h" style={{ marginTop: 0 }}>
        {t('Carry on where you stopped?')}
      </h2>
      <p>
        {saved.index < total ? t('You started this session at {time} and were on exercise {n} of {length}.', { time: formatDate(saved.startedAt, { hour: '2-digit', minute: '2-digit' }), n: saved.index + 1, length: total }) : t('You started this session at {time}.', { time: formatDate(saved.startedAt, { hour: '2-digit', minute: '2-digit' }) })}{' '}
        {t('{doneCount, plural, one {# exercise done so far.} other {# exercises done so far.}}', { doneCount })}
      </p>
      <button class="btn primary block big" type="button" onClick={onResume}>
        {t('Resume session')}
      </button>
      <button class="btn block" type="button" style={{ marginTop: '.5rem' }} onClick={onStartAgain}>
        {t('Start again')}
      </button>
    </section>
  );
}
