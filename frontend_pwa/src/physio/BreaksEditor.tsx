// "Micro-breaks at work" for one assignment: which desk-friendly exercises the movement
// reminders suggest, their dose and how often, and which never to suggest.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { api } from '../lib/client';
import { breakDoseText, editorRows, everyNthLabel, numberOrNull, prescriptionBody, prescriptionErrors, type EditorRow, type RowMode } from '../breaks/logic';
import type { BreakPrescription } from '../breaks/types';
import { ErrorNote, Field, FieldError, FormStatus, Loading, useAsync } from '../components/ui';

const MODES: { value: RowMode; label: string }[] = [
  { value: 'prescribed', label: 'Prescribed' },
  { value: 'default', label: 'Not chosen' },
  { value: 'excluded', label: 'Never suggest' },
];

function Row({ id, row, errors, onChange }: { id: string; row: EditorRow; errors: Record<string, string>; onChange: (r: EditorRow) => void }) {
  const key = (f: string) => `${id}-${f}`;
  const err = (f: string) => errors[`${row.slug}.${f}`];
  return (
    <li class={`break-row${row.conflict ? ' conflict' : ''}`}>
      <Field id={key('mode')} label={`${row.name}${row.source === 'program' ? ' (in the program)' : ''}`} hint={row.conflict ? `Not available: ${row.reason ?? 'conflicts with a recorded precaution'}` : undefined} error={err('mode')}>
        <select id={key('mode')} value={row.conflict ? 'excluded' : row.mode} disabled={row.conflict} aria-describedby={row.conflict ? `${key('mode')}-hint` : undefined} onChange={(e) => onChange({ ...row, mode: e.currentTarget.value as RowMode })}>
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {row.conflict && m.value === 'excluded' ? 'Not available' : m.label}
            </option>
          ))}
        </select>
      </Field>
      {row.mode === 'prescribed' && !row.conflict && (
        <div class="grid4">
          <Field id={key('sets')} label="Sets" error={err('sets')}>
            <input id={key('sets')} type="number" min={1} max={10} inputMode="numeric" value={row.sets} onInput={(e) => onChange({ ...row, sets: Number(e.currentTarget.value) })} />
          </Field>
          <Field id={key('reps')} label="Reps" error={err('reps')}>
            <input id={key('reps')} type="number" min={1} max={100} inputMode="numeric" value={row.reps ?? ''} onInput={(e) => onChange({ ...row, reps: numberOrNull(e.currentTarget.value) })} />
          </Field>
          <Field id={key('hold')} label="Hold (s)" error={err('hold_seconds')}>
            <input id={key('hold')} type="number" min={1} max={300} inputMode="numeric" value={row.hold_seconds ?? ''} onInput={(e) => onChange({ ...row, hold_seconds: numberOrNull(e.currentTarget.value) })} />
          </Field>
          <Field id={key('often')} label="How often" error={err('every_nth')}>
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
      setOk('Micro-breaks saved.');
    } catch (err) {
      const found = err instanceof ApiError ? prescriptionErrors(err.body, body.items) : {};
      setErrors(found);
      setFailure(Object.keys(found).length ? `Not saved. ${found.items ?? found.excluded ?? found.form ?? 'Please fix the marked fields.'}` : "Not saved. Check your connection and try again.");
    } finally {
      setSaving(false);
    }
  }

  const id = `br${assignmentId}`;
  return (
    <form class="breaks-editor" onSubmit={save} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} style={{ marginTop: '.5rem' }}>
        Micro-breaks at work
      </h3>
      <p class="small muted">
        The movement reminders suggest these desk-friendly exercises. With nothing prescribed, the patient gets the defaults (minus any you mark "Never suggest").
        Exercises that conflict with the patient's recorded precautions are never offered.
      </p>
      <ul class="plain">
        {rows.map((r, i) => (
          <Row key={r.slug} id={`${id}-${r.slug}`} row={r} errors={errors} onChange={(next) => setRows(rows.map((x, j) => (j === i ? next : x)))} />
        ))}
      </ul>
      <FieldError id={`${id}-excluded-error`} message={errors.excluded} />
      <button class="btn primary" type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save micro-breaks'}
      </button>
      <div style={{ marginTop: '.5rem' }}>
        <FormStatus ok={ok} error={failure} />
      </div>
      <h4 style={{ marginBottom: '.25rem' }}>What the patient is offered now</h4>
      {effective.length === 0 ? (
        <p class="small">Nothing yet: the reminders only say to stand up and move.</p>
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
