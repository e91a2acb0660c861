import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Assignment, ExerciseSummary, PatientRow, Program, Routine } from '../types';
import { api } from '../lib/client';
import { ApiError, fieldErrors, qs } from '../lib/api';
import { fetchAll } from '../lib/paging';
import { DEFAULT_PHASES, editErrorText, fromProgram, itemsForSave, validateRows, type BuilderPhase as Phase, type BuilderRow as Row } from '../lib/program';
import { doseText, ErrorNote, Field, Link, Loading, Page, useAsync, weekdays, FormError } from '../components/ui';
import { ShowMore, usePaged } from '../components/Paged';
import { locale, t } from '../lib/i18n';

let nextKey = 1;

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const copy = [...list];
  const [x] = copy.splice(from, 1);
  copy.splice(to, 0, x);
  return copy;
}

function todayISO(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function uniq(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort();
}

/** A small picture of an exercise's first pose (the pose SVG endpoint), or nothing. */
export function Thumb({ url }: { url?: string }) {
  if (!url) return <span class="thumb" aria-hidden="true" />;
  return <img class="thumb" src={url} alt="" width={56} height={56} loading="lazy" decoding="async" />;
}

function Library({ onAdd, added, all }: { onAdd: (e: ExerciseSummary) => void; added: Set<string>; all: ExerciseSummary[] | null }) {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [category, setCategory] = useState('');
  const [position, setPosition] = useState('');
  const [desk, setDesk] = useState(false);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(search.trim()), 300);
    return () => window.clearTimeout(t);
  }, [search]);
  const q = usePaged<ExerciseSummary>(`/api/exercises/${qs({ search: debounced, category, position, desk_friendly: desk ? 'true' : '', page_size: 50 })}`, (e) => e.slug);
  const options = useMemo(() => {
    const list = all ?? [];
    return { categories: uniq(list.map((e) => e.category)), positions: uniq(list.map((e) => e.position)) };
  }, [all]);
  const list = q.items;
  return (
    <section class="card" aria-labelledby="lib-h">
      <h2 id="lib-h" style={{ marginTop: 0 }}>
        {t('Exercise library')}
      </h2>
      <Field id="lib-search" label={t('Search')}>
        <input id="lib-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </Field>
      <div class="grid2">
        <Field id="lib-cat" label={t('Category')}>
          <select id="lib-cat" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('Any')}</option>
            {options.categories.map((c) => (
              <option key={c} value={c}>
                {c.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </Field>
        <Field id="lib-pos" label={t('Position')}>
          <select id="lib-pos" value={position} onChange={(e) => setPosition(e.currentTarget.value)}>
            <option value="">{t('Any')}</option>
            {options.positions.map((c) => (
              <option key={c} value={c}>
                {c.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <label class="check">
        <input type="checkbox" checked={desk} onChange={(e) => setDesk(e.currentTarget.checked)} />
        {t('Desk-friendly only')}
      </label>
      <p role="status" class="small muted">
        {q.loading ? t('Searching…') : t('{count, plural, one {# exercise found} other {# exercises found}}', { count: q.count ?? list.length })}
      </p>
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      <ul class="plain" style={{ maxHeight: '28rem', overflowY: 'auto' }}>
        {list.map((e, i) => (
          <li key={e.slug} class="spread lib-item">
            <Thumb url={e.poses?.[0]?.svg_url} />
            <span style={{ flex: '1 1 10rem' }}>
              <strong>{e.name}</strong>
              {e.language && e.language !== locale() ? <span class="small muted"> · {t('English only')}</span> : null}
              <br />
              <span class="small muted">
                {e.summary} · {doseText(e.dosage)}
              </span>
            </span>
            <button id={`lib-${i}`} class="btn" type="button" onClick={() => onAdd(e)} aria-label={added.has(e.slug) ? t('Add again {name}', { name: e.name }) : t('Add {name}', { name: e.name })}>
              {added.has(e.slug) ? t('Add again') : t('Add')}
            </button>
          </li>
        ))}
      </ul>
      {!q.loading && <ShowMore pager={q} noun="exercise" focusId={(i) => `lib-${i}`} />}
    </section>
  );
}

function num(v: string): number | null {
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}

/** Builds a new program, or edits program `id` (route /physio/programs/:id/edit). */
export function ProgramBuilder({ id }: { id?: string }) {
  const editing = id != null;
  const preselected = new URLSearchParams(location.search).get('patient') ?? '';
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [phases, setPhases] = useState<Phase[]>(DEFAULT_PHASES);
  const [patient, setPatient] = useState(editing ? '' : preselected);
  const [start, setStart] = useState(todayISO());
  const [end, setEnd] = useState('');
  const [days, setDays] = useState<number[]>([1, 3, 5]);
  const [time, setTime] = useState('');
  const [assignNotes, setAssignNotes] = useState('');
  const [announce, setAnnounce] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ program: Program; assignment: Assignment | null; edited: boolean } | null>(null);
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
          notes: assignNotes.trim(),
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

  if (done) {
    return (
      <Page title={done.edited ? t('Changes saved') : t('Program saved')} wide>
        <div class="banner" role="status">
          <p>
            {t('“{name}” (version {version}) is saved', { name: done.program.name, version: done.program.version })}
            {done.assignment ? t(' and assigned to {full_name}', { full_name: done.assignment.patient.full_name }) : ''}.
          </p>
          {done.edited && <p>{t('Patients on this program see the new version from their next session. Sessions already logged keep the version they were done with.')}</p>}
        </div>
        <div class="row">
          {done.edited && preselected && (
            <Link class="btn primary" href={`/physio/patients/${encodeURIComponent(preselected)}`}>
              {t('Back to patient')}
            </Link>
          )}
          {done.assignment && (
            <>
              <Link class="btn primary" href={`/physio/patients/${done.assignment.patient.id}`}>
                {t('Open patient')}
              </Link>
              <a class="btn" href={`/api/assignments/${done.assignment.id}/handout.pdf`} download>
                {t('Download handout (PDF)')}
              </a>
            </>
          )}
          <Link class="btn" href="/physio">
            {t('Back to caseload')}
          </Link>
        </div>
      </Page>
    );
  }

  if (editing && original.loading && !original.data) return <Page title={t('Edit program')} wide><Loading /></Page>;
  if (editing && original.error != null && !original.data) {
    return (
      <Page title={t('Edit program')} wide>
        <ErrorNote error={original.error instanceof ApiError && original.error.status === 404 ? new Error("We couldn't find this program. It may belong to another clinic.") : original.error} retry={original.reload} />
      </Page>
    );
  }

  const patientList = patients.data ?? [];
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
          {!editing && (
            <section class="card" aria-labelledby="rt-h">
              <h2 id="rt-h" style={{ marginTop: 0 }}>
                {t('Start from a routine')}
              </h2>
              {routines.error != null && <ErrorNote error={routines.error} retry={routines.reload} />}
              <Field id="rt-pick" label={t('Library routine')} hint={t('Its exercises and doses fill the program; you can change them before saving.')}>
                <select id="rt-pick" value={routine} onChange={(e) => setRoutine(e.currentTarget.value)} aria-describedby="rt-pick-hint">
                  <option value="">{t('Choose a routine')}</option>
                  {(routines.data ?? []).map((r) => (
                    <option key={r.slug} value={r.slug}>
                      {r.name}
                      {r.duration_minutes ? ` (${r.duration_minutes} min)` : ''}
                    </option>
                  ))}
                </select>
              </Field>
              {routine && <p class="small muted">{(routines.data ?? []).find((r) => r.slug === routine)?.goal}</p>}
              <button class="btn" type="button" disabled={!routine} onClick={useRoutine}>
                {t('Use this routine')}
              </button>
            </section>
          )}
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
          <fieldset>
            <legend>{t('Phases')}</legend>
            {phases.map((ph, i) => (
              <div class="grid2" key={ph.number}>
                <Field id={`ph-label-${ph.number}`} label={t('Phase {number} name', { number: ph.number })}>
                  <input id={`ph-label-${ph.number}`} type="text" value={ph.label} onInput={(e) => setPhases(phases.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)))} />
                </Field>
                <Field id={`ph-week-${ph.number}`} label={t('Starts in week')}>
                  <input id={`ph-week-${ph.number}`} type="number" min={1} value={ph.starts_week} onInput={(e) => setPhases(phases.map((x, j) => (j === i ? { ...x, starts_week: num(e.currentTarget.value) ?? 1 } : x)))} />
                </Field>
              </div>
            ))}
            <button class="btn" type="button" onClick={addPhase}>
              {t('Add a phase')}
            </button>
          </fieldset>

          <h3>{t('Exercises ({length})', { length: rows.length })}</h3>
          <FormError message={errors.items} />
          {rows.length === 0 && <p class="muted">{t('Add exercises from the library.')}</p>}
          <ol class="plain" style={{ listStyle: 'none', padding: 0 }}>
            {rows.map((r, i) => (
              <li key={r.key} class="card" style={{ background: 'var(--surface-2)' }}>
                <div class="spread">
                  <span class="row" style={{ flexWrap: 'nowrap' }}>
                    <Thumb url={thumbs.get(r.exercise)} />
                    <strong>
                      {i + 1}. {r.name}
                    </strong>
                  </span>
                  <div class="row">
                    <button id={`up-${r.key}`} class="btn" type="button" disabled={i === 0} onClick={() => move(i, -1, 'up')} aria-label={t('Move {name} up', { name: r.name })}>
                      ↑
                    </button>
                    <button id={`down-${r.key}`} class="btn" type="button" disabled={i === rows.length - 1} onClick={() => move(i, 1, 'down')} aria-label={t('Move {name} down', { name: r.name })}>
                      ↓
                    </button>
                    <button class="btn danger" type="button" onClick={() => remove(i)} aria-label={t('Remove {name}', { name: r.name })}>
                      ✕
                    </button>
                  </div>
                </div>
                <div class="grid2">
                  <Field id={`sets-${r.key}`} label={t('Sets')}>
                    <input id={`sets-${r.key}`} type="number" min={1} max={20} value={r.sets} onInput={(e) => update(r.key, { sets: num(e.currentTarget.value) ?? 1 })} />
                  </Field>
                  <Field id={`reps-${r.key}`} label={t('Reps')} hint={t('Empty for none')}>
                    <input id={`reps-${r.key}`} type="number" min={1} max={100} value={r.reps ?? ''} aria-invalid={!!errors[`dose-${r.key}`]} aria-describedby={errors[`dose-${r.key}`] ? `reps-${r.key}-hint dose-${r.key}-error` : `reps-${r.key}-hint`} onInput={(e) => update(r.key, { reps: num(e.currentTarget.value) })} />
                  </Field>
                  <Field id={`hold-${r.key}`} label={t('Hold (s)')} hint={t('Empty for none')}>
                    <input id={`hold-${r.key}`} type="number" min={1} max={600} value={r.hold_seconds ?? ''} aria-invalid={!!errors[`dose-${r.key}`]} aria-describedby={errors[`dose-${r.key}`] ? `hold-${r.key}-hint dose-${r.key}-error` : `hold-${r.key}-hint`} onInput={(e) => update(r.key, { hold_seconds: num(e.currentTarget.value) })} />
                  </Field>
                  <Field id={`rest-${r.key}`} label={t('Rest (s)')}>
                    <input id={`rest-${r.key}`} type="number" min={0} max={600} value={r.rest_seconds} onInput={(e) => update(r.key, { rest_seconds: num(e.currentTarget.value) ?? 0 })} />
                  </Field>
                  <Field id={`phase-${r.key}`} label={t('Phase')}>
                    <select id={`phase-${r.key}`} value={r.phase} onChange={(e) => update(r.key, { phase: Number(e.currentTarget.value) })}>
                      {phases.map((p) => (
                        <option key={p.number} value={p.number}>
                          {p.label || t('Phase {n}', { n: p.number })}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
                <FormError id={`dose-${r.key}-error`} message={errors[`dose-${r.key}`]} announce={false} />
                <label class="check">
                  <input type="checkbox" checked={r.per_side} onChange={(e) => update(r.key, { per_side: e.currentTarget.checked })} />
                  {t('Each side')}
                </label>
                <Field id={`notes-${r.key}`} label={t('Note for the patient')}>
                  <input id={`notes-${r.key}`} type="text" value={r.notes} onInput={(e) => update(r.key, { notes: e.currentTarget.value })} />
                </Field>
              </li>
            ))}
          </ol>

          {!editing && (
          <>
          <h2>{t('Assign')}</h2>
          {patients.error != null && <ErrorNote error={patients.error} retry={patients.reload} />}
          {patients.loading ? (
            <Loading />
          ) : (
            <Field id="a-patient" label={t('Patient')} hint={t('Leave empty to save the program without assigning it.')}>
              <select id="a-patient" value={patient} onChange={(e) => setPatient(e.currentTarget.value)} aria-describedby="a-patient-hint">
                <option value="">{t('No patient yet')}</option>
                {patientList.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.full_name || p.email}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {patient && (
            <>
              <div class="grid2">
                <Field id="a-start" label={t('Start date')} error={errors.start_date}>
                  <input id="a-start" type="date" value={start} onInput={(e) => setStart(e.currentTarget.value)} />
                </Field>
                <Field id="a-end" label={t('End date')} hint={t('Optional.')} error={errors.end_date}>
                  <input id="a-end" type="date" value={end} min={start} onInput={(e) => setEnd(e.currentTarget.value)} aria-describedby="a-end-hint" />
                </Field>
                <Field id="a-time" label={t('Preferred time')} hint={t('Optional.')} error={errors.preferred_time}>
                  <input id="a-time" type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} aria-describedby="a-time-hint" />
                </Field>
              </div>
              <fieldset>
                <legend>{t('Days')}</legend>
                <div class="days">
                  {weekdays('long').map((d, i) => (
                    <label class="check" key={d}>
                      <input type="checkbox" checked={days.includes(i + 1)} onChange={() => setDays(days.includes(i + 1) ? days.filter((x) => x !== i + 1) : [...days, i + 1].sort())} />
                      {d}
                    </label>
                  ))}
                </div>
                <FormError message={errors.days_of_week} announce={false} />
              </fieldset>
              <Field id="a-notes" label={t('Notes for this assignment')} hint={t('Optional.')}>
                <textarea id="a-notes" value={assignNotes} onInput={(e) => setAssignNotes(e.currentTarget.value)} aria-describedby="a-notes-hint" />
              </Field>
            </>
          )}
          </>
          )}
          <FormError message={errors.form} />
          <button class="btn primary block" type="submit" disabled={busy}>
            {busy ? t('Saving…') : editing ? (forbidden ? t('Save as a new program') : t('Save changes')) : patient ? t('Save and assign') : t('Save program')}
          </button>
        </form>
      </div>
    </Page>
  );
}
