// Alerts of the physio's patients: acknowledge (seen, being handled: the caseload badge clears)
// or resolve (closed), each with an optional note that stays in the patient's history.
import { useState } from 'preact/hooks';
import type { Alert } from '../types';
import { api } from '../lib/client';
import { ApiError, fieldErrors, qs } from '../lib/api';
import { ErrorNote, formatDateTime, Link, Loading, Page, FormError } from '../components/ui';
import { ShowMore, usePaged } from '../components/Paged';
import { t } from '../lib/i18n';

const STATUS_TEXT = { new: 'New', acknowledged: 'Acknowledged', resolved: 'Resolved' } as const;

export function alertText(a: Alert): string {
  return String(a.message ?? a.detail ?? a.kind ?? 'Alert');
}

function reviewText(a: Alert): string {
  if (a.resolved_at) return a.resolved_by ? t('Resolved {when} by {name}', { when: formatDateTime(a.resolved_at), name: a.resolved_by.full_name }) : t('Resolved {when}', { when: formatDateTime(a.resolved_at) });
  if (a.acknowledged_at) return a.acknowledged_by ? t('Acknowledged {when} by {name}', { when: formatDateTime(a.acknowledged_at), name: a.acknowledged_by.full_name }) : t('Acknowledged {when}', { when: formatDateTime(a.acknowledged_at) });
  return t('Not looked at yet');
}

/** One alert with its review: the note field and the two actions while it is open. */
export function AlertCard({ alert, showPatient, onChange, canReview = true }: { alert: Alert; showPatient?: boolean; onChange: (a: Alert) => void; canReview?: boolean }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const status_ = alert.status ?? (alert.resolved_at ? 'resolved' : 'new');
  const noteId = `note-${alert.id}`;
  async function review(verb: 'acknowledge' | 'resolve') {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      const updated = await api.post<Alert>(`/api/alerts/${alert.id}/${verb}/`, { note: note.trim() });
      setNote('');
      setStatus(verb === 'resolve' ? t('Alert resolved.') : t('Alert acknowledged.'));
      onChange(updated);
    } catch (err) {
      const fe = err instanceof ApiError ? fieldErrors(err.body) : {};
      setError(fe.note ?? fe.detail ?? (err instanceof Error ? err.message : t("Couldn't save. Please try again.")));
    } finally {
      setBusy(false);
    }
  }
  const heading = showPatient && alert.patient ? alert.patient.full_name : alertText(alert);
  return (
    <li class={`card alert-card ${status_}`} aria-labelledby={`al-${alert.id}`}>
      <div class="spread">
        <h3 id={`al-${alert.id}`} style={{ margin: 0 }}>
          {showPatient && alert.patient ? <Link href={`/physio/patients/${alert.patient.id}`}>{heading}</Link> : heading}
        </h3>
        <span class={`pill status-${status_}`}>{STATUS_TEXT[status_]}</span>
      </div>
      {showPatient && <p style={{ margin: '.25rem 0 0' }}>{alertText(alert)}</p>}
      <p class="small muted" style={{ margin: '.25rem 0' }}>
        {t('Raised {0} · {1}', { 0: formatDateTime(alert.created_at), 1: reviewText(alert) })}
      </p>
      {alert.review_note && (
        <div class="small review-note">
          <strong>{t('Notes:')}</strong>
          {alert.review_note.split('\n').map((line, i) => (
            <p key={i} style={{ margin: 0 }}>
              {line}
            </p>
          ))}
        </div>
      )}
      {status_ !== 'resolved' && canReview && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void review('resolve');
          }}
          noValidate
        >
          <div class="field" style={{ margin: '.5rem 0' }}>
            <label for={noteId}>{t('Note (optional)')}</label>
            <textarea id={noteId} rows={2} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} aria-invalid={!!error} aria-describedby={error ? `${noteId}-error` : undefined} style={{ minHeight: '3rem' }} />
            <FormError id={`${noteId}-error`} message={error} />
          </div>
          <div class="row">
            {status_ === 'new' && (
              <button class="btn" type="button" disabled={busy} onClick={() => void review('acknowledge')}>
                {t('Acknowledge')}
              </button>
            )}
            <button class="btn primary" type="submit" disabled={busy}>
              {t('Resolve')}
            </button>
          </div>
        </form>
      )}
      <p role="status" class="small sr-only">
        {status}
      </p>
    </li>
  );
}

const FILTERS = [
  { value: 'open', get label() { return t('Open'); } },
  { value: 'new', get label() { return t('Not looked at yet'); } },
  { value: 'acknowledged', get label() { return t('Acknowledged'); } },
  { value: 'resolved', get label() { return t('Resolved'); } },
  { value: 'all', get label() { return t('All'); } },
] as const;

export function Alerts() {
  const [filter, setFilter] = useState<(typeof FILTERS)[number]['value']>('open');
  const [changed, setChanged] = useState<Record<number, Alert>>({});
  const q = usePaged<Alert>(`/api/alerts/${qs({ status: filter, page_size: 50 })}`, (a) => a.id);
  const items = q.items.map((a) => changed[a.id] ?? a);
  return (
    <Page title={t('Alerts')} wide lead={<p class="muted">{t("Acknowledge an alert when you have seen it (it no longer counts on the caseload); resolve it when it is dealt with. Notes stay in the patient's history.")}</p>}>
      <div class="field" style={{ maxWidth: '20rem' }}>
        <label for="al-filter">{t('Show')}</label>
        <select id="al-filter" value={filter} onChange={(e) => setFilter(e.currentTarget.value as typeof filter)}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {q.loading && <Loading />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {!q.loading && q.error == null && items.length === 0 && <p>{t('No alerts here.')}</p>}
      {items.length > 0 && (
        <ul class="plain">
          {items.map((a) => (
            <AlertCard key={a.id} alert={a} showPatient onChange={(u) => setChanged({ ...changed, [u.id]: u })} />
          ))}
        </ul>
      )}
      {!q.loading && <ShowMore pager={q} noun="alert" />}
    </Page>
  );
}
