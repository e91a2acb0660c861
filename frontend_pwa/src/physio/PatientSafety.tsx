// The physio's safety controls for one patient: re-issue the red-flag check, and mark the
// precautions that keep conflicting micro-breaks out of the patient's movement nudges.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/client';
import { ErrorNote, Loading, useAsync } from '../components/ui';
import { t } from '../lib/i18n';

interface Marks {
  codes: string[];
  choices: { code: string; label: string }[];
}

export function PatientSafety({ patientId }: { patientId: number }) {
  const q = useAsync(() => api.get<Marks>(`/api/patients/${patientId}/precautions/`), [patientId]);
  const [codes, setCodes] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (q.data) setCodes(q.data.codes);
  }, [q.data]);

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const r = await api.put<Marks>(`/api/patients/${patientId}/precautions/`, { codes });
      setCodes(r.codes);
      setNote(t('Precautions saved.'));
    } catch (err) {
      setError(err);
    }
  }

  async function reissue() {
    setError(null);
    try {
      await api.post(`/api/patients/${patientId}/screening/`);
      setNote(t('The patient will answer the safety check before their next session.'));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section class="card" aria-labelledby="safety-h">
      <h2 id="safety-h" style={{ marginTop: 0 }}>
        {t('Safety')}
      </h2>
      <p>
        <button class="btn" type="button" onClick={() => void reissue()}>
          {t('Ask for the safety check again')}
        </button>
      </p>
      {q.loading && !q.data && <Loading />}
      {q.data && (
        <form onSubmit={save}>
          <fieldset>
            <legend>{t('Precautions for this patient (movement reminders never suggest a move that carries one)')}</legend>
            {q.data.choices.map((c) => (
              <label class="check" key={c.code}>
                <input
                  type="checkbox"
                  name="precaution"
                  value={c.code}
                  checked={codes.includes(c.code)}
                  onChange={(e) => setCodes(e.currentTarget.checked ? [...codes, c.code] : codes.filter((x) => x !== c.code))}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
          <button class="btn primary" type="submit">
            {t('Save precautions')}
          </button>
        </form>
      )}
      {note && (
        <p role="status" class="small">
          {note}
        </p>
      )}
      {error != null && <ErrorNote error={error} />}
    </section>
  );
}
