import type { TodayItem } from '../../types';
import { t } from '../../lib/i18n';

/** How to do the exercise: steps, tips, cautions and common mistakes, below the player. */
export function ExerciseGuide({ ex }: { ex: TodayItem['exercise'] }) {
  return (
    <>
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
    </>
  );
}
