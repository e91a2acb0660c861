import { useState } from 'preact/hooks';
import type { Me } from '../../types';
import { api } from '../../lib/client';
import { setMe } from '../../lib/auth';
import { useStore } from '../../lib/store';
import { Field, FormStatus } from '../../components/ui';
import { activate, lang, LANGUAGES, t, type Lang } from '../../lib/i18n';

/** The app's language: saved on the account (PATCH /api/me/), applied at once. */
export function LanguageSettings() {
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

