// The pain safety rule, evaluated offline with the server's own thresholds and advice
// (GET /api/today/ ships them as `safety`, from exercises/content/safety.yaml). The same
// table of cases (tests/shared/safety_cases.json) runs here and in pytest.
import type { SafetyDoc, Session as SessionOut } from '../types';
import { createStore } from './store';

export type PainReason = 'pain_increase' | 'pain_high' | 'pain_high_before';

export function painReason(rule: SafetyDoc['pain_rule'], before: number, after: number): PainReason | null {
  if (after >= before + rule.rise_points) return 'pain_increase';
  if (after >= rule.high_level) return 'pain_high';
  if (before >= rule.high_level) return 'pain_high_before';
  return null;
}

/** The warning before a session starts uses the same level as the alert. */
export function preSessionWarning(rule: SafetyDoc['pain_rule'], before: number): boolean {
  return before >= rule.high_level;
}

export function adviceFor(doc: SafetyDoc, reason: string | null | undefined): string | null {
  return reason ? (doc.advice[reason] ?? null) : null;
}

// Advice the patient has seen, by session id, so a session queued offline and sent later
// shows the server's advice once if it was not shown on the phone.
const SEEN_KEY = 'upright.adviceSeen';

function seenIds(): string[] {
  try {
    return JSON.parse(localStorage.getItem(SEEN_KEY) || '[]') as string[];
  } catch {
    return [];
  }
}

export function markAdviceSeen(id: string): void {
  const ids = [id, ...seenIds().filter((x) => x !== id)].slice(0, 50);
  try {
    localStorage.setItem(SEEN_KEY, JSON.stringify(ids));
  } catch {
    /* quota */
  }
}

export interface UnseenAdvice {
  id: string;
  advice: string;
  pain_before: number;
  pain_after: number;
}

export const unseenAdvice = createStore<UnseenAdvice[]>([]);

/** Called with what the outbox sent: keep the server's advice the patient has not seen. */
export function noteSentSessions(sent: { id: string; data: unknown }[]): void {
  const seen = new Set(seenIds());
  const fresh: UnseenAdvice[] = [];
  for (const s of sent) {
    const d = s.data as Partial<SessionOut> | null;
    if (!d?.safety?.alert || !d.safety.advice || seen.has(s.id)) continue;
    fresh.push({ id: s.id, advice: d.safety.advice, pain_before: d.pain_before ?? 0, pain_after: d.pain_after ?? 0 });
  }
  if (fresh.length) unseenAdvice.set([...unseenAdvice.get().filter((u) => !fresh.some((f) => f.id === u.id)), ...fresh]);
}

export function dismissAdvice(id: string): void {
  markAdviceSeen(id);
  unseenAdvice.set(unseenAdvice.get().filter((u) => u.id !== id));
}
