// Settings parts for the micro-breaks: the private calendar feed (busy times hold reminders)
// and the reminder preview with what each nudge suggests and which are held.
import { useState } from 'preact/hooks';
import { ApiError, fieldErrors } from '../lib/api';
import { api } from '../lib/client';
import { plainFieldErrors } from '../lib/errors';
import { t } from '../lib/i18n';
import { ErrorNote, Field, FormStatus, formatDateTime, Loading, useAsync } from '../components/ui';
import { heldText, suggestionText } from './logic';
import type { CalendarState, PreviewNudge } from './types';

export function PreviewList({ nudges, timeZone }: { nudges: PreviewNudge[]; timeZone: string }) {
  return (
    <ul class="plain preview">
      {nudges.map((n) => (
        <li key={n.at}>
          <strong>{formatDateTime(n.at, timeZone)}</strong>
          <br />
          {n.held ? (
            <span class="small">
              <span class="pill">{t('Held')}</span> {heldText(n.held, timeZone)}
            </span>
          ) : (
            <span class="small">{suggestionText(n)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function CalendarBusySettings({ onChange }: { onChange?: () => void }) {
  const q = useAsync(() => api.get<CalendarState>('/api/nudges/calendar/'), []);
  const [url, setUrl] = useState('');
  const [ok, setOk] = useState('');
  const [failure, setFailure] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (q.loading && !q.data) return <Loading />;
  if (q.error && !q.data) return <ErrorNote error={q.error} retry={q.reload} />;
  const c = q.data!;

  async function run(fn: () => Promise<CalendarState | null>, message: string) {
    setBusy(true);
    setOk('');
    setFailure('');
    setErrors({});
    try {
      const next = await fn();
      q.setData(next ?? { configured: false, host: null, last_fetched_at: null, last_error: null, busy: [] });
      setUrl('');
      setOk(message);
      onChange?.();
    } catch (e) {
      const found = e instanceof ApiError ? plainFieldErrors(fieldErrors(e.body)) : {};
      setErrors(found);
      setFailure(Object.keys(found).length ? t('Not saved. Please check the link.') : e instanceof ApiError ? t('Not saved: {reason}', { reason: e.message }) : t('Not saved. Check your connection and try again.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => api.put<CalendarState>('/api/nudges/calendar/', { url: url.trim() }), t('Your calendar link is saved. Reminders will wait while you are busy.'));
      }}
    >
      <p class="small muted">
        {t('Add the private link of your work calendar (iCalendar, as Google Calendar or Outlook show it). While a meeting is on, reminders wait, and the next one comes 5 minutes after it ends. Only busy times are used, never what the meetings are about.')}
      </p>
      {c.configured && (
        <div class="banner">
          <p style={{ margin: 0 }}>
            {t('Using a calendar from {host}.', { host: c.host ?? '' })}{' '}
            {c.last_fetched_at ? t('Last checked {when}.', { when: formatDateTime(c.last_fetched_at) }) : t('Not checked yet: it is read within a few minutes.')}
          </p>
          {c.last_error && (
            <p style={{ margin: '.4rem 0 0' }}>
              {t("The last check didn't work: {reason}", { reason: c.last_error })}
            </p>
          )}
          {c.busy.length > 0 && (
            <p class="small" style={{ margin: '.4rem 0 0' }}>
              {t('Busy in the next day: {times}', { times: c.busy.map((b) => t('{start} to {end}', { start: formatDateTime(b.start), end: new Date(b.end).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) })).join('; ') })}
            </p>
          )}
        </div>
      )}
      <Field id="cal-url" label={c.configured ? t('Replace with another calendar link') : t('Calendar link')} hint={t('It starts with https://')} error={errors.url}>
        <input id="cal-url" type="url" inputMode="url" autocomplete="off" value={url} aria-describedby="cal-url-hint" onInput={(e) => setUrl(e.currentTarget.value)} />
      </Field>
      <div class="row">
        <button class="btn primary" type="submit" disabled={busy}>
          {t('Save calendar link')}
        </button>
        {c.configured && (
          <button class="btn danger" type="button" disabled={busy} onClick={() => void run(() => api.del<null>('/api/nudges/calendar/'), t('Your calendar link is removed.'))}>
            {t('Remove calendar link')}
          </button>
        )}
      </div>
      <div style={{ marginTop: '.75rem' }}>
        <FormStatus ok={ok} error={failure} />
      </div>
    </form>
  );
}
