import { useState } from 'preact/hooks';
import type { Alert, Assignment, PatientDetail as Detail, Session } from '../types';
import { api } from '../lib/client';
import { auth } from '../lib/auth';
import { useStore } from '../lib/store';
import { percent } from '../lib/charts';
import { ProgressView } from '../screens/Progress';
import { PatientOutcomes } from './Outcomes';
import { PatientMonitoring } from '../messaging/PatientMonitoring';
import { ErrorNote, formatDate, formatDateTime, Link, Loading, Page, useAsync, weekdays } from '../components/ui';
import { AlertCard } from './Alerts';
import { ShowMore, usePaged } from '../components/Paged';
import { PatientSafety } from './PatientSafety';
import { t } from '../lib/i18n';
import { BreaksEditor } from './BreaksEditor';
import { BreakStatsView } from '../breaks/Stats';

/** The patient's alerts, open ones first, with their review (acknowledge / resolve + note). */
function PatientAlerts({ detail, onChange }: { detail: Detail; onChange: (a: Alert) => void }) {
  const history = detail.alert_history ?? detail.alerts;
  if (history.length === 0) return null;
  const open = history.filter((a) => a.status !== 'resolved');
  const closed = history.filter((a) => a.status === 'resolved');
  return (
    <section class={`card${open.some((a) => a.status === 'new') ? ' banner danger' : ''}`} aria-labelledby="alerts-h">
      <h2 id="alerts-h" style={{ marginTop: 0 }}>
        {t('Alerts')} {open.length > 0 && <span class="small muted">{t('({length} open)', { length: open.length })}</span>}
      </h2>
      <ul class="plain">
        {[...open, ...closed].map((a) => (
          <AlertCard key={a.id} alert={a} onChange={onChange} />
        ))}
      </ul>
    </section>
  );
}

function AssignmentCard({ a, onChange }: { a: Assignment; onChange: (a: Assignment) => void }) {
  // Only physiotherapists build and change programs (a clinic admin only looks).
  const canEdit = useStore(auth).me?.role === 'physio';
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const [breaksOpen, setBreaksOpen] = useState(false);
  async function act(verb: 'pause' | 'resume' | 'end') {
    if (verb === 'end' && !window.confirm(t('End this assignment? The patient will no longer see it.'))) return;
    setBusy(true);
    try {
      onChange(await api.post<Assignment>(`/api/assignments/${a.id}/${verb}/`));
      setMsg(verb === 'pause' ? 'Paused.' : verb === 'resume' ? 'Resumed.' : 'Ended.');
    } catch (e) {
      setMsg(e instanceof Error ? e.message : t('Something went wrong.'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li>
      <div class="spread">
        <strong>
          {a.program.name} <span class="muted small">{t('v{version}', { version: a.program.version })}</span>
        </strong>
        <span class="pill">{a.status}</span>
      </div>
      <p class="small muted" style={{ margin: 0 }}>
        {t('From {0}', { 0: formatDate(a.start_date) })}
        {a.end_date ? ` to ${formatDate(a.end_date)}` : ''} · {a.days_of_week.map((d) => weekdays('short')[d - 1]).join(', ')}
        {a.preferred_time ? ` · ${a.preferred_time}` : ''}
      </p>
      <div class="row" style={{ marginTop: '.5rem' }}>
        <a class="btn" href={`/api/assignments/${a.id}/handout.pdf`} download>
          {t('Handout (PDF)')}
        </a>
        {a.status !== 'ended' && canEdit && (
          <Link class="btn" href={`/physio/programs/${a.program.id}/edit?patient=${a.patient.id}`} aria-label={t('Edit program {name}', { name: a.program.name })}>
            {t('Edit program')}
          </Link>
        )}
        {a.status === 'active' && (
          <button class="btn" type="button" disabled={busy} onClick={() => void act('pause')}>
            {t('Pause')}
          </button>
        )}
        {a.status === 'paused' && (
          <button class="btn" type="button" disabled={busy} onClick={() => void act('resume')}>
            {t('Resume')}
          </button>
        )}
        {a.status !== 'ended' && (
          <button class="btn danger" type="button" disabled={busy} onClick={() => void act('end')}>
            {t('End')}
          </button>
        )}
        {a.status !== 'ended' && canEdit && (
          <button class="btn" type="button" aria-expanded={breaksOpen} aria-controls={`breaks-${a.id}`} onClick={() => setBreaksOpen(!breaksOpen)}>
            {t('Micro-breaks at work')}
          </button>
        )}
      </div>
      {breaksOpen && (
        <div id={`breaks-${a.id}`}>
          <BreaksEditor assignmentId={a.id} />
        </div>
      )}
      <p role="status" class="small">
        {msg}
      </p>
    </li>
  );
}

export function PatientDetail({ id }: { id: string }) {
  const q = useAsync(() => api.get<Detail>(`/api/patients/${encodeURIComponent(id)}/`), [id]);
  // The whole history a page at a time (progress above holds only the recent weeks).
  const sessions = usePaged<Session>(`/api/patients/${encodeURIComponent(id)}/sessions/?page_size=10`, (s) => s.id);
  if (q.loading && !q.data) return <Page title={t('Patient')} wide><Loading /></Page>;
  if (q.error && !q.data) return <Page title={t('Patient')} wide><ErrorNote error={q.error} retry={q.reload} /></Page>;
  const p = q.data!;
  const replace = (a: Assignment) => q.setData({ ...p, assignments: p.assignments.map((x) => (x.id === a.id ? a : x)) });
  return (
    <Page title={p.full_name || p.email} wide>
      <p class="muted">
        {t('{email} · {timezone} · Adherence {0} (7 d), {1} (28 d)', { email: p.email, timezone: p.timezone, 0: percent(p.adherence_7d), 1: percent(p.adherence_28d) })}
      </p>
      <PatientAlerts detail={p} onChange={(a) => q.setData({ ...p, alerts: p.alerts.filter((x) => x.id !== a.id || a.status !== 'resolved').map((x) => (x.id === a.id ? a : x)), alert_history: (p.alert_history ?? []).map((x) => (x.id === a.id ? a : x)) })} />
      <section class="card" aria-labelledby="asg-h">
        <div class="spread">
          <h2 id="asg-h" style={{ margin: 0 }}>
            {t('Programs')}
          </h2>
          <Link class="btn primary" href={`/physio/programs/new?patient=${p.id}`}>
            {t('Build and assign')}
          </Link>
        </div>
        {p.assignments.length === 0 ? (
          <p>{t('No program assigned yet.')}</p>
        ) : (
          <ul class="plain">
            {p.assignments.map((a) => (
              <AssignmentCard key={a.id} a={a} onChange={replace} />
            ))}
          </ul>
        )}
      </section>
      <PatientMonitoring patientId={p.id} />
      <PatientSafety patientId={p.id} />
      <ProgressView progress={p.progress} />
      <BreakStatsView url={`/api/patients/${p.id}/breaks/stats/?weeks=4`} who="physio" />
      <PatientOutcomes patientId={p.id} />
      <section class="card" aria-labelledby="ses-h">
        <h2 id="ses-h" style={{ marginTop: 0 }}>
          {t('Recent sessions')}
        </h2>
        {sessions.loading && <Loading />}
        {sessions.error != null && <ErrorNote error={sessions.error} retry={sessions.reload} />}
        {!sessions.loading && sessions.error == null && sessions.items.length === 0 && <p>{t('No sessions logged yet.')}</p>}
        {sessions.items.length > 0 && (
          <ul class="plain">
            {sessions.items.map((s, i) => (
              <li key={s.id} id={`session-${i}`} tabIndex={-1}>
                <strong>{formatDateTime(s.completed_at)}</strong> {t('· pain {pain_before} → {pain_after} · {0}', { pain_before: s.pain_before, pain_after: s.pain_after, 0: s.difficulty.replace('_', ' ') })}
                {s.safety?.alert && <span class="badge" style={{ marginLeft: '.5rem' }}>{t('alert')}</span>}
                {s.items.some((i) => i.skipped) && (
                  <span class="small muted">
                    {t('· skipped:')} {s.items.filter((i) => i.skipped).map((i) => `${i.exercise}${i.skip_reason ? ` (${i.skip_reason})` : ''}`).join(', ')}
                  </span>
                )}
                {s.notes && <p class="small" style={{ margin: 0 }}>“{s.notes}”</p>}
              </li>
            ))}
          </ul>
        )}
        {!sessions.loading && <ShowMore pager={sessions} noun="session" focusId={(i) => `session-${i}`} />}
      </section>
    </Page>
  );
}
