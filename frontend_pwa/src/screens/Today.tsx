import { useEffect, useRef, useState } from 'preact/hooks';
import type { NudgeSummary, OutcomeDue, PainAlertToday, Today as TodayData } from '../types';
import { api, flushOutbox, getWithFallback, outbox, sync } from '../lib/client';
import { qs } from '../lib/api';
import { summaryView } from '../lib/nudges';
import type { OutboxEntry } from '../lib/outbox';
import { useStore } from '../lib/store';
import { SafetyNotices } from './Safety';
import { dismissInstall, install, installOffer } from '../lib/install';
import { doseText, ErrorNote, formatDate, formatDateTime, Link, Loading, Page, useAsync } from '../components/ui';
import { ProgramNotes } from '../components/ProgramNotes';
import { formatDate as formatLocal, t } from '../lib/i18n';
import { BreaksCard } from '../breaks/Busy';

export function loadToday() {
  return getWithFallback<TodayData>('/api/today/', 'upright.today');
}

function OutboxPanel() {
  const s = useStore(sync);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void outbox.all().then((l) => live && setEntries(l)).catch(() => undefined);
    load();
    const off = outbox.subscribe(load);
    return () => {
      live = false;
      off();
    };
  }, [s.pending, s.attention]);
  // Sessions only: breaks and messages saved offline are named in the status line.
  const waiting = entries.filter((e) => e.state === 'pending' && e.url === '/api/sessions/');
  const attention = entries.filter((e) => e.state === 'attention');
  if (!waiting.length && !attention.length) return null;
  return (
    <section class="card" aria-labelledby="outbox-h">
      <h2 id="outbox-h" style={{ marginTop: 0 }}>
        {t('Saved on this phone')}
      </h2>
      {waiting.length > 0 && (
        <>
          <p>
            {t("{count, plural, one {# session will be sent to your physiotherapist when you're online.} other {# sessions will be sent to your physiotherapist when you're online.}}", { count: waiting.length })}
          </p>
          <button class="btn" type="button" disabled={s.syncing || !s.online} onClick={() => void flushOutbox(true)}>
            {s.syncing ? t('Sending…') : t('Send now')}
          </button>
        </>
      )}
      {attention.length > 0 && (
        <div class="banner warn" style={{ marginTop: '1rem' }}>
          <p>
            <strong>{t('Needs attention:')}</strong> {t('{count, plural, one {the server already has a different record for this session, so it was not sent again. Your physiotherapist can check your log.} other {the server already has a different record for these sessions, so they were not sent again. Your physiotherapist can check your log.}}', { count: attention.length })}
          </p>
          <ul class="plain">
            {attention.map((e) => {
              const b = e.body as { completed_at?: string; pain_before?: number; pain_after?: number };
              return (
                <li key={e.id} class="spread">
                  <span>
                    {t('{0} · pain {pain_before} → {pain_after}', { 0: formatDateTime(b.completed_at), pain_before: b.pain_before, pain_after: b.pain_after })}
                    <br />
                    <span class="small muted">{e.lastError}</span>
                  </span>
                  <button class="btn danger" type="button" onClick={() => void outbox.remove(e.id)}>
                    {t('Remove from phone')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Today's movement breaks (from the sitting reminders). Quietly absent when it can't load. */
function MovementSummary({ date }: { date: string }) {
  const q = useAsync(() => api.get<NudgeSummary>(`/api/nudges/summary/${qs({ date })}`), [date]);
  if (!q.data) return null;
  const v = summaryView(q.data);
  return (
    <section class="card" aria-labelledby="moves-h">
      <h2 id="moves-h" style={{ marginTop: 0 }}>
        {t('Movement breaks')}
      </h2>
      <p>{v.headline}</p>
      {v.details.length > 0 && (
        <ul class="small">
          {v.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {v.empty && (
        <p class="small">
          <Link href="/settings">{t('Set up reminders to stand up and move')}</Link>
        </p>
      )}
    </section>
  );
}

/** After a pain spike: the advice for the rest of the day, who was told, how to reach the clinic. */
function PainAlertPanel({ alert }: { alert: PainAlertToday }) {
  const c = alert.clinic;
  return (
    <section class="safety" aria-labelledby="spike-h">
      <h2 id="spike-h" style={{ marginTop: 0 }}>
        {t('Please rest your back today')}
      </h2>
      {alert.advice && <p>{alert.advice}</p>}
      <p>
        <strong>{alert.physio_told ? t('Your physiotherapist has been told') : t('Your clinic can see this session')}</strong>{' '}
        {t('about the pain you logged at {time}.', { time: formatLocal(alert.completed_at, { hour: '2-digit', minute: '2-digit' }) })}
      </p>
      {c && (c.phone || c.email || c.hours) ? (
        <>
          <h3 style={{ marginBottom: 0 }}>{t('Contact {name}', { name: c.name })}</h3>
          <ul class="contact">
            {c.phone && (
              <li>
                <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{t('Call {phone}', { phone: c.phone })}</a>
              </li>
            )}
            {c.email && (
              <li>
                <a href={`mailto:${c.email}`}>{t('E-mail {email}', { email: c.email })}</a>
              </li>
            )}
            {c.hours && <li>{t('Open: {hours}', { hours: c.hours })}</li>}
          </ul>
        </>
      ) : (
        c && <p>{t("Contact {name} if the pain doesn't settle.", { name: c.name })}</p>
      )}
    </section>
  );
}

/** Questionnaires the physiotherapist scheduled that are due now. Quietly absent offline. */
function DueQuestionnaires() {
  const q = useAsync(() => api.get<OutcomeDue[]>('/api/outcomes/due/'), []);
  const due = Array.isArray(q.data) ? q.data : [];
  if (due.length === 0) return null;
  return (
    <section class="card" aria-labelledby="due-q-h">
      <h2 id="due-q-h" style={{ marginTop: 0 }}>
        {due.length === 1 ? t('A questionnaire is ready') : t('{length} questionnaires are ready', { length: due.length })}
      </h2>
      <p>{t('Your physiotherapist asked you to answer a few short questions. It takes a few minutes.')}</p>
      <Link class="btn primary block" href="/outcomes">
        {t('Answer')} {due.length === 1 ? t('it') : t('them')} {t('now')}
      </Link>
    </section>
  );
}

function InstallCard() {
  const offer = useStore(installOffer);
  if (!offer) return null;
  return (
    <section class="card" aria-labelledby="install-h">
      <h2 id="install-h" style={{ marginTop: 0 }}>
        {t('Install Upright')}
      </h2>
      {offer.kind === 'prompt' ? (
        <>
          <p>{t('Put Upright on your home screen: it opens in one tap and works offline.')}</p>
          <div class="row">
            <button class="btn primary" type="button" onClick={() => void install()}>
              {t('Install')}
            </button>
            <button class="btn ghost" type="button" onClick={dismissInstall}>
              {t('Not now')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('On iPhone and iPad, add Upright to your Home Screen so it opens in one tap and can send you reminders:')}</p>
          <ol>
            <li>
              {t('Tap the')} <strong>{t('Share')}</strong> {t('button (the square with an arrow) in Safari.')}
            </li>
            <li>
              {t('Choose')} <strong>{t('Add to Home Screen')}</strong>{t(', then')} <strong>{t('Add')}</strong>.
            </li>
            <li>{t('Open Upright from your Home Screen.')}</li>
          </ol>
          <button class="btn ghost" type="button" onClick={dismissInstall}>
            {t('Not now')}
          </button>
        </>
      )}
    </section>
  );
}

export function Today() {
  const q = useAsync(loadToday, []);
  const s = useStore(sync);
  // Reload when sessions were sent, so "done" shows up. The count can drop while a flush is
  // still running (or the service worker sent them): reload once it has settled.
  const lastPending = useRef(s.pending);
  useEffect(() => {
    if (s.syncing) return;
    const sent = s.pending < lastPending.current;
    lastPending.current = s.pending;
    if (sent && q.data) q.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.pending, s.syncing]);

  if (q.loading && !q.data) return <Page title={t('Today')}><Loading /></Page>;
  if (q.error && !q.data) return <Page title={t('Today')}><ErrorNote error={q.error} retry={q.reload} /></Page>;
  const { data: today, stale } = q.data!;
  const progress = today.progress;
  const due = today.assignments.filter((a) => a.due);
  const other = today.assignments.filter((a) => !a.due);
  const spike = today.pain_alert ?? null;
  if (today.assignments.length === 0) {
    return (
      <Page title={t('Today')} lead={<p class="muted">{formatDate(today.date)}</p>}>
        {stale && <p class="banner warn">{t("You're offline. This is the plan saved on your phone.")}</p>}
        <section class="card" aria-labelledby="first-h">
          <h2 id="first-h" style={{ marginTop: 0 }}>
            {t('Your physiotherapist is preparing your plan')}
          </h2>
          <p>{t("Your exercises will appear here as soon as they are ready. You don't need to do anything now.")}</p>
          <p>{t('Until then, gentle movement helps: get up and walk for a few minutes every half hour or so.')}</p>
        </section>
        {!stale && <DueQuestionnaires />}
        <InstallCard />
        <nav aria-labelledby="more-h">
          <h2 id="more-h">{t('While you wait')}</h2>
          <ul class="plain links">
            <li>
              <Link href="/tips">{t('Tips for your back')}</Link>
            </li>
            <li>
              <Link href="/settings">{t('Set up reminders to stand up and move')}</Link>
            </li>
          </ul>
        </nav>
      </Page>
    );
  }
  return (
    <Page title={t('Today')} lead={<p class="muted">{formatDate(today.date)}</p>}>
      {stale && <p class="banner warn">{t("You're offline. This is the plan saved on your phone.")}</p>}
      <SafetyNotices today={today} />
      {progress && (
        <section class="card" aria-label={t('Your streak')}>
          <div class="spread">
            <p style={{ margin: 0 }}>
              <strong style={{ fontSize: '1.5rem' }}>{progress.streak}</strong> {t('{streak, plural, one {day in a row} other {days in a row}}', { streak: progress.streak })}
            </p>
            {progress.adherence_7d != null && <p style={{ margin: 0 }} class="muted">{t('{0}% this week', { 0: Math.round(progress.adherence_7d * 100) })}</p>}
          </div>
        </section>
      )}
      {spike && <PainAlertPanel alert={spike} />}
      <OutboxPanel />
      {due.length === 0 && (
        <div class="card">
          <p>{t('Nothing is planned for today. A short walk or a change of position still helps your back.')}</p>
        </div>
      )}
      {due.map((a) => {
        const pendingHere = s.pending > 0 && a.sessions_today.length === 0 && !a.done;
        return (
          <section class="card" key={a.id} aria-labelledby={`a${a.id}`}>
            <div class="spread">
              <h2 id={`a${a.id}`} style={{ margin: 0 }}>
                {a.program_name}
              </h2>
              {a.done ? (
                <span class="status done">{t('✓ Done today')}</span>
              ) : (
                <span class="status todo">{t('Not done yet')}</span>
              )}
            </div>
            {a.preferred_time && <p class="muted small">{t('Planned for {preferred_time}', { preferred_time: a.preferred_time })}</p>}
            <ProgramNotes assignment={a} />
            <ul class="plain">
              {a.items.map((it) => (
                <li key={it.id}>
                  <strong>{it.exercise.name}</strong>
                  <br />
                  <span class="small muted">{doseText(it)}</span>
                </li>
              ))}
            </ul>
            {pendingHere && <p class="small muted">{t('A session you logged offline may be waiting to send.')}</p>}
            {spike ? (
              <p class="small muted">{t('Rest from these exercises for today, as advised above.')}</p>
            ) : (
              <Link class={`btn block big ${a.done ? '' : 'primary'}`} href={`/session/${a.id}`} style={{ marginTop: '.75rem' }}>
                {a.done ? t('Do it again') : t('Start session')}
              </Link>
            )}
          </section>
        );
      })}
      {/* Below the plan: it loads separately and must not push the plan down as it appears. */}
      {!stale && <DueQuestionnaires />}
      {other.length > 0 && !spike && (
        <section aria-labelledby="other-h">
          <h2 id="other-h">{t('Not planned today')}</h2>
          {other.map((a) => (
            <div class="card spread" key={a.id}>
              <span>{a.program_name}</span>
              <Link class="btn" href={`/session/${a.id}`}>
                {t('Do it anyway')}
              </Link>
            </div>
          ))}
        </section>
      )}
      {!stale && <MovementSummary date={today.date} />}
      {!stale && <BreaksCard timeZone={today.timezone} />}
      <InstallCard />
      <nav aria-labelledby="more-h">
        <h2 id="more-h">{t('More for you')}</h2>
        <ul class="plain links">
          <li>
            <Link href="/tips">{t('Tips for your back')}</Link>
            <span class="small muted" style={{ display: 'block' }}>
              {t('Sitting, lifting, sleep and more')}
            </span>
          </li>
          <li>
            <Link href="/outcomes">{t('Questionnaires from your physiotherapist')}</Link>
          </li>
        </ul>
      </nav>
    </Page>
  );
}
