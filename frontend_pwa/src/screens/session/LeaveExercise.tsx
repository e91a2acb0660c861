import { useState } from 'preact/hooks';
import { ChoiceTiles } from '../../components/ui';
import { msg, t } from '../../lib/i18n';

const SKIP_REASONS = [msg('It hurt'), msg('Too hard'), msg('No time'), msg('Missing equipment'), msg('Other')];

/** Leaving an exercise: skip it (with a reason) or end the whole session early (confirmed). */
export function LeaveExercise({ canSkip, onSkip, onEndEarly }: { canSkip: boolean; onSkip: (reason: string) => void; onEndEarly: () => void }) {
  const [skipping, setSkipping] = useState(false);
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState('');

  if (ending) {
    return (
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
    );
  }
  if (!skipping) {
    return (
      <div class="row">
        {canSkip && (
          <button class="btn" type="button" onClick={() => setSkipping(true)}>
            {t('Skip this exercise')}
          </button>
        )}
        <button class="btn ghost" type="button" onClick={() => setEnding(true)}>
          {t('End session early')}
        </button>
      </div>
    );
  }
  return (
    <div class="card">
      <ChoiceTiles name="skip" legend={t('Why are you skipping it?')} options={SKIP_REASONS.map((r) => ({ value: r, label: t(r) }))} value={reason || null} onChange={setReason} />
      <div class="row">
        <button class="btn primary" type="button" disabled={!reason} onClick={() => onSkip(reason)}>
          {t('Skip and continue')}
        </button>
        <button class="btn ghost" type="button" onClick={() => setSkipping(false)}>
          {t('Keep going')}
        </button>
      </div>
    </div>
  );
}
