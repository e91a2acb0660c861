// Pure helpers for threads: ids, limits, and showing queued messages beside sent ones.
import type { OutboxEntry } from '../lib/db';
import type { ThreadMessage } from './types';
import { t } from '../lib/i18n';

export const MESSAGE_URL = '/api/messages/';
export const MAX_CHARS = 2000;

export function newMessageId(c: Crypto = globalThis.crypto): string {
  const r = c as Crypto & { randomUUID?: () => string };
  if (typeof r.randomUUID === 'function') return r.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** An error to show for a draft, or null when it may be sent. */
export function draftError(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return t('Write a message first.');
  if (trimmed.length > MAX_CHARS) return t('That is {length} characters; the limit is {MAX_CHARS}.', { length: trimmed.length, MAX_CHARS });
  return null;
}

export interface QueuedMessage {
  id: string;
  body: string;
  createdAt: number;
  attention: boolean;
}

/** Messages still in the outbox (not on the server yet), newest first. */
export function queuedMessages(entries: OutboxEntry[], sentIds: Set<string>): QueuedMessage[] {
  return entries
    .filter((e) => e.url === MESSAGE_URL && !sentIds.has(e.id))
    .map((e) => ({
      id: e.id,
      body: String((e.body as { body?: unknown } | null)?.body ?? ''),
      createdAt: e.createdAt,
      attention: e.state === 'attention',
    }))
    .sort((a, b) => b.createdAt - a.createdAt);
}

export function senderLabel(m: ThreadMessage): string {
  if (m.mine) return 'You';
  return m.sender?.full_name || (m.from_patient ? 'Patient' : t('Your physiotherapist'));
}
