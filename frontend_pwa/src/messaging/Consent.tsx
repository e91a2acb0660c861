// Consent to remote monitoring: the patient gives or withdraws it; the physio records it.
import { useState } from 'preact/hooks';
import { api } from '../lib/client';
import { messageFrom, qs } from '../lib/api';
import { ErrorNote, formatDate, Loading, useAsync } from '../components/ui';
import type { Consent } from './types';
import { t } from '../lib/i18n';

const METHOD: Record<Consent['method'], string> = {
  get in_app() { return t('in the app'); },
  get verbal() { return t('verbally'); },
  get written() { return t('in writing'); },
};

function describe(c: Consent): string {
  const who = c.recorded_by?.full_name ? t(', recorded by {full_name}', { full_name: c.recorded_by.full_name }) : '';
  return t('Given on {0} {1}{who}{2}.', { 0: formatDate(c.given_on), 1: METHOD[c.method], who, 2: c.revoked_on ? t('; withdrawn on {date}', { date: formatDate(c.revoked_on) }) : '' });
}

export function MonitoringConsent({ patientId }: { patientId?: number }) {
  const staff = patientId != null;
  const q = useAsync(() => api.get<Consent[]>(`/api/consents/${qs({ patient: patientId })}`), [patientId]);
  const [status, setStatus] = useState('');
  const [givenOn, setGivenOn] = useState('');
  const [method, setMethod] = useState<'verbal' | 'written'>('written');
  const [note, setNote] = useState('');
  const active = q.data?.find((c) => !c.revoked_on);

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
    <section class="card" aria-labelledby="consent-h">
      <h2 id="consent-h" style={{ marginTop: 0 }}>
        {t('Remote monitoring consent')}
      </h2>
      {!staff && <p class="small">{t('With your consent, your clinic may use what you log here (sessions, questionnaires, breaks) to monitor your progress between visits. You can withdraw at any time.')}</p>}
      {q.loading && <Loading />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {q.data && q.data.length === 0 && <p>{t('No consent recorded.')}</p>}
      {q.data && (
        <ul class="plain" id="consent-list">
          {q.data.map((c) => (
            <li key={c.id}>{describe(c)}</li>
          ))}
        </ul>
      )}
      {q.data && active && (
        <button class="btn" type="button" onClick={() => void act(() => api.post(`/api/consents/${active.id}/revoke/`), t('Consent withdrawn.'))}>
          {staff ? t('Record withdrawal') : t('Withdraw my consent')}
        </button>
      )}
      {q.data && !active && !staff && (
        <button class="btn primary" type="button" onClick={() => void act(() => api.post('/api/consents/', {}), t('Thank you, consent recorded.'))}>
          {t('I consent to remote monitoring')}
        </button>
      )}
      {q.data && !active && staff && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.post('/api/consents/', { patient: patientId, given_on: givenOn, method, note }), t('Consent recorded.'));
          }}
        >
          <div class="row" style={{ alignItems: 'flex-end' }}>
            <div class="field" style={{ margin: 0 }}>
              <label for="consent-date">{t('Consent given on')}</label>
              <input id="consent-date" type="date" required value={givenOn} onInput={(e) => setGivenOn((e.target as HTMLInputElement).value)} />
            </div>
            <div class="field" style={{ margin: 0 }}>
              <label for="consent-method">{t('Consent method')}</label>
              <select id="consent-method" value={method} onChange={(e) => setMethod((e.target as HTMLSelectElement).value as 'verbal' | 'written')}>
                <option value="written">{t('Written')}</option>
                <option value="verbal">{t('Verbal')}</option>
              </select>
            </div>
            <div class="field" style={{ margin: 0, flex: '1 1 10rem' }}>
              <label for="consent-note">{t('Consent note')}</label>
              <input id="consent-note" type="text" maxLength={500} value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
            </div>
            <button class="btn primary" type="submit">
              {t('Record consent')}
            </button>
          </div>
        </form>
      )}
      <p role="status" aria-live="polite" class="small">
        {status}
      </p>
    </section>
  );
}
