import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Assignment, ExerciseSummary, PatientRow, Program, Routine } from '../types';
import { api } from '../lib/client';
import { ApiError, fieldErrors } from '../lib/api';
import { fetchAll } from '../lib/paging';
import { DEFAULT_PHASES, editErrorText, fromProgram, itemsForSave, validateRows, type BuilderPhase as Phase, type BuilderRow as Row } from '../lib/program';
import { ErrorNote, Field, FormError, Loading, Page, useAsync } from '../components/ui';
import { t } from '../lib/i18n';
import { Library } from './builder/Library';
import { RoutinePicker } from './builder/RoutinePicker';
import { PhasesFieldset } from './builder/PhasesFieldset';
import { ExerciseRow } from './builder/ExerciseRow';
import { AssignFields, type AssignDraft } from './builder/AssignFields';
import { SavedProgram, type Saved } from './builder/SavedProgram';
import { moveItem, todayISO } from './builder/util';


let nextKey = 1;

/** Builds a new program, or edits program `id` (route /physio/programs/:id/edit). */
export function ProgramBuilder({ id }: { id?: string }) {
  const editing = id != null;
  const preselected = new URLSearchParams(location.search).get('patient') ?? '';
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [phases, setPhases] = useState<Phase[]>(DEFAULT_PHASES);
  const [assign, setAssign] = useState<AssignDraft>(() => ({ patient: editing ? '' : preselected, start: todayISO(), end: '', days: [1, 3, 5], time: '', notes: '' }));
  const { patient, start, end, days, time } = assign;
  const [announce, setAnnounce] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Saved | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [routine, setRoutine] = useState('');
  const allExercises = useAsync(() => fetchAll<ExerciseSummary>((p) => api.get(p), '/api/exercises/?page_size=100'), []);
  const routines = useAsync(() => (editing ? Promise.resolve([]) : fetchAll<Routine>((p) => api.get(p), '/api/routines/?page_size=100')), [editing]);
  const thumbs = useMemo(() => new Map((allExercises.data ?? []).map((e) => [e.slug, e.poses?.[0]?.svg_url])), [allExercises.data]);
  const patients = useAsync(() => (editing ? Promise.resolve([]) : fetchAll<PatientRow>((p) => api.get(p), '/api/patients/?ordering=name&page_size=100')), [editing]);
  const original = useAsync(() => (id ? api.get<Program>(`/api/programs/${encodeURIComponent(id)}/`) : Promise.resolve(null)), [id]);
  useEffect(() => {
    const p = original.data;
    if (!p) return;
    const state = fromProgram(p, () => nextKey++);
    setName(state.name);
    setNotes(state.notes);
    setPhases(state.phases);
    setRows(state.rows);
  }, [original.data]);

  useEffect(() => {
    if (focusKey) document.getElementById(focusKey)?.focus();
  }, [focusKey, rows]);

  // A "needs at least one exercise" message goes as soon as there is one.
  const clearItemsError = () => {
    if (errors.items) setErrors(({ items: _gone, ...rest }) => rest);
  };
  const useRoutine = () => {
    const r = (routines.data ?? []).find((x) => x.slug === routine);
    if (!r) return;
    if (rows.length > 0 && !window.confirm(t('{length, plural, one {Replace the # exercise in this program with the routine “{name}”?} other {Replace the # exercises in this program with the routine “{name}”?}}', { length: rows.length, name: r.name }))) return;
    const phase = phases[0].number;
    setRows(r.items.map((it) => ({ key: nextKey++, name: it.exercise.name, exercise: it.exercise.slug, sets: it.sets, reps: it.reps, hold_seconds: it.hold_seconds, rest_seconds: it.rest_seconds, per_side: it.per_side, notes: '', phase })));
    if (!name.trim()) setName(r.name);
    clearItemsError();
    setAnnounce(t('Routine {name} added: {length} exercises. Change any of them below.', { name: r.name, length: r.items.length }));
  };
  const add = (e: ExerciseSummary) => {
    const d = e.dosage;
    clearItemsError();
    setRows([...rows, { key: nextKey++, name: e.name, exercise: e.slug, sets: d.sets, reps: d.reps, hold_seconds: d.hold_seconds, rest_seconds: d.rest_seconds, per_side: d.per_side, notes: '', phase: phases[phases.length - 1].number }]);
    setAnnounce(t('{name} added as exercise {0}.', { name: e.name, 0: rows.length + 1 }));
  };
  const update = (key: number, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (i: number, dir: -1 | 1, which: 'up' | 'down') => {
    const to = i + dir;
    if (to < 0 || to >= rows.length) return;
    const r = rows[i];
    setRows(moveItem(rows, i, to));
    setAnnounce(t('{name} moved to position {0} of {length}.', { name: r.name, 0: to + 1, length: rows.length }));
    // Keep focus on the same button of the moved row, or its other button at the ends.
    const edge = (which === 'up' && to === 0) || (which === 'down' && to === rows.length - 1);
    setFocusKey(`${edge ? (which === 'up' ? 'down' : 'up') : which}-${r.key}`);
  };
  const remove = (i: number) => {
    setAnnounce(`${rows[i].name} removed.`);
    setRows(rows.filter((_, j) => j !== i));
  };
  const addPhase = () => {
    const n = phases.length + 1;
    setPhases([...phases, { number: n, label: t('Phase {n}', { n }), starts_week: (phases[phases.length - 1]?.starts_week ?? 1) + 2 }]);
  };

  async function submit(e: Event) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('Give the program a name.');
    if (rows.length === 0) errs.items = t('Add at least one exercise.');
    if (patient && days.length === 0) errs.days_of_week = t('Choose at least one day.');
    if (patient && !start) errs.start_date = t('Choose a start date.');
    Object.assign(errs, validateRows(rows));
    setErrors(errs);
    if (Object.keys(errs).length) {
      setAnnounce(t('Please check the highlighted fields.'));
      return;
    }
    await save(editing && !forbidden ? 'edit' : 'new');
  }

  async function save(mode: 'edit' | 'new') {
    setBusy(true);
    setErrors({});
    const body = { name: name.trim(), notes: notes.trim(), items: itemsForSave(rows), phases };
    if (mode === 'edit') {
      try {
        const program = await api.put<Program>(`/api/programs/${encodeURIComponent(id!)}/`, body);
        setDone({ program, assignment: null, edited: true });
      } catch (err) {
        if (err instanceof ApiError && err.status === 403) setForbidden(true);
        const fe = err instanceof ApiError && err.status === 400 ? fieldErrors(err.body) : {};
        setErrors({ ...fe, form: editErrorText(err) });
      } finally {
        setBusy(false);
      }
      return;
    }
    try {
      const program = await api.post<Program>('/api/programs/', body);
      let assignment: Assignment | null = null;
      if (patient) {
        assignment = await api.post<Assignment>('/api/assignments/', {
          program: program.id,
          patient: Number(patient),
          start_date: start,
          end_date: end || null,
          days_of_week: days,
          preferred_time: time || null,
          notes: assign.notes.trim(),
        });
      }
      setDone({ program, assignment, edited: false });
    } catch (err) {
      const fe = err instanceof ApiError ? fieldErrors(err.body) : {};
      setErrors({ ...fe, form: err instanceof Error ? err.message : t('Could not save.') });
    } finally {
      setBusy(false);
    }
  }

  if (done) return <SavedProgram done={done} preselected={preselected} />;

  if (editing && original.loading && !original.data) return <Page title={t('Edit program')} wide><Loading /></Page>;
  if (editing && original.error != null && !original.data) {
    return (
      <Page title={t('Edit program')} wide>
        <ErrorNote error={original.error instanceof ApiError && original.error.status === 404 ? new Error("We couldn't find this program. It may belong to another clinic.") : original.error} retry={original.reload} />
      </Page>
    );
  }

  const version = original.data?.version;
  return (
    <Page
      title={editing ? t('Edit program') : t('Build a program')}
      wide
      lead={
        editing && version != null ? (
          <p class="muted">
            {t("You're changing version {version}. Saving makes version {0}; sessions already logged keep the version they were done with.", { version, 0: version + 1 })}
          </p>
        ) : undefined
      }
    >
      <p class="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))', alignItems: 'start' }}>
        <div>
          {!editing && <RoutinePicker routines={routines} value={routine} onChange={setRoutine} onUse={useRoutine} />}
          <Library onAdd={add} added={new Set(rows.map((r) => r.exercise))} all={allExercises.data ?? null} />
        </div>
        <form class="card" onSubmit={submit} noValidate>
          <h2 style={{ marginTop: 0 }}>{t('Program')}</h2>
          <Field id="p-name" label={t('Name')} error={errors.name}>
            <input id="p-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={!!errors.name} />
          </Field>
          <Field id="p-notes" label={t('Notes for the patient')} hint={t('Optional.')}>
            <textarea id="p-notes" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} aria-describedby="p-notes-hint" />
          </Field>
          <PhasesFieldset phases={phases} onChange={setPhases} onAdd={addPhase} />

          <h3>{t('Exercises ({length})', { length: rows.length })}</h3>
          <FormError message={errors.items} />
          {rows.length === 0 && <p class="muted">{t('Add exercises from the library.')}</p>}
          <ol class="plain" style={{ listStyle: 'none', padding: 0 }}>
            {rows.map((r, i) => (
              <ExerciseRow
                key={r.key}
                r={r}
                i={i}
                count={rows.length}
                phases={phases}
                thumb={thumbs.get(r.exercise)}
                error={errors[`dose-${r.key}`]}
                onUpdate={(patch) => update(r.key, patch)}
                onMove={(dir, which) => move(i, dir, which)}
                onRemove={() => remove(i)}
              />
            ))}
          </ol>

          {!editing && <AssignFields patients={patients} value={assign} onChange={(patch) => setAssign((x) => ({ ...x, ...patch }))} errors={errors} />}
          <FormError message={errors.form} />
          <button class="btn primary block" type="submit" disabled={busy}>
            {busy ? t('Saving…') : editing ? (forbidden ? t('Save as a new program') : t('Save changes')) : patient ? t('Save and assign') : t('Save program')}
          </button>
        </form>
      </div>
    </Page>
  );
}
