import { useState } from 'preact/hooks';
import type { HistoryRow, Measure, OutcomeDue, OutcomeResult, Progress as ProgressData } from '../types';
import { ApiError } from '../lib/api';
import { api, getWithFallback } from '../lib/client';
import { percent } from '../lib/charts';
import { AdherenceBars, PainChart } from '../components/Charts';
import { BreakStatsView } from '../breaks/Stats';
import { ErrorNote, formatDate, formatDateTime, Link, Loading, Page, ScaleTiles, useAsync, FormError } from '../components/ui';
import { t } from '../lib/i18n';
import { ShowMore, usePaged } from '../components/Paged';

export function ProgressView({ progress }: { progress: ProgressData }) {
  return (
    <>
      <section class="card" aria-labelledby="adh-h">
        <h2 id="adh-h" style={{ marginTop: 0 }}>
          {t('Sessions done each week')}
        </h2>
        <p class="muted small">
          {t('{streak, plural, one {Overall: {overall} · Streak: # day} other {Overall: {overall} · Streak: # days}}', { overall: percent(progress.adherence_overall), streak: progress.streak })}
        </p>
        <AdherenceBars weeks={progress.weeks} />
      </section>
      <section class="card" aria-labelledby="pain-h">
        <h2 id="pain-h" style={{ marginTop: 0 }}>
          {t('Pain before and after')}
        </h2>
        <PainChart pain={progress.pain} />
      </section>
    </>
  );
}

export function Progress() {
  const q = useAsync(() => getWithFallback<ProgressData>('/api/progress/', 'upright.progress'), []);
  return (
    <Page title={t('Your progress')}>
      {q.loading && !q.data && <Loading />}
      {q.error != null && !q.data && <ErrorNote error={q.error} retry={q.reload} />}
      {q.data && (
        <>
          {q.data.stale && <p class="banner warn">{t("You're offline. These numbers were saved earlier.")}</p>}
          <ProgressView progress={q.data.data} />
        </>
      )}
      <BreakStatsView url="/api/nudges/breaks/stats/?weeks=4" who="patient" />
      <SessionHistory />
      <p>
        <Link class="btn block" href="/outcomes">
          {t('Questionnaires')}
        </Link>
      </p>
    </Page>
  );
}

const DIFFICULTY: Record<string, string> = {
  get too_easy() { return t('too easy'); },
  get about_right() { return t('about right'); },
  get too_hard() { return t('too hard'); },
};

/** Every session, newest first, a page at a time (the charts above show the recent weeks). */
function SessionHistory() {
  const q = usePaged<HistoryRow>('/api/progress/history/?page_size=10', (r) => r.id);
  return (
    <section class="card" aria-labelledby="hist-h">
      <h2 id="hist-h" style={{ marginTop: 0 }}>
        {t('Your sessions')}
      </h2>
      {q.loading && <Loading />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {!q.loading && q.error == null && q.items.length === 0 && <p>{t('No sessions logged yet.')}</p>}
      {q.items.length > 0 && (
        <ul class="plain history">
          {q.items.map((r, i) => (
            <li key={r.id} id={`history-${i}`} tabIndex={-1}>
              <strong>{formatDateTime(r.completed_at)}</strong> {t('· pain {pain_before} → {pain_after} · {0}', { pain_before: r.before, pain_after: r.after, 0: DIFFICULTY[r.difficulty] ?? r.difficulty })}
            </li>
          ))}
        </ul>
      )}
      {!q.loading && <ShowMore pager={q} noun="session" focusId={(i) => `history-${i}`} />}
    </section>
  );
}

type Answer = number | string | null;

function Questionnaire({ measure, schedule, activities, onDone }: { measure: Measure; schedule?: number; activities?: string[]; onDone: (r: OutcomeResult) => void }) {
  // PSFS: the patient names the activities the first time; later the same ones are rated.
  const psfs = measure.code === 'psfs';
  const fixed = psfs && activities && activities.length > 0 ? activities : null;
  const allItems = [...measure.items].sort((a, b) => a.index - b.index);
  const items = fixed ? allItems.slice(0, fixed.length) : allItems;
  const [answers, setAnswers] = useState<Answer[]>(() => items.map(() => null));
  const [names, setNames] = useState<string[]>(() => items.map(() => ''));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const setAt = (i: number, v: Answer) => setAnswers(answers.map((a, j) => (j === i ? v : a)));
  // PSFS baseline: the first three activities are needed, the fourth and fifth optional.
  const count = psfs && !fixed ? Math.max(3, names.filter((n, i) => i < 3 || n.trim()).length) : items.length;
  const complete = answers.slice(0, count).every((a) => a !== null) && (!psfs || fixed != null || names.slice(0, count).every((n) => n.trim()));

  async function submit(e: Event) {
    e.preventDefault();
    if (!complete) {
      setError(t('Please answer every question.'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      const body: Record<string, unknown> = { measure: measure.code, answers: answers.slice(0, count), ...(schedule != null ? { schedule } : {}) };
      if (psfs) body.activities = fixed ?? names.slice(0, count).map((n) => n.trim());
      const r = await api.post<OutcomeResult>('/api/outcomes/responses/', body);
      onDone(r);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("Couldn't send your answers. Please check your connection and try again."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} class="card">
      <h2 style={{ marginTop: 0 }}>{measure.name}</h2>
      {items.map((it, i) => {
        const name = `q-${measure.code}-${it.index}`;
        if (psfs && it.kind === 'scale') {
          const legend = fixed ? t('{0}: how well can you do it today?', { 0: fixed[i] }) : it.text;
          return (
            <div key={it.index}>
              {!fixed && (
                <div class="field">
                  <label for={`${name}-name`}>
                    {t('Activity {0}', { 0: i + 1 })} {i >= 3 && <span class="hint">{t('Optional.')}</span>}
                  </label>
                  <input type="text" id={`${name}-name`} maxLength={80} value={names[i]} onInput={(e) => setNames(names.map((n, j) => (j === i ? e.currentTarget.value : n)))} />
                </div>
              )}
              <ScaleTiles name={name} legend={legend} min={it.min ?? 0} max={it.max ?? 10} value={answers[i] as number | null} onChange={(v) => setAt(i, v)} />
            </div>
          );
        }
        if (it.kind === 'scale') {
          // Same layout and end labels as the session's pain scale.
          const pain = measure.code === 'nprs';
          return (
            <ScaleTiles
              key={it.index}
              name={name}
              legend={it.text}
              min={it.min ?? 0}
              max={it.max ?? 10}
              value={answers[i] as number | null}
              onChange={(v) => setAt(i, v)}
              lowLabel={pain ? t('No pain') : it.low_label}
              highLabel={pain ? t('Worst') : it.high_label}
            />
          );
        }
        const options = it.kind === 'yes_no' ? [{ value: 1, label: t('Yes') }, { value: 0, label: t('No') }] : (it.choices ?? []);
        return (
          <fieldset key={it.index}>
            <legend>{it.text}</legend>
            {options.map((o) => (
              <label class="check" key={String(o.value)}>
                <input type="radio" name={name} checked={answers[i] === o.value} onChange={() => setAt(i, o.value)} />
                {o.label}
              </label>
            ))}
          </fieldset>
        );
      })}
      <FormError message={error} />
      <button class="btn primary block" type="submit" disabled={busy}>
        {busy ? t('Sending…') : t('Send answers')}
      </button>
    </form>
  );
}

export function Outcomes() {
  const q = useAsync(async () => {
    const [measures, due] = await Promise.all([api.get<Measure[]>('/api/outcomes/measures/'), api.get<OutcomeDue[]>('/api/outcomes/due/')]);
    return { measures, due };
  }, []);
  const [open, setOpen] = useState<{ measure: Measure; schedule?: number; activities?: string[] } | null>(null);
  const [result, setResult] = useState<OutcomeResult | null>(null);

  if (q.loading && !q.data) return <Page title={t('Questionnaires')}><Loading /></Page>;
  if (q.error && !q.data) return <Page title={t('Questionnaires')}><ErrorNote error={q.error} retry={q.reload} /></Page>;
  const { measures, due } = q.data!;
  const byCode = (code: string) => measures.find((m) => m.code === code || String((m as { id?: unknown }).id) === String(code));

  if (open) {
    return (
      <Page title={open.measure.name}>
        <Questionnaire
          measure={open.measure}
          schedule={open.schedule}
          activities={open.activities}
          onDone={(r) => {
            setResult(r);
            setOpen(null);
            q.reload();
          }}
        />
        <button class="btn ghost" type="button" onClick={() => setOpen(null)}>
          {t('Back')}
        </button>
      </Page>
    );
  }

  return (
    <Page title={t('Questionnaires')} lead={<p class="muted">{t("Short questions your physiotherapist uses to see how you're doing.")}</p>}>
      {result && (
        <div class="banner" role="status">
          <p>{t('Thank you, your answers were sent. Score: {score}.', { score: result.score })}</p>
          {result.change && <p>{t('Change since last time:')} {result.change.delta > 0 ? '+' : ''}{result.change.delta}.</p>}
        </div>
      )}
      <h2>{t('Due now')}</h2>
      {due.length === 0 ? (
        <p>{t('Nothing is due. Thank you!')}</p>
      ) : (
        <ul class="plain">
          {due.map((d) => {
            const m = byCode(d.measure);
            return (
              <li key={d.schedule} class="spread">
                <span>
                  <strong>{m?.name ?? d.measure}</strong>
                  <br />
                  <span class="small muted">{t('Due {0}', { 0: formatDate(d.due_date) })}</span>
                </span>
                {m && (
                  <button class="btn primary" type="button" onClick={() => setOpen({ measure: m, schedule: d.schedule, activities: d.activities })}>
                    {t('Answer')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
