import { useState } from 'preact/hooks';
import type { InboxItem } from '../types';
import { api } from '../lib/client';
import { refreshInboxUnread } from '../lib/inbox';
import { setMeta } from '../lib/db';
import { ShowMore, usePaged } from '../components/Paged';
import { ErrorNote, formatDateTime, Link, Loading, Page } from '../components/ui';
import { t } from '../lib/i18n';

const KIND_LABEL: Record<InboxItem['kind'], string> = {
  get nudge() { return t('Time to move'); },
  reminder: 'Reminder',
  tip: 'Tip',
  alert: 'Important',
  get message() { return t('Message'); },
};

/** The break screen opens offline too: keep what this nudge asks for. */
function rememberBreak(it: InboxItem & { exercise?: string | null; dose?: unknown }): Promise<void> {
  return setMeta(`break:${it.nudge}`, { nudge: it.nudge, exercise: it.exercise ?? null, dose: it.dose ?? null });
}

export function Inbox() {
  const q = usePaged<InboxItem>('/api/inbox/', (item) => item.id);
  const [status, setStatus] = useState('');
  const [handled, setHandled] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);

  async function ack(item: InboxItem, action: 'moved' | 'snooze' | 'dismiss') {
    if (item.nudge == null) return;
    setBusy(item.id);
    try {
      await api.post(`/api/nudges/${item.nudge}/ack/`, action === 'snooze' ? { action, minutes: 15 } : { action });
      await api.post(`/api/inbox/${item.id}/read/`).catch(() => undefined);
      void refreshInboxUnread();
      const msg = action === 'moved' ? t('Nice — well done for moving.') : action === 'snooze' ? t("We'll remind you again in 15 minutes.") : 'Dismissed.';
      setHandled({ ...handled, [item.id]: msg });
      setStatus(msg);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : t("Couldn't send that. Please try again."));
    } finally {
      setBusy(null);
    }
  }

  async function markRead(item: InboxItem) {
    try {
      await api.post(`/api/inbox/${item.id}/read/`);
      setHandled({ ...handled, [item.id]: t('Marked as read.') });
      void refreshInboxUnread();
    } catch {
      setStatus(t("Couldn't mark that as read. Please try again."));
    }
  }

  return (
    <Page title={t('Inbox')}>
      <p class="sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {q.loading && <Loading />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {!q.loading && q.error == null && q.items.length === 0 && <p>{t('No messages yet.')}</p>}
      {!q.loading &&
        q.items.map((it, index) => {
          const done = handled[it.id];
          const unread = !it.read_at && !done;
          return (
            <article class="card" key={it.id} id={`inbox-row-${index}`} tabIndex={-1} aria-labelledby={`in${it.id}`}>
              <p class="small muted" style={{ margin: 0 }}>
                {KIND_LABEL[it.kind] ?? it.kind} · {formatDateTime(it.created_at)}
                {unread && <span class="pill" style={{ marginLeft: '.5rem' }}>{t('New')}</span>}
              </p>
              <h2 id={`in${it.id}`} style={{ marginTop: '.25rem' }}>
                {it.title}
              </h2>
              {it.body && <p>{it.body}</p>}
              {done ? (
                <p class="status done">{done}</p>
              ) : it.kind === 'nudge' && it.nudge != null && !it.read_at ? (
                <div class="row">
                  {(it as InboxItem & { exercise?: string | null }).exercise && (
                    <Link class="btn primary" href={`/break/${it.nudge}`} onClick={() => void rememberBreak(it)}>
                      {t('Start the break')}
                    </Link>
                  )}
                  <button class="btn primary" type="button" disabled={busy === it.id} onClick={() => void ack(it, 'moved')}>
                    {t('I moved')}
                  </button>
                  <button class="btn" type="button" disabled={busy === it.id} onClick={() => void ack(it, 'snooze')}>
                    {t('Snooze 15')}
                  </button>
                  <button class="btn ghost" type="button" disabled={busy === it.id} onClick={() => void ack(it, 'dismiss')}>
                    {t('Dismiss')}
                  </button>
                </div>
              ) : (
                <div class="row">
                  {it.url && it.url.startsWith('/') && it.url !== '/inbox' && (
                    <Link class="btn" href={it.url}>
                      {t('Open')}
                    </Link>
                  )}
                  {unread && (
                    <button class="btn ghost" type="button" onClick={() => void markRead(it)}>
                      {t('Mark as read')}
                    </button>
                  )}
                </div>
              )}
            </article>
          );
        })}
      {!q.loading && (
        <ShowMore pager={q} noun="message" focusId={(index) => `inbox-row-${index}`} />
      )}
    </Page>
  );
}
