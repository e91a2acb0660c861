import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, Outbox, type Sender } from './outbox';

let n = 0;
function makeBox(clock = { t: 1_000_000 }) {
  const box = new Outbox({ dbName: `test-${n++}`, now: () => clock.t, baseDelayMs: 1000, maxDelayMs: 60_000 });
  return { box, clock };
}

const ok: Sender = async () => ({ status: 201, data: { safety: { alert: false, advice: null } } });

describe('outbox', () => {
  it('enqueues entries and keeps the original when the same id is added again', async () => {
    const { box } = makeBox();
    await box.enqueue('a', '/api/sessions/', { x: 1 });
    await box.enqueue('a', '/api/sessions/', { x: 2 });
    const all = await box.all();
    expect(all).toHaveLength(1);
    expect(all[0].body).toEqual({ x: 1 });
    expect(await box.counts()).toEqual({ pending: 1, attention: 0 });
  });

  it('removes entries the server accepted (201 and 200)', async () => {
    const { box } = makeBox();
    await box.enqueue('a', '/api/sessions/', {});
    await box.enqueue('b', '/api/sessions/', {});
    const send = vi.fn<Sender>(async (e) => ({ status: e.id === 'a' ? 201 : 200, data: { id: e.id } }));
    const report = await box.flush(send);
    expect(report.sent.map((s) => [s.id, s.status])).toEqual([['a', 201], ['b', 200]]);
    expect(await box.all()).toEqual([]);
  });

  it('keeps entries on a network error and backs off', async () => {
    const { box, clock } = makeBox();
    await box.enqueue('a', '/api/sessions/', {});
    clock.t += 1;
    await box.enqueue('b', '/api/sessions/', {});
    const offline = vi.fn<Sender>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const r1 = await box.flush(offline);
    expect(r1.kept).toEqual(['a', 'b']);
    expect(offline).toHaveBeenCalledTimes(1); // stops at the first network failure
    const a = await box.get('a');
    expect(a?.attempts).toBe(1);
    expect(a?.nextAttemptAt).toBe(clock.t + 1000);

    // Too early: nothing is sent unless forced.
    const send = vi.fn(ok);
    await box.flush(send);
    expect(send).toHaveBeenCalledTimes(1); // only "b", which had never been tried
    clock.t += 1000;
    await box.flush(send);
    expect(await box.all()).toEqual([]);
  });

  it('keeps entries on a 5xx with growing delays', async () => {
    const { box, clock } = makeBox();
    await box.enqueue('a', '/api/sessions/', {});
    const fail = vi.fn<Sender>(async () => ({ status: 503, data: null }));
    await box.flush(fail);
    await box.flush(fail, { force: true });
    const a = await box.get('a');
    expect(a?.state).toBe('pending');
    expect(a?.attempts).toBe(2);
    expect(a?.nextAttemptAt).toBe(clock.t + 2000);
    expect(backoffDelay(1, 1000, 60_000)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000)).toBe(4000);
    expect(backoffDelay(30, 1000, 60_000)).toBe(60_000);
  });

  it('marks a 409 as needing attention and stops retrying it', async () => {
    const { box } = makeBox();
    await box.enqueue('a', '/api/sessions/', {});
    const conflict = vi.fn<Sender>(async () => ({ status: 409, data: { detail: 'conflict' } }));
    const report = await box.flush(conflict);
    expect(report.attention).toEqual(['a']);
    expect(await box.counts()).toEqual({ pending: 0, attention: 1 });
    await box.flush(conflict, { force: true });
    expect(conflict).toHaveBeenCalledTimes(1);
    await box.remove('a');
    expect(await box.all()).toEqual([]);
  });

  it('does not send twice when flushed twice at the same time', async () => {
    const { box } = makeBox();
    await box.enqueue('a', '/api/sessions/', {});
    await box.enqueue('b', '/api/sessions/', {});
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const send = vi.fn<Sender>(async () => {
      await gate;
      return { status: 201, data: null };
    });
    const p1 = box.flush(send);
    const p2 = box.flush(send);
    release();
    await Promise.all([p1, p2]);
    expect(send.mock.calls.map(([e]) => e.id).sort()).toEqual(['a', 'b']);
    expect(await box.all()).toEqual([]);
  });

  it('notifies subscribers on changes', async () => {
    const { box } = makeBox();
    const fn = vi.fn();
    box.subscribe(fn);
    await box.enqueue('a', '/api/sessions/', {});
    await box.flush(ok);
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
