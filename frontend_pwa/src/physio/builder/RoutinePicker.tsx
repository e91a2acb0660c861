import type { Routine } from '../../types';
import { ErrorNote, Field, type AsyncState } from '../../components/ui';
import { t } from '../../lib/i18n';

/** "Start from a routine": a library routine's exercises and doses fill the program. */
export function RoutinePicker({ routines, value, onChange, onUse }: { routines: AsyncState<Routine[]>; value: string; onChange: (slug: string) => void; onUse: () => void }) {
  return (
    <section class="card" aria-labelledby="rt-h">
      <h2 id="rt-h" style={{ marginTop: 0 }}>
        {t('Start from a routine')}
      </h2>
      {routines.error != null && <ErrorNote error={routines.error} retry={routines.reload} />}
      <Field id="rt-pick" label={t('Library routine')} hint={t('Its exercises and doses fill the program; you can change them before saving.')}>
        <select id="rt-pick" value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-describedby="rt-pick-hint">
          <option value="">{t('Choose a routine')}</option>
          {(routines.data ?? []).map((r) => (
            <option key={r.slug} value={r.slug}>
              {r.name}
              {r.duration_minutes ? ` (${r.duration_minutes} min)` : ''}
            </option>
          ))}
        </select>
      </Field>
      {value && <p class="small muted">{(routines.data ?? []).find((r) => r.slug === value)?.goal}</p>}
      <button class="btn" type="button" disabled={!value} onClick={onUse}>
        {t('Use this routine')}
      </button>
    </section>
  );
}
