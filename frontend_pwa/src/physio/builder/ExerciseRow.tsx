import type { BuilderPhase as Phase, BuilderRow as Row } from '../../lib/program';
import { Field, FormError } from '../../components/ui';
import { t } from '../../lib/i18n';
import { Thumb } from './Library';
import { num } from './util';

/** One exercise of the program being built: its dose, phase and note, move up / down, remove. */
export function ExerciseRow({
  r,
  i,
  count,
  phases,
  thumb,
  error,
  onUpdate,
  onMove,
  onRemove,
}: {
  r: Row;
  i: number;
  count: number;
  phases: Phase[];
  thumb?: string;
  /** The row's dose error (reps or hold needed), pointed at by the reps and hold inputs. */
  error?: string;
  onUpdate: (patch: Partial<Row>) => void;
  onMove: (dir: -1 | 1, which: 'up' | 'down') => void;
  onRemove: () => void;
}) {
  return (
    <li class="card" style={{ background: 'var(--surface-2)' }}>
      <div class="spread">
        <span class="row" style={{ flexWrap: 'nowrap' }}>
          <Thumb url={thumb} />
          <strong>
            {i + 1}. {r.name}
          </strong>
        </span>
        <div class="row">
          <button id={`up-${r.key}`} class="btn" type="button" disabled={i === 0} onClick={() => onMove(-1, 'up')} aria-label={t('Move {name} up', { name: r.name })}>
            ↑
          </button>
          <button id={`down-${r.key}`} class="btn" type="button" disabled={i === count - 1} onClick={() => onMove(1, 'down')} aria-label={t('Move {name} down', { name: r.name })}>
            ↓
          </button>
          <button class="btn danger" type="button" onClick={onRemove} aria-label={t('Remove {name}', { name: r.name })}>
            ✕
          </button>
        </div>
      </div>
      <div class="grid2">
        <Field id={`sets-${r.key}`} label={t('Sets')}>
          <input id={`sets-${r.key}`} type="number" min={1} max={20} value={r.sets} onInput={(e) => onUpdate({ sets: num(e.currentTarget.value) ?? 1 })} />
        </Field>
        <Field id={`reps-${r.key}`} label={t('Reps')} hint={t('Empty for none')}>
          <input id={`reps-${r.key}`} type="number" min={1} max={100} value={r.reps ?? ''} aria-invalid={!!error} aria-describedby={error ? `reps-${r.key}-hint dose-${r.key}-error` : `reps-${r.key}-hint`} onInput={(e) => onUpdate({ reps: num(e.currentTarget.value) })} />
        </Field>
        <Field id={`hold-${r.key}`} label={t('Hold (s)')} hint={t('Empty for none')}>
          <input id={`hold-${r.key}`} type="number" min={1} max={600} value={r.hold_seconds ?? ''} aria-invalid={!!error} aria-describedby={error ? `hold-${r.key}-hint dose-${r.key}-error` : `hold-${r.key}-hint`} onInput={(e) => onUpdate({ hold_seconds: num(e.currentTarget.value) })} />
        </Field>
        <Field id={`rest-${r.key}`} label={t('Rest (s)')}>
          <input id={`rest-${r.key}`} type="number" min={0} max={600} value={r.rest_seconds} onInput={(e) => onUpdate({ rest_seconds: num(e.currentTarget.value) ?? 0 })} />
        </Field>
        <Field id={`phase-${r.key}`} label={t('Phase')}>
          <select id={`phase-${r.key}`} value={r.phase} onChange={(e) => onUpdate({ phase: Number(e.currentTarget.value) })}>
            {phases.map((p) => (
              <option key={p.number} value={p.number}>
                {p.label || t('Phase {n}', { n: p.number })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FormError id={`dose-${r.key}-error`} message={error} announce={false} />
      <label class="check">
        <input type="checkbox" checked={r.per_side} onChange={(e) => onUpdate({ per_side: e.currentTarget.checked })} />
        {t('Each side')}
      </label>
      <Field id={`notes-${r.key}`} label={t('Note for the patient')}>
        <input id={`notes-${r.key}`} type="text" value={r.notes} onInput={(e) => onUpdate({ notes: e.currentTarget.value })} />
      </Field>
    </li>
  );
}
