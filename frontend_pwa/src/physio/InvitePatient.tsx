import { useState } from 'preact/hooks';
import type { Invite, Page as PageOf } from '../types';
import { api } from '../lib/client';
import { ApiError, fieldErrors, results } from '../lib/api';
import { auth } from '../lib/auth';
import { useStore } from '../lib/store';
import { Field, formatDateTime, Page, useAsync, FormError } from '../components/ui';
import { t } from '../lib/i18n';

export function InvitePatient() {
  const { me } = useStore(auth);
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const [role, setRole] = useState<'patient' | 'physio'>('patient');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState('');
  const list = useAsync(() => api.get<PageOf<Invite>>('/api/invites/'), [invite?.code]);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      setInvite(await api.post<Invite>('/api/invites/', { role, ...(email.trim() ? { email: email.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) }));
      setCopied('');
    } catch (err) {
      const fe = err instanceof ApiError ? fieldErrors(err.body) : {};
      setError(fe.email ?? (err instanceof Error ? err.message : t('Could not create the invite.')));
    } finally {
      setBusy(false);
    }
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('Link copied.'));
    } catch {
      setCopied(t('Copying is not available here. Select the link and copy it.'));
    }
  }

  return (
    <Page title={t('Invite a patient')} wide>
      <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))', alignItems: 'start' }}>
        <form class="card" onSubmit={submit} noValidate>
          {me?.role === 'clinic_admin' && (
            <Field id="i-role" label={t('Invite as')}>
              <select id="i-role" value={role} onChange={(e) => setRole(e.currentTarget.value as 'patient' | 'physio')}>
                <option value="patient">{t('Patient')}</option>
                <option value="physio">{t('Physiotherapist')}</option>
              </select>
            </Field>
          )}
          <Field id="i-email" label={t('Email')} hint={t('Optional. We e-mail the invite to this address, and only it can use the invite.')}>
            <input id="i-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} aria-describedby="i-email-hint" />
          </Field>
          <Field id="i-note" label={t('Note')} hint={t('Optional, for your own reference.')}>
            <input id="i-note" type="text" value={note} onInput={(e) => setNote(e.currentTarget.value)} aria-describedby="i-note-hint" />
          </Field>
          <FormError message={error} />
          <button class="btn primary block" type="submit" disabled={busy}>
            {busy ? t('Creating…') : t('Create invite')}
          </button>
        </form>
        {invite && (
          <section class="card" aria-labelledby="inv-h" role="status">
            <h2 id="inv-h" style={{ marginTop: 0 }}>
              {t('Invite ready')}
            </h2>
            {invite.email && invite.emailed && (
              <p class="banner">
                {t('We e-mailed the invite link to')} <strong>{invite.email}</strong>.
              </p>
            )}
            {invite.email && invite.emailed === false && (
              <p class="banner warn">{t("We couldn't send the e-mail to {email} just now. Share the link or the code below instead.", { email: invite.email })}</p>
            )}
            <p>{invite.emailed ? t('You can also share the link, or let the patient scan the code or type it on the sign-in page.') : t('Share the link, or let the patient scan the code or type it on the sign-in page.')}</p>
            <p>
              {t('Code:')} <code class="code">{invite.code}</code>
            </p>
            <p style={{ wordBreak: 'break-all' }}>
              <a href={invite.url}>{invite.url}</a>
            </p>
            <div class="row">
              <button class="btn" type="button" onClick={() => void copy(invite.url)}>
                {t('Copy link')}
              </button>
              <span role="status" class="small">
                {copied}
              </span>
            </div>
            <img class="qr" src={invite.qr_svg_url} alt={t('QR code for the invite link, code {code}', { code: invite.code })} width={200} height={200} style={{ marginTop: '1rem' }} />
            <p class="small muted">{t('Expires {0}.', { 0: formatDateTime(invite.expires_at) })}</p>
          </section>
        )}
      </div>
      <h2>{t('Your invites')}</h2>
      {list.data && results(list.data).length === 0 && <p>{t('No invites yet.')}</p>}
      {list.data && results(list.data).length > 0 && (
        <ul class="plain card">
          {results(list.data).map((i) => (
            <li key={i.code} class="spread">
              <span>
                <code>{i.code}</code> {i.email && <span class="muted">· {i.email}</span>}
              </span>
              <span class="small muted">{i.used_at ? t('Used {when}', { when: formatDateTime(i.used_at) }) : t('Expires {when}', { when: formatDateTime(i.expires_at) })}</span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
