import { useEffect, useState } from 'preact/hooks';
import type { NudgePlan, NudgePreview } from '../../types';
import { ApiError, fieldErrors, qs } from '../../lib/api';
import { api } from '../../lib/client';
import { isOvernight, plainFieldErrors } from '../../lib/errors';
import { ErrorNote, Field, FieldError, FormStatus, formatDateTime, Loading, useAsync, weekdays } from '../../components/ui';
import { t } from '../../lib/i18n';
import { PreviewList } from '../../breaks/Settings';

const INTERVALS = [20, 30, 45, 60, 90, 120];

/** The next few reminders the server would send with the saved plan. */
function Preview({ version }: { version: number }) {
  const q = useAsync(() => api.get<NudgePreview>(`/api/nudges/plan/preview/${qs({ from: new Date().toISOString(), count: 5 })}`), [version]);
  if (q.loading) return <Loading label={t('Working out your next reminders…')} />;
  if (q.error) return <p class="muted">{t('The preview is not available right now.')}</p>;
  const p = q.data!;
  if (p.nudges.length === 0) return <p>{t('No reminders are coming up with these settings.')}</p>;
  return <PreviewList nudges={p.nudges} timeZone={p.timezone} />;
}

/** The movement-reminder plan: interval, work days and hours, quiet hours, exercise reminders,
    the standing desk, a pause; saved with PUT /api/nudges/plan/. */
export function NudgeSettings() {
  const q = useAsync(() => api.get<NudgePlan>('/api/nudges/plan/'), []);
  const [plan, setPlan] = useState<NudgePlan | null>(null);
  const [pauseHours, setPauseHours] = useState(2);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [version, setVersion] = useState(0);
  // An overnight work window (17:00 → 09:00) is saved only once the patient confirms it.
  const [overnightAsked, setOvernightAsked] = useState<string | null>(null);
  useEffect(() => {
    if (q.data) setPlan(q.data);
  }, [q.data]);

  if (q.loading && !plan) return <Loading />;
  if (q.error && !plan) return <ErrorNote error={q.error} retry={q.reload} />;
  if (!plan) return null;
  const p = plan;
  const up = (patch: Partial<NudgePlan>) => setPlan({ ...p, ...patch });

  async function save(next: NudgePlan, message = t('Your reminder settings are saved.')) {
    setStatus('');
    setFailure('');
    setErrors({});
    try {
      const saved = await api.put<NudgePlan>('/api/nudges/plan/', next);
      setPlan(saved);
      setVersion((v) => v + 1);
      setOvernightAsked(null);
      setStatus(message);
    } catch (e) {
      const found = e instanceof ApiError ? plainFieldErrors(fieldErrors(e.body)) : {};
      setErrors(found);
      setFailure(
        Object.keys(found).length
          ? t('Your settings were not saved. Please fix the marked fields.')
          : e instanceof ApiError
            ? t('Your settings were not saved: {message}', { message: e.message })
            : t('Your settings were not saved. Check your connection and try again.'),
      );
    }
  }

  const windowKey = `${p.work_start}-${p.work_end}`;
  function submit() {
    if (isOvernight(p.work_start, p.work_end) && overnightAsked !== windowKey) {
      setStatus('');
      setOvernightAsked(windowKey);
      return;
    }
    void save(p);
  }

  const paused = p.paused_until && new Date(p.paused_until).getTime() > Date.now();
  const toggleDay = (d: number) => up({ work_days: p.work_days.includes(d) ? p.work_days.filter((x) => x !== d) : [...p.work_days, d].sort() });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <label class="check">
        <input type="checkbox" checked={p.enabled} onChange={(e) => up({ enabled: e.currentTarget.checked })} />
        {t("Remind me to stand up and move while I'm sitting")}
      </label>
      <Field id="interval" label={t('Remind me every')} error={errors.interval_minutes}>
        <select id="interval" value={p.interval_minutes} onChange={(e) => up({ interval_minutes: Number(e.currentTarget.value) })}>
          {[...new Set([...INTERVALS, p.interval_minutes])].sort((a, b) => a - b).map((m) => (
            <option key={m} value={m}>
              {t('{m} minutes', { m })}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend>{t('Work days')}</legend>
        <div class="days">
          {weekdays('long').map((d, i) => (
            <label class="check" key={d}>
              <input type="checkbox" checked={p.work_days.includes(i + 1)} onChange={() => toggleDay(i + 1)} />
              {d}
            </label>
          ))}
        </div>
        <FieldError id="work_days-error" message={errors.work_days} />
      </fieldset>
      <fieldset>
        <legend>{t('Work hours')}</legend>
        <div class="grid2">
          <Field id="work_start" label={t('From')} error={errors.work_start}>
            <input id="work_start" type="time" value={p.work_start} onInput={(e) => up({ work_start: e.currentTarget.value })} />
          </Field>
          <Field id="work_end" label={t('Until')} error={errors.work_end}>
            <input id="work_end" type="time" value={p.work_end} onInput={(e) => up({ work_end: e.currentTarget.value })} />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('Quiet hours (no reminders)')}</legend>
        <div class="grid2">
          <Field id="quiet_start" label={t('From')} hint={t('Leave empty for none.')} error={errors.quiet_start}>
            <input id="quiet_start" type="time" value={p.quiet_start ?? ''} aria-describedby="quiet_start-hint" onInput={(e) => up({ quiet_start: e.currentTarget.value || null })} />
          </Field>
          <Field id="quiet_end" label={t('Until')} error={errors.quiet_end}>
            <input id="quiet_end" type="time" value={p.quiet_end ?? ''} onInput={(e) => up({ quiet_end: e.currentTarget.value || null })} />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('Exercise reminders')}</legend>
        <label class="check">
          <input type="checkbox" checked={p.reminders_enabled} onChange={(e) => up({ reminders_enabled: e.currentTarget.checked })} />
          {t('Remind me when a session is planned')}
        </label>
        <label class="check">
          <input type="checkbox" checked={p.reminder_follow_up} disabled={!p.reminders_enabled} onChange={(e) => up({ reminder_follow_up: e.currentTarget.checked })} />
          {t("Remind me once more if I haven't done it")}
        </label>
      </fieldset>
      {p.sit_stand_enabled !== undefined && (
        <fieldset>
          <legend>{t('Standing desk')}</legend>
          <label class="check">
            <input type="checkbox" checked={p.sit_stand_enabled} onChange={(e) => up({ sit_stand_enabled: e.currentTarget.checked })} />
            {t('Remind me to stand for a while, then to sit again')}
          </label>
          <Field id="stand_minutes" label={t('Stand for (minutes)')} hint={t('Between 5 and 120.')} error={errors.stand_minutes}>
            <input
              id="stand_minutes"
              type="number"
              inputMode="numeric"
              min={5}
              max={120}
              value={p.stand_minutes ?? 30}
              disabled={!p.sit_stand_enabled}
              aria-describedby="stand_minutes-hint"
              onInput={(e) => up({ stand_minutes: e.currentTarget.value === '' ? ('' as unknown as number) : Number(e.currentTarget.value) })}
            />
          </Field>
        </fieldset>
      )}
      {overnightAsked === windowKey && isOvernight(p.work_start, p.work_end) && (
        <div class="banner warn" role="alert">
          <p>
            {t('Your work hours run overnight, from {work_start} until {work_end} the next morning. Is that right?', { work_start: p.work_start, work_end: p.work_end })}
          </p>
          <div class="row">
            <button class="btn primary" type="button" onClick={() => void save(p)}>
              {t('Yes, I work overnight')}
            </button>
            <button class="btn" type="button" onClick={() => { setOvernightAsked(null); document.getElementById('work_end')?.focus(); }}>
              {t('No, change the hours')}
            </button>
          </div>
        </div>
      )}
      <button class="btn primary block" type="submit">
        {t('Save reminder settings')}
      </button>

      <h3 style={{ marginTop: '1.25rem' }}>{t('Take a break from reminders')}</h3>
      {paused ? (
        <div class="row">
          <p style={{ margin: 0 }}>{t('Paused until {0}.', { 0: formatDateTime(p.paused_until) })}</p>
          <button class="btn" type="button" onClick={() => void save({ ...p, paused_until: null }, t('Reminders are back on.'))}>
            {t('Resume now')}
          </button>
        </div>
      ) : (
        <div class="row" style={{ alignItems: 'flex-end' }}>
          <div class="field" style={{ margin: 0, flex: '1 1 8rem' }}>
            <label for="pause-hours">{t('Pause for')}</label>
            <select id="pause-hours" value={pauseHours} onChange={(e) => setPauseHours(Number(e.currentTarget.value))}>
              {[1, 2, 4, 8, 24, 72].map((h) => (
                <option key={h} value={h}>
                  {t('{h, plural, one {# hour} other {# hours}}', { h })}
                </option>
              ))}
            </select>
          </div>
          <button
            class="btn"
            type="button"
            onClick={() => void save({ ...p, paused_until: new Date(Date.now() + pauseHours * 3600_000).toISOString() }, t('{pauseHours, plural, one {Reminders are paused for # hour.} other {Reminders are paused for # hours.}}', { pauseHours }))}
          >
            {t('Pause')}
          </button>
        </div>
      )}
      <div style={{ marginTop: '1rem' }}>
        <FormStatus ok={status} error={failure} />
      </div>
      <h3>{t('Next reminders')}</h3>
      <Preview version={version} />
    </form>
  );
}

