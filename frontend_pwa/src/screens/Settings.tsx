import { useEffect, useState } from 'preact/hooks';
import type { Assignment, CalendarFeed, Me, NudgePlan, NudgePreview, Page as PageOf } from '../types';
import { ApiError, fieldErrors, qs, results } from '../lib/api';
import { api, sync } from '../lib/client';
import { auth, logout, setMe } from '../lib/auth';
import { currentSubscription, disablePush, enablePush, isIOS, isStandalone, pushSupport } from '../lib/push';
import { isOvernight, plainFieldErrors, pushFailureText, withTimeout } from '../lib/errors';
import { canSpeak, muted, setMuted } from '../lib/speech';
import { useStore } from '../lib/store';
import { navigate } from '../lib/router';
import { ErrorNote, Field, FieldError, FormStatus, formatDateTime, Loading, Page, useAsync, weekdays } from '../components/ui';
import { timezones } from './Auth';
import { activate, lang, LANGUAGES, t, type Lang } from '../lib/i18n';
import { CalendarBusySettings, PreviewList } from '../breaks/Settings';

const INTERVALS = [20, 30, 45, 60, 90, 120];
const PUSH_TIMEOUT_MS = 15_000;

function Preview({ version }: { version: number }) {
  const q = useAsync(() => api.get<NudgePreview>(`/api/nudges/plan/preview/${qs({ from: new Date().toISOString(), count: 5 })}`), [version]);
  if (q.loading) return <Loading label={t('Working out your next reminders…')} />;
  if (q.error) return <p class="muted">{t('The preview is not available right now.')}</p>;
  const p = q.data!;
  if (p.nudges.length === 0) return <p>{t('No reminders are coming up with these settings.')}</p>;
  return <PreviewList nudges={p.nudges} timeZone={p.timezone} />;
}

function NudgeSettings() {
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

function PushSettings() {
  const support = pushSupport();
  const [state, setState] = useState<'unknown' | 'on' | 'off' | 'denied'>('unknown');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const [failed, setFailed] = useState('');
  useEffect(() => {
    if (support !== 'supported') return;
    if (Notification.permission === 'denied') setState('denied');
    else void currentSubscription().then((s) => setState(s ? 'on' : 'off')).catch(() => setState('off'));
  }, []);

  if (support === 'needs-install') {
    return (
      <p>
        {t('On iPhone and iPad, notifications work once Upright is on your home screen. Tap the Share button, choose')} <strong>{t('Add to Home Screen')}</strong>{t(', then open Upright from there and come back to this page.')}
      </p>
    );
  }
  if (support === 'unsupported') return <p>{t("This browser can't show notifications from Upright. Your reminders will still appear in the Inbox.")}</p>;

  async function turnOn() {
    setBusy(true);
    setMsg('');
    setFailed('');
    try {
      // Some browsers never answer (private windows): give up after a while, say why.
      const r = await withTimeout(enablePush(), PUSH_TIMEOUT_MS);
      setState(r === 'on' ? 'on' : r === 'denied' ? 'denied' : 'off');
      setMsg(r === 'on' ? t('Notifications are on.') : r === 'denied' ? '' : t('Notifications were not turned on.'));
    } catch (e) {
      setFailed(pushFailureText(e, { ios: isIOS(), standalone: isStandalone() }));
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    try {
      await disablePush();
      setState('off');
      setMsg(t('Notifications are off.'));
    } catch {
      setMsg(t("Couldn't turn off notifications. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>
        {t('Notifications let Upright remind you to move and to do your exercises, even when the app is closed. We only send what you set up above, and you can turn them off here at any time.')}
      </p>
      {state === 'denied' && <p class="banner warn">{t("Notifications are blocked for this site. You can allow them in your browser's site settings.")}</p>}
      {state === 'on' ? (
        <button class="btn" type="button" disabled={busy} onClick={turnOff}>
          {t('Turn off notifications')}
        </button>
      ) : state !== 'denied' ? (
        <button class="btn primary" type="button" disabled={busy} onClick={turnOn}>
          {busy ? t('Turning on…') : failed ? t('Try again') : t('Turn on notifications')}
        </button>
      ) : null}
      {failed && (
        <div class="banner danger" role="alert" style={{ marginTop: '.75rem' }}>
          <p>{failed}</p>
        </div>
      )}
      <p role="status" aria-live="polite" class="small">
        {msg}
      </p>
    </>
  );
}

function CalendarFeedFor({ a, single }: { a: Assignment; single: boolean }) {
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const id = `cal-${a.id}`;

  async function create() {
    if (feed && !window.confirm(t('Make a new link? The current link will stop working, so calendars using it stop updating.'))) return;
    setBusy(true);
    setMsg('');
    try {
      setFeed(await api.post<CalendarFeed>(`/api/assignments/${a.id}/calendar/`));
      setMsg(feed ? t('Here is your new link. The old one no longer works.') : t('Your calendar link is ready.'));
    } catch (e) {
      setMsg(e instanceof Error ? t("Couldn't make a link: {message}", { message: e.message }) : t("Couldn't make a link. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    setBusy(true);
    setMsg('');
    try {
      await api.del(`/api/assignments/${a.id}/calendar/`);
      setFeed(null);
      setMsg(t('The calendar link is turned off. Calendars that used it will stop updating.'));
    } catch (e) {
      setMsg(e instanceof Error ? t("Couldn't turn it off: {message}", { message: e.message }) : t("Couldn't turn it off. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!feed) return;
    try {
      await navigator.clipboard.writeText(feed.url);
      setMsg(t('Link copied.'));
    } catch {
      setMsg(t('Copying is not available here. Select the link and copy it.'));
    }
  }

  return (
    <div class={single ? '' : 'card'} style={single ? undefined : { background: 'var(--surface-2)' }}>
      {!single && <h3 style={{ marginTop: 0 }}>{a.program.name}</h3>}
      {feed ? (
        <>
          <Field id={id} label={t('Your private calendar link')}>
            <input id={id} type="text" readOnly value={feed.url} onFocus={(e) => e.currentTarget.select()} />
          </Field>
          <div class="row">
            <a class="btn primary" href={feed.webcal_url}>
              {t('Add to my calendar')}
            </a>
            <button class="btn" type="button" onClick={() => void copy()}>
              {t('Copy link')}
            </button>
          </div>
          <div class="row" style={{ marginTop: '.5rem' }}>
            <button class="btn" type="button" disabled={busy} onClick={() => void create()}>
              {t('Make a new link')}
            </button>
            <button class="btn danger" type="button" disabled={busy} onClick={() => void revoke()}>
              {t('Turn off link')}
            </button>
          </div>
        </>
      ) : (
        <>
          <button class="btn primary" type="button" disabled={busy} onClick={() => void create()}>
            {busy ? t('Making your link…') : t('Get calendar link')}
          </button>
          <p class="small" style={{ marginTop: '.5rem' }}>
            {t('Made a link before and want it to stop working?')}
            <button class="linkbtn" type="button" disabled={busy} onClick={() => void revoke()}>
              {t('Turn off calendar link')}
            </button>
          </p>
        </>
      )}
      <p role="status" aria-live="polite" class="small">
        {msg}
      </p>
    </div>
  );
}

function CalendarSettings() {
  const q = useAsync(() => api.get<PageOf<Assignment>>('/api/assignments/?page_size=50'), []);
  if (q.loading && !q.data) return <Loading />;
  if (q.error && !q.data) return <ErrorNote error={q.error} retry={q.reload} />;
  const list = results(q.data).filter((a) => a.status !== 'ended');
  return (
    <>
      <p>
        {t('Add your exercise sessions to the calendar on your phone or computer (Apple, Google or Outlook). They update by themselves when your plan changes.')}
      </p>
      <p class="small muted">
        {t("The link is private: anyone who has it can see your exercise times, so please don't share it. You can turn it off at any time, and making a new link turns off the old one.")}
      </p>
      {list.length === 0 ? <p>{t("You don't have an exercise plan yet.")}</p> : list.map((a) => <CalendarFeedFor key={a.id} a={a} single={list.length === 1} />)}
    </>
  );
}

function Account({ me }: { me: Me }) {
  const [name, setName] = useState(me.full_name);
  const [tz, setTz] = useState(me.timezone);
  const [msg, setMsg] = useState('');
  const [failure, setFailure] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const s = useStore(sync);
  async function save(e: Event) {
    e.preventDefault();
    setMsg('');
    setFailure('');
    setErrors({});
    try {
      const updated = await api.patch<Me>('/api/me/', { full_name: name.trim(), timezone: tz });
      setMe(updated);
      setMsg(t('Your account is saved.'));
    } catch (err) {
      const found = err instanceof ApiError ? plainFieldErrors(fieldErrors(err.body)) : {};
      setErrors(found);
      setFailure(Object.keys(found).length ? t('Not saved. Please fix the marked fields.') : t('Not saved. Check your connection and try again.'));
    }
  }
  return (
    <>
      <form onSubmit={save}>
        <p class="muted">{t('Signed in as {email}', { email: me.email })}</p>
        <Field id="acc-name" label={t('Name')} error={errors.full_name}>
          <input id="acc-name" type="text" autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field id="acc-tz" label={t('Time zone')} error={errors.timezone}>
          <select id="acc-tz" value={tz} onChange={(e) => setTz(e.currentTarget.value)}>
            {timezones(tz).map((t) => (
              <option key={t} value={t}>
                {t.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </Field>
        <button class="btn" type="submit">
          {t('Save account')}
        </button>
        <div style={{ marginTop: '.75rem' }}>
          <FormStatus ok={msg} error={failure} />
        </div>
      </form>
      {s.pending > 0 && (
        <p class="banner warn">
          {t('{pending, plural, one {# session has not been sent yet. If you sign out, it stays on this phone and is sent after you sign in again.} other {# sessions have not been sent yet. If you sign out, they stay on this phone and are sent after you sign in again.}}', { pending: s.pending })}
        </p>
      )}
      <button
        class="btn danger"
        type="button"
        onClick={async () => {
          await logout().catch(() => undefined);
          navigate('/login', { replace: true });
        }}
      >
        {t('Sign out')}
      </button>
    </>
  );
}

/** The app's language: saved on the account (PATCH /api/me/), applied at once. */
function LanguageSettings() {
  const current = useStore(lang);
  const [ok, setOk] = useState('');
  const [failure, setFailure] = useState('');
  async function choose(code: Lang) {
    setOk('');
    setFailure('');
    try {
      const updated = await api.patch<Me>('/api/me/', { language: code });
      setMe(updated);
      await activate(code);
      setOk(t('Your language is saved.'));
    } catch {
      // Show it now anyway; the account keeps its language until the next save.
      await activate(code);
      setFailure(t('Not saved. Check your connection and try again.'));
    }
  }
  return (
    <>
      <Field id="lang" label={t('Language of the app')}>
        <select id="lang" value={current} onChange={(e) => void choose(e.currentTarget.value as Lang)}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      <p class="muted small">{t('Exercise instructions come in this language when your clinic has them; otherwise in English.')}</p>
      <FormStatus ok={ok} error={failure} />
    </>
  );
}

export function Settings() {
  const { me } = useStore(auth);
  const m = useStore(muted);
  if (!me) return null;
  const patient = me.role === 'patient';
  return (
    <Page title={patient ? t('Settings') : t('Account')}>
      {patient && (
        <>
          <section class="card" aria-labelledby="nudge-h">
            <h2 id="nudge-h" style={{ marginTop: 0 }}>
              {t('Movement reminders')}
            </h2>
            <p class="muted small">{t('Sitting for long stretches is hard on the back. A short stand-up and walk around helps.')}</p>
            <NudgeSettings />
          </section>
          <section class="card" aria-labelledby="calbusy-h">
            <h2 id="calbusy-h" style={{ marginTop: 0 }}>
              {t('Busy times from your calendar')}
            </h2>
            <CalendarBusySettings />
          </section>
          <section class="card" aria-labelledby="cal-h">
            <h2 id="cal-h" style={{ marginTop: 0 }}>
              {t('Calendar')}
            </h2>
            <CalendarSettings />
          </section>
          <section class="card" aria-labelledby="push-h">
            <h2 id="push-h" style={{ marginTop: 0 }}>
              {t('Notifications')}
            </h2>
            <PushSettings />
          </section>
          {canSpeak && (
            <section class="card" aria-labelledby="voice-h">
              <h2 id="voice-h" style={{ marginTop: 0 }}>
                {t('Voice')}
              </h2>
              <label class="check">
                <input type="checkbox" checked={!m} onChange={(e) => setMuted(!e.currentTarget.checked)} />
                {t('Speak instructions during a session')}
              </label>
            </section>
          )}
        </>
      )}
      {!patient && (
        <section class="card" aria-labelledby="tf-h">
          <h2 id="tf-h" style={{ marginTop: 0 }}>
            {t('Two-factor sign-in')}
          </h2>
          <p class="small">{me.two_factor?.enrolled ? t('On: signing in asks for a code from your authenticator app.') : t('Off. Protect your patients’ records with a code from an authenticator app.')}</p>
          <a class="btn" href="/physio/security" onClick={(e) => { e.preventDefault(); navigate('/physio/security'); }}>
            {me.two_factor?.enrolled ? t('Manage two-factor sign-in') : t('Set up two-factor sign-in')}
          </a>
        </section>
      )}
      <section class="card" aria-labelledby="lang-h">
        <h2 id="lang-h" style={{ marginTop: 0 }}>
          {t('Language')}
        </h2>
        <LanguageSettings />
      </section>
      <section class="card" aria-labelledby="acc-h">
        <h2 id="acc-h" style={{ marginTop: 0 }}>
          {t('Account')}
        </h2>
        <Account me={me} />
      </section>
    </Page>
  );
}
