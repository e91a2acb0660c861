import { useState } from 'preact/hooks';
import type { Assignment, CalendarFeed, Page as PageOf } from '../../types';
import { results } from '../../lib/api';
import { api } from '../../lib/client';
import { ErrorNote, Field, Loading, useAsync } from '../../components/ui';
import { t } from '../../lib/i18n';

/** One plan's private calendar link: make, copy, replace, turn off. */
function CalendarFeedFor({ a, single }: { a: Assignment; single: boolean }) {
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const id = `cal-${a.id}`;

  async function create() {
    if (feed && !window.confirm(t('Make a new link? The current link will stop working, so calendars using it stop updating.'))) return;
    setBusy(true);
    setMsg('');
    try {
      setFeed(await api.post<CalendarFeed>(`/api/assignments/${a.id}/calendar/`));
      setMsg(feed ? t('Here is your new link. The old one no longer works.') : t('Your calendar link is ready.'));
    } catch (e) {
      setMsg(e instanceof Error ? t("Couldn't make a link: {message}", { message: e.message }) : t("Couldn't make a link. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    setBusy(true);
    setMsg('');
    try {
      await api.del(`/api/assignments/${a.id}/calendar/`);
      setFeed(null);
      setMsg(t('The calendar link is turned off. Calendars that used it will stop updating.'));
    } catch (e) {
      setMsg(e instanceof Error ? t("Couldn't turn it off: {message}", { message: e.message }) : t("Couldn't turn it off. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!feed) return;
    try {
      await navigator.clipboard.writeText(feed.url);
      setMsg(t('Link copied.'));
    } catch {
      setMsg(t('Copying is not available here. Select the link and copy it.'));
    }
  }

  return (
    <div class={single ? '' : 'card'} style={single ? undefined : { background: 'var(--surface-2)' }}>
      {!single && <h3 style={{ marginTop: 0 }}>{a.program.name}</h3>}
      {feed ? (
        <>
          <Field id={id} label={t('Your private calendar link')}>
            <input id={id} type="text" readOnly value={feed.url} onFocus={(e) => e.currentTarget.select()} />
          </Field>
          <div class="row">
            <a class="btn primary" href={feed.webcal_url}>
              {t('Add to my calendar')}
            </a>
            <button class="btn" type="button" onClick={() => void copy()}>
              {t('Copy link')}
            </button>
          </div>
          <div class="row" style={{ marginTop: '.5rem' }}>
            <button class="btn" type="button" disabled={busy} onClick={() => void create()}>
              {t('Make a new link')}
            </button>
            <button class="btn danger" type="button" disabled={busy} onClick={() => void revoke()}>
              {t('Turn off link')}
            </button>
          </div>
        </>
      ) : (
        <>
          <button class="btn primary" type="button" disabled={busy} onClick={() => void create()}>
            {busy ? t('Making your link…') : t('Get calendar link')}
          </button>
          <p class="small" style={{ marginTop: '.5rem' }}>
            {t('Made a link before and want it to stop working?')}
            <button class="linkbtn" type="button" disabled={busy} onClick={() => void revoke()}>
              {t('Turn off calendar link')}
            </button>
          </p>
        </>
      )}
      <p role="status" aria-live="polite" class="small">
        {msg}
      </p>
    </div>
  );
}

/** The calendar feed form: a link for each plan that has not ended. */
export function CalendarSettings() {
  const q = useAsync(() => api.get<PageOf<Assignment>>('/api/assignments/?page_size=50'), []);
  if (q.loading && !q.data) return <Loading />;
  if (q.error && !q.data) return <ErrorNote error={q.error} retry={q.reload} />;
  const list = results(q.data).filter((a) => a.status !== 'ended');
  return (
    <>
      <p>
        {t('Add your exercise sessions to the calendar on your phone or computer (Apple, Google or Outlook). They update by themselves when your plan changes.')}
      </p>
      <p class="small muted">
        {t("The link is private: anyone who has it can see your exercise times, so please don't share it. You can turn it off at any time, and making a new link turns off the old one.")}
      </p>
      {list.length === 0 ? <p>{t("You don't have an exercise plan yet.")}</p> : list.map((a) => <CalendarFeedFor key={a.id} a={a} single={list.length === 1} />)}
    </>
  );
}

