// "Micro-breaks at work" for one assignment: which desk-friendly exercises the movement
// reminders suggest, their dose and how often, and which never to suggest.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { api } from '../lib/client';
import { breakDoseText, editorRows, everyNthLabel, numberOrNull, prescriptionBody, prescriptionErrors, type EditorRow, type RowMode } from '../breaks/logic';
import type { BreakPrescription } from '../breaks/types';
import { t } from '../lib/i18n';
import { ErrorNote, Field, FieldError, FormStatus, Loading, useAsync } from '../components/ui';

const MODES: { value: RowMode; label: string }[] = [
  { value: 'prescribed', get label() { return t('Prescribed'); } },
  { value: 'default', get label() { return t('Not chosen'); } },
  { value: 'excluded', get label() { return t('Never suggest'); } },
];

function Row({ id, row, errors, onChange }: { id: string; row: EditorRow; errors: Record<string, string>; onChange: (r: EditorRow) => void }) {
  const key = (f: string) => `${id}-${f}`;
  const err = (f: string) => errors[`${row.slug}.${f}`];
  return (
    <li class={`break-row${row.conflict ? ' conflict' : ''}`}>
      <Field id={key('mode')} label={row.source === 'program' ? t('{name} (in the program)', { name: row.name }) : row.name} hint={row.conflict ? (row.reason ? t('Not available: {reason}', { reason: row.reason }) : t('Not available: conflicts with a recorded precaution')) : undefined} error={err('mode')}>
        <select id={key('mode')} value={row.conflict ? 'excluded' : row.mode} disabled={row.conflict} aria-describedby={row.conflict ? `${key('mode')}-hint` : undefined} onChange={(e) => onChange({ ...row, mode: e.currentTarget.value as RowMode })}>
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {row.conflict && m.value === 'excluded' ? t('Not available') : m.label}
            </option>
          ))}
        </select>
      </Field>
      {row.mode === 'prescribed' && !row.conflict && (
        <div class="grid4">
          <Field id={key('sets')} label={t('Sets')} error={err('sets')}>
            <input id={key('sets')} type="number" min={1} max={10} inputMode="numeric" value={row.sets} onInput={(e) => onChange({ ...row, sets: Number(e.currentTarget.value) })} />
          </Field>
          <Field id={key('reps')} label={t('Reps')} error={err('reps')}>
            <input id={key('reps')} type="number" min={1} max={100} inputMode="numeric" value={row.reps ?? ''} onInput={(e) => onChange({ ...row, reps: numberOrNull(e.currentTarget.value) })} />
          </Field>
          <Field id={key('hold')} label={t('Hold (s)')} error={err('hold_seconds')}>
            <input id={key('hold')} type="number" min={1} max={300} inputMode="numeric" value={row.hold_seconds ?? ''} onInput={(e) => onChange({ ...row, hold_seconds: numberOrNull(e.currentTarget.value) })} />
          </Field>
          <Field id={key('often')} label={t('How often')} error={err('every_nth')}>
            <select id={key('often')} value={row.every_nth} onChange={(e) => onChange({ ...row, every_nth: Number(e.currentTarget.value) })}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {everyNthLabel(n)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
    </li>
  );
}

export function BreaksEditor({ assignmentId }: { assignmentId: number }) {
  const url = `/api/assignments/${assignmentId}/breaks/`;
  const q = useAsync(() => api.get<BreakPrescription>(url), [assignmentId]);
  const [rows, setRows] = useState<EditorRow[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [ok, setOk] = useState('');
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (q.data) setRows(editorRows(q.data));
  }, [q.data]);
  if (q.loading && !rows) return <Loading />;
  if (q.error && !rows) return <ErrorNote error={q.error} retry={q.reload} />;
  if (!rows || !q.data) return null;
  const effective = q.data.effective;

  async function save(e: Event) {
    e.preventDefault();
    const body = prescriptionBody(rows!);
    setSaving(true);
    setOk('');
    setFailure('');
    setErrors({});
    try {
      const saved = await api.put<BreakPrescription>(url, body);
      q.setData(saved);
      setOk(t('Micro-breaks saved.'));
    } catch (err) {
      const found = err instanceof ApiError ? prescriptionErrors(err.body, body.items) : {};
      setErrors(found);
      const why = found.items ?? found.excluded ?? found.form;
      setFailure(Object.keys(found).length ? (why ? t('Not saved. {reason}', { reason: why }) : t('Not saved. Please fix the marked fields.')) : t('Not saved. Check your connection and try again.'));
    } finally {
      setSaving(false);
    }
  }

  const id = `br${assignmentId}`;
  return (
    <form class="breaks-editor" onSubmit={save} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} style={{ marginTop: '.5rem' }}>
        {t('Micro-breaks at work')}
      </h3>
      <p class="small muted">
        {t('The movement reminders suggest these desk-friendly exercises. With nothing prescribed, the patient gets the defaults (minus any you mark "Never suggest"). Exercises that conflict with the patient\'s recorded precautions are never offered.')}
      </p>
      <ul class="plain">
        {rows.map((r, i) => (
          <Row key={r.slug} id={`${id}-${r.slug}`} row={r} errors={errors} onChange={(next) => setRows(rows.map((x, j) => (j === i ? next : x)))} />
        ))}
      </ul>
      <FieldError id={`${id}-excluded-error`} message={errors.excluded} />
      <button class="btn primary" type="submit" disabled={saving}>
        {saving ? t('Saving…') : t('Save micro-breaks')}
      </button>
      <div style={{ marginTop: '.5rem' }}>
        <FormStatus ok={ok} error={failure} />
      </div>
      <h4 style={{ marginBottom: '.25rem' }}>{t('What the patient is offered now')}</h4>
      {effective.length === 0 ? (
        <p class="small">{t('Nothing yet: the reminders only say to stand up and move.')}</p>
      ) : (
        <ul class="small" data-testid={`${id}-effective`}>
          {effective.map((e) => (
            <li key={e.exercise}>
              {e.name}
              {breakDoseText(e) ? ` · ${breakDoseText(e)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
