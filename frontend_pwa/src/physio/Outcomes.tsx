// Outcome questionnaires on the patient page: schedule them and read the results.
import { useState } from 'preact/hooks';
import type { Measure, OutcomeResponse, OutcomeSchedule } from '../types';
import { api } from '../lib/client';
import { ApiError, fieldErrors, qs } from '../lib/api';
import { fetchAll } from '../lib/paging';
import { changeView, FREQUENCIES, formatScore, frequencyText, groupByMeasure } from '../lib/outcomes';
import { describedBy, ErrorNote, Field, formatDate, Loading, useAsync, FormError } from '../components/ui';
import { ShowMore, usePaged } from '../components/Paged';
import { t } from '../lib/i18n';

function todayISO(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function ScheduleForm({ patientId, measures, onAdded }: { patientId: number; measures: Measure[]; onAdded: (s: OutcomeSchedule) => void }) {
  const offered = measures.filter((m) => m.available !== false);
  const withheld = measures.filter((m) => m.available === false);
  const [measure, setMeasure] = useState(offered[0]?.code ?? '');
  const [freq, setFreq] = useState('4');
  const [start, setStart] = useState(todayISO());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!measure) {
      setErrors({ measure: t('Choose a questionnaire.') });
      return;
    }
    setBusy(true);
    setErrors({});
    setStatus('');
    const every_weeks = FREQUENCIES.find((f) => f.value === freq)?.weeks ?? null;
    try {
      const s = await api.post<OutcomeSchedule>('/api/outcomes/schedules/', { patient: patientId, measure, every_weeks, ...(start ? { start_date: start } : {}) });
      onAdded(s);
      const name = measures.find((m) => m.code === measure)?.name ?? measure;
      setStatus(t('{name} is scheduled. Your patient will find it under Questionnaires when it is due.', { name }));
    } catch (err) {
      const fe = err instanceof ApiError ? fieldErrors(err.body) : {};
      setErrors({ ...fe, form: fe.measure || fe.every_weeks || fe.start_date ? '' : err instanceof Error ? err.message : t("Couldn't schedule it. Please try again.") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Field id="o-measure" label={t('Questionnaire')} error={errors.measure}>
          <select id="o-measure" value={measure} onChange={(e) => setMeasure(e.currentTarget.value)} aria-invalid={!!errors.measure} aria-describedby={describedBy('o-measure', undefined, errors.measure)}>
            {offered.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
      {withheld.length > 0 && (
        <p class="small muted" id="o-withheld">
          {t('Not offered:')} {withheld.map((m) => m.name).join(' and ')}. {withheld[0].unavailable_reason}
        </p>
      )}
      <div class="grid2">
        <Field id="o-freq" label={t('How often')} error={errors.every_weeks}>
          <select id="o-freq" value={freq} onChange={(e) => setFreq(e.currentTarget.value)} aria-invalid={!!errors.every_weeks} aria-describedby={describedBy('o-freq', undefined, errors.every_weeks)}>
            {FREQUENCIES.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="o-start" label={t('First due on')} error={errors.start_date}>
          <input id="o-start" type="date" value={start} onInput={(e) => setStart(e.currentTarget.value)} aria-invalid={!!errors.start_date} aria-describedby={describedBy('o-start', undefined, errors.start_date)} />
        </Field>
      </div>
      <FormError message={errors.form} />
      <button class="btn primary" type="submit" disabled={busy || offered.length === 0}>
        {busy ? t('Scheduling…') : t('Schedule questionnaire')}
      </button>
      <p role="status" class="small" style={{ marginTop: '.5rem' }}>
        {status}
      </p>
    </form>
  );
}

function Results({ patientId, names }: { patientId: number; names: Map<string, string> }) {
  const q = usePaged<OutcomeResponse>(`/api/outcomes/responses/${qs({ patient: patientId, page_size: 50 })}`, (r) => r.id);
  if (q.loading) return <Loading />;
  if (q.error != null) return <ErrorNote error={q.error} retry={q.reload} />;
  if (q.items.length === 0) return <p>{t('No answers yet. Results appear here once your patient fills in a questionnaire.')}</p>;
  return (
    <>
      {groupByMeasure(q.items).map((g) => {
        const name = names.get(g.measure) ?? g.measure;
        return (
          <div key={g.measure}>
            <h4 class="h4">{name}</h4>
            <div class="table-wrap">
              <table class="compact">
                <caption class="sr-only">{t('{name}: score and change from the first answer, newest first', { name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Date')}</th>
                    <th scope="col">{t('Score')}</th>
                    <th scope="col">{t('Change from first answer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.responses.map((r) => {
                    const c = changeView(r.change);
                    return (
                      <tr key={r.id}>
                        <th scope="row" style={{ fontWeight: 400 }}>
                          {formatDate(r.local_date || r.answered_at)}
                        </th>
                        <td>
                          <strong>{formatScore(r.score)}</strong>
                          {r.measure === 'odi' && r.total_items != null && (
                            <span class="small muted"> {t('· {answered_items} of {total_items} sections answered', { answered_items: r.answered_items, total_items: r.total_items })}</span>
                          )}
                          {r.activities && r.activities.length > 0 && (
                            <span class="small muted"> · {r.activities.join('; ')}</span>
                          )}
                        </td>
                        <td>
                          <span class={`change ${c.tone}`}>
                            <span aria-hidden="true">{c.tone === 'better' ? '▲ ' : c.tone === 'worse' ? '▼ ' : ''}</span>
                            {c.text}
                          </span>
                          {c.meaningful && <span class="pill meaningful">{t('Meaningful change')}</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
      <ShowMore pager={q} noun="answer" />
    </>
  );
}

export function PatientOutcomes({ patientId }: { patientId: number }) {
  const measures = useAsync(() => api.get<Measure[]>('/api/outcomes/measures/'), []);
  const schedules = useAsync(() => fetchAll<OutcomeSchedule>((p) => api.get(p), `/api/outcomes/schedules/${qs({ patient: patientId, page_size: 100 })}`), [patientId]);
  const list = (schedules.data ?? []).filter((s) => s.patient === patientId);
  const names = new Map((measures.data ?? []).map((m) => [m.code, m.name]));
  return (
    <section class="card" aria-labelledby="out-h">
      <h2 id="out-h" style={{ marginTop: 0 }}>
        {t('Questionnaires')}
      </h2>
      <h3>{t('Results')}</h3>
      <p class="small muted">{t('Better or worse is judged for each questionnaire (on some, a lower score is better). “Meaningful change” means the change is big enough to matter clinically.')}</p>
      <Results patientId={patientId} names={names} />

      <h3 style={{ marginTop: '1.25rem' }}>{t('Scheduled')}</h3>
      {schedules.loading && <Loading />}
      {schedules.error != null && <ErrorNote error={schedules.error} retry={schedules.reload} />}
      {schedules.data && list.length === 0 && <p>{t('Nothing scheduled yet.')}</p>}
      {list.length > 0 && (
        <ul class="plain">
          {list.map((s) => (
            <li key={s.id} class="spread">
              <span>
                <strong>{names.get(s.measure) ?? s.measure}</strong>
                <br />
                <span class="small muted">
                  {s.every_weeks ? `${frequencyText(s.every_weeks)}, from ${formatDate(s.start_date)}` : t('Once, on {0}', { 0: formatDate(s.start_date) })}
                </span>
              </span>
              {!s.active && <span class="pill">{t('Stopped')}</span>}
            </li>
          ))}
        </ul>
      )}

      <h3 style={{ marginTop: '1.25rem' }}>{t('Schedule a questionnaire')}</h3>
      {measures.loading && <Loading />}
      {measures.error != null && <ErrorNote error={measures.error} retry={measures.reload} />}
      {measures.data && <ScheduleForm patientId={patientId} measures={measures.data} onAdded={(s) => schedules.setData([s, ...(schedules.data ?? [])])} />}
    </section>
  );
}
