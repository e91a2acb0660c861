import { useEffect, useState } from 'preact/hooks';
import type { PatientRow } from '../types';
import { qs } from '../lib/api';
import { percent } from '../lib/charts';
import { ErrorNote, formatDateTime, Link, Loading, Page } from '../components/ui';
import { ShowMore, usePaged } from '../components/Paged';
import { t } from '../lib/i18n';

export const ORDERINGS = [
  { value: 'name', get label() { return t('Name (A–Z)'); } },
  { value: '-open_alerts', get label() { return t('Most open alerts'); } },
  { value: 'adherence_7d', get label() { return t('Lowest adherence (7 days)'); } },
  { value: '-adherence_7d', get label() { return t('Highest adherence (7 days)'); } },
  { value: '-last_session_at', get label() { return t('Most recent session'); } },
] as const;

type Ordering = (typeof ORDERINGS)[number]['value'];

function SortButton({ label, asc, desc, ordering, set }: { label: string; asc?: Ordering; desc?: Ordering; ordering: Ordering; set: (o: Ordering) => void }) {
  const active = ordering === asc || ordering === desc;
  const next: Ordering = ordering === desc && asc ? asc : desc ?? asc!;
  const sort = !active ? 'none' : ordering === asc ? 'ascending' : 'descending';
  return (
    <th aria-sort={sort as 'none' | 'ascending' | 'descending'} scope="col">
      <button type="button" onClick={() => set(next)}>
        {label}
        {active ? (ordering === asc ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
}

const NARROW = '(max-width: 40rem)';

function AlertCount({ n }: { n: number }) {
  return n > 0 ? (
    <span class="badge" style={{ fontSize: '.9rem' }}>
      {n}
      <span class="sr-only"> {t('{n, plural, one {open alert} other {open alerts}}', { n })}</span>
    </span>
  ) : (
    <span class="muted">0</span>
  );
}

function UnreadMessages({ p }: { p: PatientRow }) {
  const n = p.unread_messages ?? 0;
  if (n <= 0) return null;
  return <span class="pill">{t('{n} unread', { n })}</span>;
}

function NeedsProgram({ p }: { p: PatientRow }) {
  if (!p.needs_program) return null;
  return (
    <Link class="pill needs-program" href={`/physio/programs/new?patient=${p.id}`}>
      {t('Needs a program')}
    </Link>
  );
}

/** The caseload on a phone: one card per patient, nothing wider than the screen. */
function CaseloadCards({ rows }: { rows: PatientRow[] }) {
  return (
    <ul class="plain caseload-cards narrow-only" aria-label={t('Patients')}>
      {rows.map((p, i) => (
        <li key={p.id}>
          <div class="spread">
            <Link id={`ptc-${i}`} href={`/physio/patients/${p.id}`} class="strong">
              {p.full_name || p.email}
            </Link>
            <AlertCount n={p.open_alerts} />
          </div>
          <NeedsProgram p={p} /> <UnreadMessages p={p} />
          <p class="small muted" style={{ margin: '.25rem 0 0' }}>
            {t('Adherence {0} (7 d), {1} (28 d) · Latest pain {2}', { 0: percent(p.adherence_7d), 1: percent(p.adherence_28d), 2: p.latest_pain ?? '—' })}
            <br />
            {t('Last session')} {p.last_session_at ? formatDateTime(p.last_session_at) : t('none yet')}
            {(p.hurt_skips_28d ?? 0) > 0 && t(' · Skipped, it hurt: {hurt_skips_28d} (28 d)', { hurt_skips_28d: p.hurt_skips_28d })}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function Caseload() {
  const [ordering, setOrdering] = useState<Ordering>('-open_alerts');
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(search.trim()), 300);
    return () => window.clearTimeout(t);
  }, [search]);
  const q = usePaged<PatientRow>(`/api/patients/${qs({ ordering, search: debounced, page_size: 50 })}`, (p) => p.id);
  const rows = q.items;
  const needing = rows.filter((p) => p.needs_program).length;
  return (
    <Page title={t('Your patients')} wide>
      <div class="caseload-tools">
        <div class="field">
          <label for="pt-search">{t('Search patients')}</label>
          <input id="pt-search" type="search" value={search} placeholder={t('Name or e-mail')} autocomplete="off" onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="ordering">{t('Sort by')}</label>
          <select id="ordering" value={ordering} onChange={(e) => setOrdering(e.currentTarget.value as Ordering)}>
            {ORDERINGS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="row">
          <Link class="btn primary" href="/physio/invite">
            {t('Invite a patient')}
          </Link>
          <Link class="btn" href="/physio/programs/new">
            {t('Build a program')}
          </Link>
        </div>
      </div>
      <p role="status" class="small muted">
        {q.loading ? '' : [debounced ? t('{count, plural, one {# patient matching “{query}”} other {# patients matching “{query}”}}', { count: q.count ?? rows.length, query: debounced }) : t('{count, plural, one {# patient} other {# patients}}', { count: q.count ?? rows.length }), needing ? t('{needing, plural, one {# needs a program} other {# need a program}}', { needing }) : ''].filter(Boolean).join(' · ')}
      </p>
      {q.loading && <Loading />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {!q.loading && q.error == null && rows.length === 0 && <p>{debounced ? t('No patient matches that search.') : t('No patients yet. Invite one to get started.')}</p>}
      {rows.length > 0 && (
        <>
          <CaseloadCards rows={rows} />
          <div class="table-wrap wide-only">
            <table>
              <caption class="sr-only">{t('Patients, sorted by')} {ORDERINGS.find((o) => o.value === ordering)?.label}</caption>
              <thead>
                <tr>
                  <SortButton label={t('Patient')} asc="name" ordering={ordering} set={setOrdering} />
                  <SortButton label={t('Adherence 7 d')} asc="adherence_7d" desc="-adherence_7d" ordering={ordering} set={setOrdering} />
                  <th scope="col">{t('28 d')}</th>
                  <SortButton label={t('Last session')} desc="-last_session_at" ordering={ordering} set={setOrdering} />
                  <th scope="col">{t('Latest pain')}</th>
                  <SortButton label={t('Alerts')} desc="-open_alerts" ordering={ordering} set={setOrdering} />
                  <th scope="col">{t('Skipped, it hurt (28 d)')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p, i) => (
                  <tr key={p.id}>
                    <td>
                      <Link id={`pt-${i}`} href={`/physio/patients/${p.id}`}>
                        {p.full_name || p.email}
                      </Link>{' '}
                      <NeedsProgram p={p} /> <UnreadMessages p={p} />
                    </td>
                    <td>{percent(p.adherence_7d)}</td>
                    <td>{percent(p.adherence_28d)}</td>
                    <td>{p.last_session_at ? formatDateTime(p.last_session_at) : t('None yet')}</td>
                    <td>{p.latest_pain ?? '—'}</td>
                    <td>
                      <AlertCount n={p.open_alerts} />
                    </td>
                    <td>{p.hurt_skips_28d ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {!q.loading && <ShowMore pager={q} noun="patient" focusId={(i) => (window.matchMedia(NARROW).matches ? `ptc-${i}` : `pt-${i}`)} />}
    </Page>
  );
}
