// Safety screens: the red-flag check before the first session, the stop screen after a
// "yes", the "When to get help" page, and the server's advice for sessions sent later.
// All wording comes from the server's safety document (exercises/content/safety.yaml).
import { useState } from 'preact/hooks';
import type { RedFlag, SafetyDoc, ScreeningState, Today as TodayData } from '../types';
import { api, getWithFallback, isOffline } from '../lib/client';
import { dismissAdvice, unseenAdvice } from '../lib/safety';
import { useStore } from '../lib/store';
import { ErrorNote, Link, Loading, Page, useAsync } from '../components/ui';
import { t } from '../lib/i18n';

interface ScreeningResult {
  stop: boolean;
  advice: { code: string; label: string; action: 'urgent' | 'today'; advice: string }[];
}

async function loadSafetyDoc(): Promise<SafetyDoc> {
  try {
    return (await getWithFallback<SafetyDoc>('/api/safety/', 'upright.safety')).data;
  } catch (e) {
    const today = localStorage.getItem('upright.today');
    const doc = today ? (JSON.parse(today) as TodayData).safety : undefined;
    if (doc) return doc;
    throw e;
  }
}

function FlagList({ flags, action }: { flags: RedFlag[]; action: 'urgent' | 'today' }) {
  const list = flags.filter((f) => f.action === action);
  if (!list.length) return null;
  return (
    <section class={action === 'urgent' ? 'safety' : 'banner warn'} aria-labelledby={`help-${action}`}>
      <h2 id={`help-${action}`} style={{ marginTop: 0 }}>
        {list[0].advice}
      </h2>
      <p>{t('If you notice any of these:')}</p>
      <ul>
        {list.map((f) => (
          <li key={f.code}>{f.label}</li>
        ))}
      </ul>
    </section>
  );
}

/** "When to get help": the warning signs and who to contact, one tap from every screen. */
export function HelpPage() {
  const q = useAsync(loadSafetyDoc, []);
  if (q.loading && !q.data) return <Page title={t('When to get help')}><Loading /></Page>;
  if (!q.data) return <Page title={t('When to get help')}><ErrorNote error={q.error} retry={q.reload} /></Page>;
  const doc = q.data;
  return (
    <Page title={t('When to get help')}>
      <p>{t('Upright supports the plan your clinician made. It cannot tell what is causing your symptoms.')}</p>
      <FlagList flags={doc.red_flags} action="urgent" />
      <FlagList flags={doc.red_flags} action="today" />
      <section class="banner" aria-labelledby="help-pain">
        <h2 id="help-pain" style={{ marginTop: 0 }}>
          {t('If exercise makes your pain worse')}
        </h2>
        <p>{doc.advice.exercise_worse ?? doc.advice.pain_increase}</p>
      </section>
      <Link class="btn" href="/today">
        {t('Back to Today')}
      </Link>
    </Page>
  );
}

/** Shown instead of the session while the last safety check had a "yes". */
export function ScreeningStop({ advice }: { advice: ScreeningResult['advice'] }) {
  const urgent = advice.filter((a) => a.action === 'urgent');
  const today = advice.filter((a) => a.action === 'today');
  return (
    <Page title={t("Please don't start your exercises")}>
      {[urgent, today].map((group) =>
        group.length ? (
          <section class="safety" role="alert" key={group[0].action}>
            <h2>{group[0].advice}</h2>
            <p>{t('You told us about:')}</p>
            <ul>
              {group.map((a) => (
                <li key={a.code}>{a.label}</li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      <p>{t('Your physiotherapist has been told. They will ask you to answer the safety check again when it is safe to carry on.')}</p>
      <p>
        <Link href="/help">{t('When to get help')}</Link>
      </p>
    </Page>
  );
}

/** The short red-flag check, answered before the first session (and when the physio asks). */
export function ScreeningForm({ doc, onDone }: { doc: SafetyDoc; onDone: () => void }) {
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [result, setResult] = useState<ScreeningResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const complete = doc.red_flags.every((f) => answers[f.code] !== undefined);

  async function send(e: Event) {
    e.preventDefault();
    if (!complete) return;
    setSaving(true);
    setError(null);
    try {
      setResult(await api.post<ScreeningResult>('/api/screening/', { answers }));
    } catch (err) {
      // Offline: a "yes" still stops the flow here, with the advice from the cached document.
      const yes = doc.red_flags.filter((f) => answers[f.code]);
      if (isOffline(err) && yes.length) setResult({ stop: true, advice: yes.map((f) => ({ code: f.code, label: f.label, action: f.action, advice: f.advice })) });
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  if (result?.stop) return <ScreeningStop advice={result.advice} />;
  if (result) {
    return (
      <Page title={t('Thank you')}>
        <p>{t('None of the warning signs apply to you today. You can start your exercises.')}</p>
        <p class="small">
          {t('If any of them appear later, see')} <Link href="/help">{t('When to get help')}</Link>.
        </p>
        <button class="btn primary block big" type="button" onClick={onDone}>
          {t('Continue')}
        </button>
      </Page>
    );
  }
  return (
    <Page title={t('A quick safety check')}>
      <p>{t('Before you exercise, please answer these questions. They take about a minute.')}</p>
      <form onSubmit={send}>
        {doc.red_flags.map((f) => (
          <fieldset class="field" key={f.code}>
            <legend>{f.question}</legend>
            <div class="row">
              {[true, false].map((v) => (
                <label class="btn" key={String(v)}>
                  <input type="radio" name={`rf-${f.code}`} value={v ? 'yes' : 'no'} checked={answers[f.code] === v} onChange={() => setAnswers({ ...answers, [f.code]: v })} />{' '}
                  {v ? t('Yes') : t('No')}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {error != null && <ErrorNote error={error} />}
        <button class="btn primary block big" type="submit" disabled={!complete || saving}>
          {saving ? t('Sending…') : t('Send my answers')}
        </button>
      </form>
    </Page>
  );
}

/** Gate before the session player: the check when due, the stop screen after a "yes". */
export function screeningGate(today: TodayData, reload: () => void) {
  const state: ScreeningState | undefined = today.screening;
  const doc = today.safety;
  if (!state || !doc) return null;
  if (state.due) return <ScreeningForm doc={doc} onDone={reload} />;
  if (state.blocked) {
    const advice = doc.red_flags.filter((f) => state.flagged.includes(f.code)).map((f) => ({ code: f.code, label: f.label, action: f.action, advice: f.advice }));
    return <ScreeningStop advice={advice} />;
  }
  return null;
}

/** On Today: the check still to answer, and advice for sessions that were sent later. */
export function SafetyNotices({ today }: { today: TodayData }) {
  const unseen = useStore(unseenAdvice);
  return (
    <>
      {unseen.map((u) => (
        <section class="safety" role="alert" key={u.id}>
          <h2>{t('About a session sent from this phone')}</h2>
          <p>
            {t('Pain {pain_before} before, {pain_after} after. {advice}', { pain_before: u.pain_before, pain_after: u.pain_after, advice: u.advice })}
          </p>
          <button class="btn" type="button" onClick={() => dismissAdvice(u.id)}>
            {t("I've read this")}
          </button>
        </section>
      ))}
      {today.screening?.due && (
        <p class="banner warn">
          {t("Before your next session we'll ask a few quick safety questions.")}
        </p>
      )}
    </>
  );
}
