import { useState } from 'preact/hooks';
import type { Me } from '../../types';
import { ApiError, fieldErrors } from '../../lib/api';
import { api, sync } from '../../lib/client';
import { logout, setMe } from '../../lib/auth';
import { plainFieldErrors } from '../../lib/errors';
import { useStore } from '../../lib/store';
import { navigate } from '../../lib/router';
import { Field, FormStatus } from '../../components/ui';
import { timezones } from '../Auth';
import { t } from '../../lib/i18n';

/** Name and time zone (PATCH /api/me/), and signing out (with unsent sessions pointed out). */
export function Account({ me }: { me: Me }) {
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

