import type { PatientRow } from '../../types';
import { ErrorNote, Field, FormError, Loading, weekdays, type AsyncState } from '../../components/ui';
import { t } from '../../lib/i18n';

/** The assignment made with a new program (nothing is assigned while `patient` is empty). */
export interface AssignDraft {
  patient: string;
  start: string;
  end: string;
  days: number[];
  time: string;
  notes: string;
}

/** "Assign": the patient, the dates, the days and a note for the assignment. */
export function AssignFields({ patients, value, onChange, errors }: { patients: AsyncState<PatientRow[]>; value: AssignDraft; onChange: (patch: Partial<AssignDraft>) => void; errors: Record<string, string> }) {
  const { patient, start, end, days, time, notes } = value;
  const patientList = patients.data ?? [];
  return (
    <>
      <h2>{t('Assign')}</h2>
      {patients.error != null && <ErrorNote error={patients.error} retry={patients.reload} />}
      {patients.loading ? (
        <Loading />
      ) : (
        <Field id="a-patient" label={t('Patient')} hint={t('Leave empty to save the program without assigning it.')}>
          <select id="a-patient" value={patient} onChange={(e) => onChange({ patient: e.currentTarget.value })} aria-describedby="a-patient-hint">
            <option value="">{t('No patient yet')}</option>
            {patientList.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.full_name || p.email}
              </option>
            ))}
          </select>
        </Field>
      )}
      {patient && (
        <>
          <div class="grid2">
            <Field id="a-start" label={t('Start date')} error={errors.start_date}>
              <input id="a-start" type="date" value={start} onInput={(e) => onChange({ start: e.currentTarget.value })} />
            </Field>
            <Field id="a-end" label={t('End date')} hint={t('Optional.')} error={errors.end_date}>
              <input id="a-end" type="date" value={end} min={start} onInput={(e) => onChange({ end: e.currentTarget.value })} aria-describedby="a-end-hint" />
            </Field>
            <Field id="a-time" label={t('Preferred time')} hint={t('Optional.')} error={errors.preferred_time}>
              <input id="a-time" type="time" value={time} onInput={(e) => onChange({ time: e.currentTarget.value })} aria-describedby="a-time-hint" />
            </Field>
          </div>
          <fieldset>
            <legend>{t('Days')}</legend>
            <div class="days">
              {weekdays('long').map((d, i) => (
                <label class="check" key={d}>
                  <input type="checkbox" checked={days.includes(i + 1)} onChange={() => onChange({ days: days.includes(i + 1) ? days.filter((x) => x !== i + 1) : [...days, i + 1].sort() })} />
                  {d}
                </label>
              ))}
            </div>
            <FormError message={errors.days_of_week} announce={false} />
          </fieldset>
          <Field id="a-notes" label={t('Notes for this assignment')} hint={t('Optional.')}>
            <textarea id="a-notes" value={notes} onInput={(e) => onChange({ notes: e.currentTarget.value })} aria-describedby="a-notes-hint" />
          </Field>
        </>
      )}
    </>
  );
}
