// "Busy" one-tap pause of movement reminders (Today and the break screen), and keeping the
// micro-break pool on the phone for offline breaks. Small: it is part of the first load.
import { useEffect, useState } from 'preact/hooks';
import { api, getWithFallback } from '../lib/client';
import { Link } from '../components/ui';
import { t } from '../lib/i18n';
import { BUSY_CHOICES, pausedText } from './logic';
import type { BusyState, EffectiveBreak } from './types';

export function BusyControl({ busyUntil, timeZone, onChange }: { busyUntil: string | null; timeZone?: string; onChange: (until: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const paused = pausedText(busyUntil, new Date(), timeZone);
  async function send(method: 'POST' | 'DELETE', body?: unknown) {
    setBusy(true);
    setMsg('');
    try {
      const r = method === 'POST' ? await api.post<BusyState>('/api/nudges/busy/', body) : await api.del<BusyState>('/api/nudges/busy/');
      onChange(r?.busy_until ?? null);
      setMsg(r?.busy_until ? t('Reminders are paused.') : t('Reminders are back on.'));
    } catch (e) {
      setMsg(e instanceof Error && e.name !== 'NetworkError' ? e.message : t("You're offline, so this didn't change. Please try again when you're connected."));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="busy">
      {paused ? (
        <div class="row" style={{ alignItems: 'center' }}>
          <p style={{ margin: 0 }}>
            <strong>{paused}</strong>
          </p>
          <button class="btn" type="button" disabled={busy} onClick={() => void send('DELETE')}>
            {t('Resume')}
          </button>
        </div>
      ) : (
        <div role="group" aria-labelledby="busy-l">
          <p id="busy-l" style={{ margin: '0 0 .4rem' }}>
            {t('In a meeting or driving? Pause reminders for:')}
          </p>
          <div class="row">
            {BUSY_CHOICES.map((c) => (
              <button key={c.label} class="btn" type="button" disabled={busy} onClick={() => void send('POST', c.body)}>
                {c.label}
              </button>
            ))}
          </div>
        </div>
      )}
      <p role="status" aria-live="polite" class="small" style={{ margin: '.4rem 0 0' }}>
        {msg}
      </p>
    </div>
  );
}

interface PlanLite {
  enabled: boolean;
  busy_until?: string | null;
}

const WARM_KEY = 'upright.breaks.warmed';

/** Once a day while online: fetch the break pool and each of its exercises, so the service
 * worker (and localStorage) has them for a break opened offline. */
export async function warmBreaks(): Promise<EffectiveBreak[]> {
  const { data, stale } = await getWithFallback<{ items: EffectiveBreak[] }>('/api/nudges/breaks/', 'upright.breaks.pool');
  const items = data?.items ?? [];
  const today = new Date().toDateString();
  if (!stale && localStorage.getItem(WARM_KEY) !== today) {
    await Promise.all(items.map((i) => getWithFallback(`/api/exercises/${encodeURIComponent(i.exercise)}/`, `upright.exercise.${i.exercise}`).catch(() => undefined)));
    try {
      localStorage.setItem(WARM_KEY, today);
    } catch {
      /* quota */
    }
  }
  return items;
}

/** Today's card: pause reminders, or do a break now. Quietly absent when reminders are off. */
export function BreaksCard({ timeZone }: { timeZone?: string }) {
  const [plan, setPlan] = useState<PlanLite | null>(null);
  const [next, setNext] = useState<EffectiveBreak | null>(null);
  useEffect(() => {
    let live = true;
    api.get<PlanLite>('/api/nudges/plan/').then((p) => live && setPlan(p), () => undefined);
    warmBreaks().then((items) => live && setNext(items[0] ?? null), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!plan?.enabled) return null;
  return (
    <section class="card" aria-labelledby="busy-h">
      <h2 id="busy-h" style={{ marginTop: 0 }}>
        {t('Movement reminders')}
      </h2>
      <BusyControl busyUntil={plan.busy_until ?? null} timeZone={timeZone} onChange={(u) => setPlan({ ...plan, busy_until: u })} />
      {next && (
        <p style={{ marginBottom: 0 }}>
          <Link class="btn block" href={`/break/exercise/${encodeURIComponent(next.exercise)}`}>
            {t('Do a one-minute break now')}
          </Link>
        </p>
      )}
    </section>
  );
}
