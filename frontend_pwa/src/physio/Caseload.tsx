import { useState } from 'preact/hooks';
import type { PatientRow } from '../types';
import { qs } from '../lib/api';
import { percent } from '../lib/charts';
import { ErrorNote, formatDateTime, Link, Loading, Page } from '../components/ui';
import { ShowMore, usePaged } from '../components/Paged';

export const ORDERINGS = [
  { value: 'name', label: 'Name (A–Z)' },
  { value: '-open_alerts', label: 'Most open alerts' },
  { value: 'adherence_7d', label: 'Lowest adherence (7 days)' },
  { value: '-adherence_7d', label: 'Highest adherence (7 days)' },
  { value: '-last_session_at', label: 'Most recent session' },
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

export function Caseload() {
  const [ordering, setOrdering] = useState<Ordering>('-open_alerts');
  const q = usePaged<PatientRow>(`/api/patients/${qs({ ordering, page_size: 50 })}`, (p) => p.id);
  const rows = q.items;
  return (
    <Page title="Your patients" wide>
      <div class="spread">
        <div class="field" style={{ minWidth: '14rem' }}>
          <label for="ordering">Sort by</label>
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
            Invite a patient
          </Link>
          <Link class="btn" href="/physio/programs/new">
            Build a program
          </Link>
        </div>
      </div>
      {q.loading && <Loading />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {!q.loading && q.error == null && rows.length === 0 && <p>No patients yet. Invite one to get started.</p>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Patients, sorted by {ORDERINGS.find((o) => o.value === ordering)?.label}</caption>
            <thead>
              <tr>
                <SortButton label="Patient" asc="name" ordering={ordering} set={setOrdering} />
                <SortButton label="Adherence 7 d" asc="adherence_7d" desc="-adherence_7d" ordering={ordering} set={setOrdering} />
                <th scope="col">28 d</th>
                <SortButton label="Last session" desc="-last_session_at" ordering={ordering} set={setOrdering} />
                <th scope="col">Latest pain</th>
                <SortButton label="Alerts" desc="-open_alerts" ordering={ordering} set={setOrdering} />
                <th scope="col">Skipped, it hurt (28 d)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p, i) => (
                <tr key={p.id}>
                  <td>
                    <Link id={`pt-${i}`} href={`/physio/patients/${p.id}`}>{p.full_name || p.email}</Link>
                  </td>
                  <td>{percent(p.adherence_7d)}</td>
                  <td>{percent(p.adherence_28d)}</td>
                  <td>{p.last_session_at ? formatDateTime(p.last_session_at) : 'None yet'}</td>
                  <td>{p.latest_pain ?? '—'}</td>
                  <td>
                    {p.open_alerts > 0 ? (
                      <span class="badge" style={{ fontSize: '.9rem' }}>
                        {p.open_alerts}
                        <span class="sr-only"> open alert{p.open_alerts === 1 ? '' : 's'}</span>
                      </span>
                    ) : (
                      <span class="muted">0</span>
                    )}
                  </td>
                  <td>{p.hurt_skips_28d ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!q.loading && <ShowMore pager={q} noun="patient" focusId={(i) => `pt-${i}`} />}
    </Page>
  );
}
