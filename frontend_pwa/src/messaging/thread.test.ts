import { describe, expect, it } from 'vitest';
import { draftError, MAX_CHARS, MESSAGE_URL, newMessageId, queuedMessages, senderLabel } from './thread';
import type { OutboxEntry } from '../lib/db';
import type { ThreadMessage } from './types';

const entry = (id: string, url: string, body: unknown, createdAt: number, state: OutboxEntry['state'] = 'pending'): OutboxEntry => ({
  id,
  url,
  body,
  createdAt,
  attempts: 0,
  nextAttemptAt: 0,
  state,
});

describe('thread helpers', () => {
  it('makes RFC 4122 v4 ids', () => {
    expect(newMessageId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newMessageId()).not.toBe(newMessageId());
  });

  it('refuses empty and over-long drafts', () => {
    expect(draftError('   ')).toMatch(/Write/);
    expect(draftError('x'.repeat(MAX_CHARS))).toBeNull();
    expect(draftError('x'.repeat(MAX_CHARS + 1))).toMatch(/limit/);
  });

  it('shows only queued messages not yet sent, newest first', () => {
    const list = [
      entry('a', MESSAGE_URL, { body: 'first' }, 1),
      entry('s', '/api/sessions/', { id: 's' }, 2),
      entry('b', MESSAGE_URL, { body: 'second' }, 3, 'attention'),
      entry('c', MESSAGE_URL, { body: 'sent' }, 4),
    ];
    expect(queuedMessages(list, new Set(['c']))).toEqual([
      { id: 'b', body: 'second', createdAt: 3, attention: true },
      { id: 'a', body: 'first', createdAt: 1, attention: false },
    ]);
  });

  it('labels the sender', () => {
    const m = { mine: false, from_patient: false, sender: { id: 1, full_name: 'Phil', role: 'physio' } } as ThreadMessage;
    expect(senderLabel(m)).toBe('Phil');
    expect(senderLabel({ ...m, mine: true })).toBe('You');
    expect(senderLabel({ ...m, sender: null })).toBe('Your physiotherapist');
  });
});
