// A patient's thread with their physiotherapists: read, write, and (patients) queue offline.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, flushOutbox, outbox, requestBackgroundSync, sentResults } from '../lib/client';
import { messageFrom, qs } from '../lib/api';
import { ShowMore, usePaged } from '../components/Paged';
import { ErrorNote, formatDateTime, Loading, FormError } from '../components/ui';
import { draftError, MAX_CHARS, MESSAGE_URL, newMessageId, queuedMessages, senderLabel, type QueuedMessage } from './thread';
import type { ThreadMessage } from './types';
import { t } from '../lib/i18n';

export function Thread({ patientId, role }: { patientId?: number; role: string }) {
  const isPatient = role === 'patient';
  const canPost = isPatient || role === 'physio';
  const q = usePaged<ThreadMessage>(MESSAGE_URL + qs({ patient: isPatient ? undefined : patientId }), (m) => m.id);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState<QueuedMessage[]>([]);
  const [noReply, setNoReply] = useState<Record<string, boolean>>({});
  const queuedCount = useRef(0);

  // A patient's messages wait in the outbox until the server has them.
  useEffect(() => {
    if (!isPatient) return;
    let live = true;
    const load = () =>
      void outbox
        .all()
        .then((list) => {
          if (!live) return;
          const waiting = queuedMessages(list, new Set(sentResults.keys()));
          if (waiting.length < queuedCount.current) q.reload();
          queuedCount.current = waiting.length;
          setQueued(waiting);
        })
        .catch(() => undefined);
    load();
    const off = outbox.subscribe(load);
    return () => {
      live = false;
      off();
    };
  }, [isPatient]);

  // Opening the thread reads it.
  useEffect(() => {
    if (q.loading || !q.items.some((m) => !m.read)) return;
    void api.post('/api/messages/read/', isPatient ? {} : { patient: patientId }).catch(() => undefined);
  }, [q.loading, q.items]);

  async function send(e: Event) {
    e.preventDefault();
    const problem = draftError(text);
    if (problem) {
      setError(problem);
      return;
    }
    setError('');
    setBusy(true);
    const id = newMessageId();
    const body: Record<string, unknown> = { id, body: text.trim() };
    if (!isPatient && patientId) body.patient = patientId;
    try {
      if (isPatient) {
        await outbox.enqueue(id, MESSAGE_URL, body);
        setText('');
        if (navigator.onLine) await flushOutbox(true).catch(() => undefined);
        if (sentResults.has(id)) {
          setStatus(t('Message sent.'));
          q.reload();
        } else {
          void requestBackgroundSync();
          setStatus(t('Saved on your phone. It will be sent when you are back online.'));
        }
      } else {
        await api.post(MESSAGE_URL, body);
        setText('');
        setStatus(t('Message sent.'));
        q.reload();
      }
    } catch (err) {
      setError(messageFrom((err as { body?: unknown }).body) ?? t("Couldn't send that. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  async function markNoReply(m: ThreadMessage) {
    try {
      await api.post(`/api/messages/${m.id}/no-reply/`);
      setNoReply({ ...noReply, [m.id]: true });
      setStatus(t('Marked as needing no reply.'));
    } catch {
      setStatus(t("Couldn't mark that. Please try again."));
    }
  }

  const left = MAX_CHARS - text.trim().length;
  return (
    <div class="thread">
      {canPost && (
        <form onSubmit={send} class="card" aria-label={t('Write a message')}>
          <div class="field" style={{ margin: 0 }}>
            <label for="msg-body">{isPatient ? t('Message to your physiotherapist') : t('Message to the patient')}</label>
            <span class="hint" id="msg-body-hint">
              {t('Text only.')} {isPatient ? t('For urgent problems call your clinic or emergency services.') : t('The patient sees this in the app.')}
            </span>
            <textarea
              id="msg-body"
              rows={3}
              value={text}
              maxLength={MAX_CHARS + 200}
              aria-describedby={error ? 'msg-body-hint msg-body-error' : 'msg-body-hint'}
              aria-invalid={error ? true : undefined}
              onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            />
            <FormError id="msg-body-error" message={error} announce={false} />
          </div>
          <div class="spread" style={{ marginTop: '.5rem' }}>
            <span class={left < 0 ? 'small error-text' : 'small muted'}>{t('{left} characters left', { left })}</span>
            <button class="btn primary" type="submit" disabled={busy}>
              {t('Send')}
            </button>
          </div>
        </form>
      )}
      <p class="sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {status && <p class="small muted" aria-hidden="true">{status}</p>}
      {queued.map((m) => (
        <article class="card" key={m.id} data-queued="true" style={{ borderStyle: 'dashed' }}>
          <p class="small muted" style={{ margin: 0 }}>
            {t('You ·')} <span class="pill">{m.attention ? t('Needs attention') : t('Waiting to send')}</span>
          </p>
          <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '.25rem 0 0' }}>{m.body}</p>
        </article>
      ))}
      {q.loading && <Loading />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {!q.loading && q.error == null && q.items.length === 0 && queued.length === 0 && <p class="muted">{t('No messages yet.')}</p>}
      {!q.loading &&
        q.items.map((m) => (
          <article class="card message" key={m.id} data-mine={m.mine ? 'true' : 'false'} style={m.mine ? { marginLeft: '12%' } : { marginRight: '12%' }}>
            <p class="small muted" style={{ margin: 0 }}>
              <strong>{senderLabel(m)}</strong> · {formatDateTime(m.created_at)}
              {!m.read && <span class="pill" style={{ marginLeft: '.5rem' }}>{t('New')}</span>}
              {m.mine && m.seen && <span> {t('· Seen')}</span>}
            </p>
            <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '.25rem 0 0' }}>{m.body}</p>
            {role === 'physio' && m.from_patient && (
              m.no_reply_needed || noReply[m.id] ? (
                <p class="small muted" style={{ margin: '.25rem 0 0' }}>{t('No reply needed')}</p>
              ) : (
                <button class="btn ghost small" type="button" onClick={() => void markNoReply(m)}>
                  {t('Needs no reply')}
                </button>
              )
            )}
          </article>
        ))}
      {!q.loading && <ShowMore pager={q} noun="message" />}
    </div>
  );
}
