// The physio's part of a patient page: messages, time log, consent and this month's report.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/client';
import { auth } from '../lib/auth';
import { useStore } from '../lib/store';
import { messageFrom, qs, results } from '../lib/api';
import { ErrorNote, formatDate, Loading, useAsync } from '../components/ui';
import type { Page as PageOf } from '../types';
import { Thread } from './Thread';
import { MonitoringConsent } from './Consent';
import type { MonthlyReport, TimeCategory, TimeEntry } from './types';
import { t } from '../lib/i18n';

const CATEGORIES: Record<TimeCategory, string> = {
  get review() { return t('Reviewing data'); },
  get program() { return t('Editing the program'); },
  messaging: 'Messaging',
  get call() { return t('A call'); },
};
const BAND: Record<string, string> = { below: 'below 2 days', partial: '2–15 days', full: '16+ days' };

export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

function elapsed(startIso: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(startIso)) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function TimeLog({ patientId }: { patientId: number }) {
  const q = useAsync(() => api.get<PageOf<TimeEntry>>(`/api/time-entries/${qs({ patient: patientId, page_size: 10 })}`), [patientId]);
  const [category, setCategory] = useState<TimeCategory>('review');
  const [minutes, setMinutes] = useState('');
  const [status, setStatus] = useState('');
  const [now, setNow] = useState(Date.now());
  const entries = q.data ? results(q.data) : [];
  const running = entries.find((e) => e.running);
  useEffect(() => {
    if (!running) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [running?.id]);

  async function act(fn: () => Promise<unknown>, done: string) {
    try {
      await fn();
      setStatus(done);
      q.reload();
    } catch (e) {
      setStatus(messageFrom((e as { body?: unknown }).body) ?? t("Couldn't save that. Please try again."));
    }
  }

  return (
    <section class="card" aria-labelledby="time-h">
      <h2 id="time-h" style={{ marginTop: 0 }}>
        {t('Time log')}
      </h2>
      <div class="row" style={{ alignItems: 'flex-end' }}>
        <div class="field" style={{ margin: 0 }}>
          <label for="time-category">{t('Activity')}</label>
          <select id="time-category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value as TimeCategory)}>
            {Object.entries(CATEGORIES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        {running ? (
          <button class="btn primary" type="button" onClick={() => void act(() => api.post(`/api/time-entries/${running.id}/stop/`), t('Timer stopped.'))}>
            {t('Stop timer ({0})', { 0: elapsed(running.timer_started_at ?? '', now) })}
          </button>
        ) : (
          <button class="btn" type="button" onClick={() => void act(() => api.post('/api/time-entries/timer/', { patient: patientId, category }), t('Timer started.'))}>
            {t('Start timer')}
          </button>
        )}
      </div>
      <form
        class="row"
        style={{ alignItems: 'flex-end', marginTop: '.75rem' }}
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => api.post('/api/time-entries/', { patient: patientId, category, minutes: Number(minutes) }), t('Time saved.')).then(() => setMinutes(''));
        }}
      >
        <div class="field" style={{ margin: 0 }}>
          <label for="time-minutes">{t('Minutes spent')}</label>
          <input id="time-minutes" type="number" min={1} max={600} required inputMode="numeric" value={minutes} onInput={(e) => setMinutes((e.target as HTMLInputElement).value)} />
        </div>
        <button class="btn" type="submit">
          {t('Add time')}
        </button>
      </form>
      <p role="status" aria-live="polite" class="small">
        {status}
      </p>
      {q.loading && <Loading />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {entries.length > 0 && (
        <ul class="plain" id="time-list">
          {entries.map((e) => (
            <li key={e.id}>
              {formatDate(e.on_date)} · {CATEGORIES[e.category]} · {e.running ? t('running') : `${e.minutes} min`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Report({ patientId }: { patientId: number }) {
  const month = thisMonth();
  const q = useAsync(() => api.get<MonthlyReport>(`/api/reports/monthly/${qs({ patient: patientId, month })}`), [patientId]);
  const r = q.data;
  return (
    <section class="card" aria-labelledby="report-h">
      <div class="spread">
        <h2 id="report-h" style={{ margin: 0 }}>
          {t('Monitoring this month')}
        </h2>
        <a class="btn" href={`/api/reports/monthly.pdf${qs({ patient: patientId, month })}`} download>
          {t('PDF report')}
        </a>
      </div>
      {q.loading && <Loading />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {r && (
        <>
          <p>
            <strong>{r.days_with_data_in_month}</strong> {t('days with data in {month} ·', { month: r.month })} <strong>{r.minutes.total}</strong> {t('min logged · interactive communication:')} <strong>{r.interactive_communication ? t('yes') : t('no')}</strong>
          </p>
          {r.periods.length === 0 ? (
            <p class="small muted">{t('No consent recorded, so no days are counted.')}</p>
          ) : (
            <ul class="plain small">
              {r.periods.map((p) => (
                <li key={p.number}>
                  {t('Period {number} ({0} – {1}): {days_with_data} days ({2})', { number: p.number, 0: formatDate(p.start), 1: formatDate(p.end), days_with_data: p.days_with_data, 2: BAND[p.band] })}
                </li>
              ))}
            </ul>
          )}
          <p class="small muted">{r.statement}</p>
        </>
      )}
    </section>
  );
}

export function PatientMonitoring({ patientId }: { patientId: number }) {
  const role = useStore(auth).me?.role ?? 'physio';
  return (
    <>
      <section class="card" aria-labelledby="msg-h">
        <h2 id="msg-h" style={{ marginTop: 0 }}>
          {t('Messages')}
        </h2>
        <Thread patientId={patientId} role={role} />
      </section>
      <Report patientId={patientId} />
      {role === 'physio' && <TimeLog patientId={patientId} />}
      <MonitoringConsent patientId={patientId} />
    </>
  );
}
