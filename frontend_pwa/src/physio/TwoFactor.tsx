import { useState } from 'preact/hooks';
import type { Me, TwoFactorStatus } from '../types';
import { api } from '../lib/client';
import { ApiError, fieldErrors } from '../lib/api';
import { setMe } from '../lib/auth';
import { ErrorNote, Field, Loading, Page, useAsync, FormError } from '../components/ui';
import { t } from '../lib/i18n';

interface Setup {
  otpauth_url: string;
  secret: string;
  qr_svg: string;
}

/** Two-factor sign-in for clinicians: scan a QR code, confirm one code, keep the recovery codes. */
export function TwoFactor() {
  const status = useAsync(() => api.get<TwoFactorStatus>('/api/me/two-factor/'), []);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function refreshMe() {
    setMe(await api.get<Me>('/api/me/'));
    status.reload();
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (err) {
      const fe = err instanceof ApiError ? fieldErrors(err.body) : {};
      setError(fe.code ?? fe.password ?? fe.detail ?? (err instanceof Error ? err.message : t('Something went wrong.')));
    } finally {
      setBusy(false);
    }
  }

  const begin = () => run(async () => setSetup(await api.post<Setup>('/api/me/two-factor/setup/')));
  const confirm = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const r = await api.post<{ recovery_codes: string[] }>('/api/me/two-factor/confirm/', { code: code.replace(/\s+/g, '') });
      setCodes(r.recovery_codes);
      setSetup(null);
      setCode('');
      await refreshMe();
    });
  };
  const turnOff = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      await api.del('/api/me/two-factor/', { password });
      setPassword('');
      setCodes(null);
      await refreshMe();
    });
  };

  if (status.loading && !status.data) return <Page title={t('Two-factor sign-in')}><Loading /></Page>;
  if (status.error) return <Page title={t('Two-factor sign-in')}><ErrorNote error={status.error} retry={status.reload} /></Page>;
  const s = status.data!;
  return (
    <Page title={t('Two-factor sign-in')} lead={<p class="muted">{t('A code from an app on your phone, asked for each time you sign in, with your password.')}</p>}>
      {s.required_by_clinic && !s.enrolled && (
        <p class="banner warn" role="alert">{t('Your clinic requires two-factor sign-in. Set it up to go on.')}</p>
      )}
      {codes && (
        <section class="card" aria-labelledby="rc-h">
          <h2 id="rc-h" style={{ marginTop: 0 }}>{t('Your recovery codes')}</h2>
          <p class="small">{t('Each works once, if your phone is lost. Keep them somewhere safe; they are not shown again.')}</p>
          <ul class="recovery-codes" style={{ fontFamily: 'monospace', display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))', gap: '.25rem 1rem', paddingLeft: '1.25rem' }}>
            {codes.map((c) => <li key={c}>{c}</li>)}
          </ul>
        </section>
      )}
      {!s.enrolled && !setup && (
        <section class="card">
          <p>{t('Status:')} <strong>{t('off')}</strong>.</p>
          <button class="btn primary" type="button" onClick={begin} disabled={busy}>{t('Set up two-factor sign-in')}</button>
        </section>
      )}
      {setup && (
        <form class="card" onSubmit={confirm} noValidate>
          <h2 style={{ marginTop: 0 }}>{t('1. Scan this code')}</h2>
          <p class="small">{t('Use an authenticator app (for example the one your clinic recommends).')}</p>
          <p class="qr">
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qr_svg)}`} alt={t('QR code for your authenticator app')} width={224} height={224} style={{ background: '#fff', maxWidth: '100%', height: 'auto' }} />
          </p>
          <p class="small">{t('Cannot scan? Enter this key:')} <code style={{ wordBreak: 'break-all' }}>{setup.secret}</code></p>
          <h2>{t('2. Enter the code it shows')}</h2>
          <Field id="tf-code" label={t('6-digit code')}>
            <input id="tf-code" type="text" inputMode="numeric" autocomplete="one-time-code" value={code} onInput={(e) => setCode(e.currentTarget.value)} required />
          </Field>
          <button class="btn primary" type="submit" disabled={busy || !code.trim()}>{t('Turn on')}</button>
        </form>
      )}
      {s.enrolled && (
        <section class="card">
          <p>{t('Status:')} <strong>{t('on')}</strong>{t('. Recovery codes left: {recovery_codes_left}.', { recovery_codes_left: s.recovery_codes_left })}</p>
          {!s.required_by_clinic && (
            <form onSubmit={turnOff} noValidate>
              <Field id="tf-password" label={t('Your password, to turn it off')}>
                <input id="tf-password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
              </Field>
              <button class="btn" type="submit" disabled={busy || !password}>{t('Turn off two-factor sign-in')}</button>
            </form>
          )}
        </section>
      )}
      <FormError message={error} />
    </Page>
  );
}
