import type { BuilderPhase as Phase } from '../../lib/program';
import { Field } from '../../components/ui';
import { t } from '../../lib/i18n';
import { num } from './util';

/** The program's phases: a name and a starting week each, and "Add a phase". */
export function PhasesFieldset({ phases, onChange, onAdd }: { phases: Phase[]; onChange: (phases: Phase[]) => void; onAdd: () => void }) {
  return (
    <fieldset>
      <legend>{t('Phases')}</legend>
      {phases.map((ph, i) => (
        <div class="grid2" key={ph.number}>
          <Field id={`ph-label-${ph.number}`} label={t('Phase {number} name', { number: ph.number })}>
            <input id={`ph-label-${ph.number}`} type="text" value={ph.label} onInput={(e) => onChange(phases.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)))} />
          </Field>
          <Field id={`ph-week-${ph.number}`} label={t('Starts in week')}>
            <input id={`ph-week-${ph.number}`} type="number" min={1} value={ph.starts_week} onInput={(e) => onChange(phases.map((x, j) => (j === i ? { ...x, starts_week: num(e.currentTarget.value) ?? 1 } : x)))} />
          </Field>
        </div>
      ))}
      <button class="btn" type="button" onClick={onAdd}>
        {t('Add a phase')}
      </button>
    </fieldset>
  );
}
