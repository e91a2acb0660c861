// The outbox keeps logged sessions on the device until the server has them.
import { openUprightDB, DB_NAME, type OutboxEntry } from './db';
import { t } from './i18n';

export type { OutboxEntry };

/** Sends one entry. Resolves with the HTTP status; throws when the network failed. */
export type Sender = (entry: OutboxEntry) => Promise<{ status: number; data: unknown }>;

export interface FlushReport {
  sent: { id: string; status: number; data: unknown }[];
  kept: string[];
  attention: string[];
}

export interface OutboxOptions {
  dbName?: string;
  now?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Exponential backoff: base, 2×base, 4×base … capped. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  const n = Math.max(0, attempts - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(n, 20));
}

export class Outbox {
  private dbName: string;
  private now: () => number;
  private baseDelayMs: number;
  private maxDelayMs: number;
  private inflight: Promise<FlushReport> | null = null;
  private listeners = new Set<() => void>();

  constructor(opts: OutboxOptions = {}) {
    this.dbName = opts.dbName ?? DB_NAME;
    this.now = opts.now ?? (() => Date.now());
    this.baseDelayMs = opts.baseDelayMs ?? 30_000;
    this.maxDelayMs = opts.maxDelayMs ?? 30 * 60_000;
  }

  private db() {
    return openUprightDB(this.dbName);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  notify(): void {
    for (const fn of this.listeners) fn();
  }

  /** Adds an entry. Re-adding an id that is already waiting keeps the original. */
  async enqueue(id: string, url: string, body: unknown): Promise<OutboxEntry> {
    const db = await this.db();
    const tx = db.transaction('outbox', 'readwrite');
    const existing = await tx.store.get(id);
    const entry: OutboxEntry = existing ?? {
      id,
      url,
      body,
      createdAt: this.now(),
      attempts: 0,
      nextAttemptAt: 0,
      state: 'pending',
    };
    if (!existing) await tx.store.put(entry);
    await tx.done;
    this.notify();
    return entry;
  }

  async all(): Promise<OutboxEntry[]> {
    const db = await this.db();
    const list = await db.getAll('outbox');
    return list.sort((a, b) => a.createdAt - b.createdAt);
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    return (await this.db()).get('outbox', id);
  }

  async counts(): Promise<{ pending: number; attention: number }> {
    const list = await this.all();
    return {
      pending: list.filter((e) => e.state === 'pending').length,
      attention: list.filter((e) => e.state === 'attention').length,
    };
  }

  async remove(id: string): Promise<void> {
    await (await this.db()).delete('outbox', id);
    this.notify();
  }

  /**
   * Sends what is due. Only one flush runs at a time in this context: a call made while
   * one runs waits for it and then runs once more, so nothing is sent twice and nothing
   * added meanwhile is forgotten.
   */
  flush(send: Sender, opts: { force?: boolean } = {}): Promise<FlushReport> {
    if (this.inflight) {
      const first = this.inflight;
      return first.then(() => this.flush(send, opts));
    }
    const run = this.flushOnce(send, opts.force ?? false).finally(() => {
      this.inflight = null;
      this.notify();
    });
    this.inflight = run;
    return run;
  }

  private async flushOnce(send: Sender, force: boolean): Promise<FlushReport> {
    const report: FlushReport = { sent: [], kept: [], attention: [] };
    const entries = await this.all();
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.state !== 'pending') continue;
      if (!force && entry.nextAttemptAt > this.now()) {
        report.kept.push(entry.id);
        continue;
      }
      let status: number;
      let data: unknown;
      try {
        ({ status, data } = await send(entry));
      } catch (e) {
        await this.retryLater(entry, undefined, e instanceof Error ? e.message : t('Network error'));
        report.kept.push(entry.id);
        // Offline: the rest would fail the same way, so leave them for the next try.
        for (const rest of entries.slice(i + 1)) if (rest.state === 'pending') report.kept.push(rest.id);
        break;
      }
      if (status === 200 || status === 201) {
        await (await this.db()).delete('outbox', entry.id);
        report.sent.push({ id: entry.id, status, data });
      } else if (status === 409 || (status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 408 && status !== 429)) {
        // The server will never accept this body as it is: keep it and ask the person.
        await this.put({ ...entry, state: 'attention', lastStatus: status, lastError: describe(status, data), attempts: entry.attempts + 1 });
        report.attention.push(entry.id);
      } else {
        // 5xx, 429, 408, or signed out (401/403): try again later.
        await this.retryLater(entry, status, describe(status, data));
        report.kept.push(entry.id);
      }
    }
    return report;
  }

  private async retryLater(entry: OutboxEntry, status: number | undefined, message: string) {
    const attempts = entry.attempts + 1;
    await this.put({
      ...entry,
      attempts,
      lastStatus: status,
      lastError: message,
      nextAttemptAt: this.now() + backoffDelay(attempts, this.baseDelayMs, this.maxDelayMs),
    });
  }

  private async put(entry: OutboxEntry) {
    await (await this.db()).put('outbox', entry);
  }
}

function describe(status: number, data: unknown): string {
  if (status === 409) return t('The server already has a different record with this id.');
  if (data && typeof data === 'object' && typeof (data as { detail?: unknown }).detail === 'string') {
    return (data as { detail: string }).detail;
  }
  return t('Server answered {status}.', { status });
}
