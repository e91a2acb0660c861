import { useEffect, useState } from 'preact/hooks';
import type { InviteInfo, Me } from '../types';
import { ApiError, fieldErrors, NetworkError } from '../lib/api';
import { api } from '../lib/client';
import { setMe } from '../lib/auth';
import { homeFor, navigate, safeNext } from '../lib/router';
import { describedBy, ErrorNote, Field, Link, Loading, Page, useAsync, FormError } from '../components/ui';
import { t } from '../lib/i18n';

function errorText(e: unknown, fallback: string): string {
  if (e instanceof NetworkError) return t("You're offline. Connect to the internet and try again.");
  if (e instanceof ApiError) {
    if (e.status === 429) return t('Too many tries. Please wait a few minutes and try again.');
    return e.message || fallback;
  }
  return fallback;
}

export function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  // Two-factor: asked for once the server says this account has enrolled.
  const [otpNeeded, setOtpNeeded] = useState(false);
  const [otp, setOtp] = useState('');

  async function submit(e: Event) {
    e.preventDefault();
    setError('');
    if (!email || !password) {
      setError(t('Please enter your email and password.'));
      return;
    }
    if (otpNeeded && !otp.trim()) {
      setError(t('Please enter the code from your authenticator app.'));
      return;
    }
    setBusy(true);
    try {
      await api.csrfToken();
      const body = { email: email.trim(), password, ...(otpNeeded ? { otp: otp.trim() } : {}) };
      const me = await api.post<Me>('/api/auth/login/', body);
      setMe(me);
      const next = safeNext(new URLSearchParams(location.search).get('next'));
      navigate(next ?? homeFor(me.role), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && (err.body as { otp_required?: boolean } | null)?.otp_required) {
        setOtpNeeded(true);
        setError(fieldErrors(err.body).otp ?? t('Enter the code from your authenticator app.'));
      } else {
        setError(errorText(err, t("That email and password don't match an account.")));
      }
    } finally {
      setBusy(false);
    }
  }

  function useCode(e: Event) {
    e.preventDefault();
    const c = code.trim().replace(/\s+/g, '');
    if (c) navigate(`/invite/${encodeURIComponent(c)}`);
  }

  return (
    <Page title={t('Sign in')} lead={<p class="muted">{t('Your exercise plan from your physiotherapist.')}</p>}>
      <form class="card" onSubmit={submit} noValidate>
        <Field id="email" label={t('Email')}>
          <input id="email" type="email" autocomplete="username" inputMode="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required />
        </Field>
        <Field id="password" label={t('Password')}>
          <input id="password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
        </Field>
        {otpNeeded && (
          <Field id="otp" label={t('Code from your authenticator app')} hint={t('6 digits, or one of your recovery codes.')}>
            <input id="otp" type="text" inputMode="numeric" autocomplete="one-time-code" value={otp} onInput={(e) => setOtp(e.currentTarget.value)} aria-describedby="otp-hint" autoFocus required />
          </Field>
        )}
        <FormError message={error} />
        <button class="btn primary block" type="submit" disabled={busy}>
          {busy ? t('Signing in…') : t('Sign in')}
        </button>
        <p class="center" style={{ marginTop: '.75rem' }}>
          <Link href="/forgot-password">{t('Forgot your password?')}</Link>
        </p>
      </form>
      <form class="card" onSubmit={useCode}>
        <h2 style={{ marginTop: 0 }}>{t('New here?')}</h2>
        <Field id="code" label={t('Invite code')} hint={t('Your physiotherapist gives you this code or a link.')}>
          <input id="code" type="text" autocomplete="off" autocapitalize="characters" value={code} onInput={(e) => setCode(e.currentTarget.value)} aria-describedby="code-hint" />
        </Field>
        <button class="btn block" type="submit">
          {t('Use invite code')}
        </button>
      </form>
    </Page>
  );
}

function guessTimezone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function timezones(current: string): string[] {
  let list: string[] = [];
  try {
    list = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    list = [];
  }
  if (!list.includes(current)) list = [current, ...list];
  return list;
}

export function AcceptInvite({ code }: { code: string }) {
  const info = useAsync(() => api.get<InviteInfo>(`/api/invites/${encodeURIComponent(code)}/`), [code]);
  const [form, setForm] = useState({ full_name: '', email: '', password: '', timezone: guessTimezone() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  // An invite sent to an address: the form starts with it (only that address can accept).
  const invitedEmail = info.data?.email ?? '';
  useEffect(() => {
    if (invitedEmail) setForm((f) => (f.email ? f : { ...f, email: invitedEmail }));
  }, [invitedEmail]);

  async function submit(e: Event) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!form.full_name.trim()) errs.full_name = t('Please enter your name.');
    if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) errs.email = t('Please enter a valid email address.');
    if (form.password.length < 8) errs.password = t('Use at least 8 characters.');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api.csrfToken();
      const me = await api.post<Me>(`/api/invites/${encodeURIComponent(code)}/accept/`, { ...form, email: form.email.trim(), full_name: form.full_name.trim() });
      setMe(me);
      navigate(homeFor(me.role), { replace: true });
    } catch (err) {
      const fe = err instanceof ApiError ? fieldErrors(err.body) : {};
      setErrors(Object.keys(fe).length && !fe.detail ? fe : { form: errorText(err, t('We could not create your account. Please try again.')) });
    } finally {
      setBusy(false);
    }
  }

  if (info.loading) return <Page title={t('Join Upright')}><Loading /></Page>;
  if (info.error) {
    const notFound = info.error instanceof ApiError && info.error.status === 404;
    return (
      <Page title={t('Join Upright')}>
        {notFound ? (
          <div class="banner warn" role="alert">
            <p>{t("We couldn't find that invite code. Please check it with your physiotherapist.")}</p>
            <Link class="btn" href="/login">
              {t('Back to sign in')}
            </Link>
          </div>
        ) : (
          <ErrorNote error={info.error} retry={info.reload} />
        )}
      </Page>
    );
  }
  const inv = info.data!;
  if (!inv.valid) {
    return (
      <Page title={t('Join Upright')}>
        <div class="banner warn" role="alert">
          <p>{t('This invite has expired or was already used. Please ask your physiotherapist for a new one.')}</p>
          <Link class="btn" href="/login">
            {t('Back to sign in')}
          </Link>
        </div>
      </Page>
    );
  }
  const tzs = timezones(form.timezone);
  return (
    <Page title={t('Join Upright')} lead={<p>{t('{clinic_name} has invited you. Create your account to see your exercise plan.', { clinic_name: inv.clinic_name })}</p>}>
      <form class="card" onSubmit={submit} noValidate>
        <Field id="full_name" label={t('Your name')} error={errors.full_name}>
          <input id="full_name" type="text" autocomplete="name" value={form.full_name} onInput={set('full_name')} aria-invalid={!!errors.full_name} aria-describedby={describedBy('full_name', undefined, errors.full_name)} />
        </Field>
        <Field id="email" label={t('Email')} error={errors.email}>
          <input id="email" type="email" autocomplete="email" inputMode="email" value={form.email} onInput={set('email')} aria-invalid={!!errors.email} aria-describedby={describedBy('email', undefined, errors.email)} />
        </Field>
        <Field id="password" label={t('Choose a password')} hint={t('At least 8 characters.')} error={errors.password}>
          <input id="password" type="password" autocomplete="new-password" value={form.password} onInput={set('password')} aria-invalid={!!errors.password} aria-describedby={describedBy('password', 'hint', errors.password)} />
        </Field>
        <Field id="timezone" label={t('Time zone')} hint={t('Reminders follow this time zone.')} error={errors.timezone}>
          <select id="timezone" value={form.timezone} onChange={set('timezone')} aria-describedby={describedBy('timezone', 'hint', errors.timezone)}>
            {tzs.map((t) => (
              <option key={t} value={t}>
                {t.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </Field>
        <FormError message={errors.form} />
        <button class="btn primary block" type="submit" disabled={busy}>
          {busy ? t('Creating your account…') : t('Create account')}
        </button>
      </form>
    </Page>
  );
}

export function ForgotPassword() {
  const params = new URLSearchParams(location.search);
  const uid = params.get('uid');
  const token = params.get('token');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function request(e: Event) {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      await api.post('/api/auth/password-reset/', { email: email.trim() });
      setDone(true);
    } catch (err) {
      setError(errorText(err, t('Something went wrong. Please try again.')));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(e: Event) {
    e.preventDefault();
    setError('');
    if (password.length < 8) {
      setError(t('Use at least 8 characters.'));
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/auth/password-reset/confirm/', { uid, token, new_password: password });
      setDone(true);
    } catch (err) {
      const fe = err instanceof ApiError ? fieldErrors(err.body) : {};
      setError(fe.new_password ?? errorText(err, t('This reset link is no longer valid. Please ask for a new one.')));
    } finally {
      setBusy(false);
    }
  }

  if (uid && token) {
    return (
      <Page title={t('Choose a new password')}>
        {done ? (
          <div class="banner" role="status">
            <p>{t('Your password has been changed.')}</p>
            <Link class="btn primary" href="/login">
              {t('Sign in')}
            </Link>
          </div>
        ) : (
          <form class="card" onSubmit={confirm} noValidate>
            <Field id="new-password" label={t('New password')} hint={t('At least 8 characters.')}>
              <input id="new-password" type="password" autocomplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} aria-describedby="new-password-hint" />
            </Field>
            <FormError message={error} />
            <button class="btn primary block" type="submit" disabled={busy}>
              {t('Save new password')}
            </button>
          </form>
        )}
      </Page>
    );
  }

  return (
    <Page title={t('Reset your password')}>
      {done ? (
        <div class="banner" role="status">
          <p>{t("If an account uses that email, we've sent a link to reset the password. Please check your inbox.")}</p>
          <Link href="/login">{t('Back to sign in')}</Link>
        </div>
      ) : (
        <form class="card" onSubmit={request} noValidate>
          <Field id="email" label={t('Email')}>
            <input id="email" type="email" autocomplete="email" inputMode="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </Field>
          <FormError message={error} />
          <button class="btn primary block" type="submit" disabled={busy || !email}>
            {t('Send reset link')}
          </button>
          <p class="center" style={{ marginTop: '.75rem' }}>
            <Link href="/login">{t('Back to sign in')}</Link>
          </p>
        </form>
      )}
    </Page>
  );
}
