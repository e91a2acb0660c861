// The session in progress, kept in IndexedDB so a reload or a killed tab can resume it.
import type { SessionItemIn } from '../types';
import { getMeta, setMeta } from './db';
import type { TimerProgress } from './timer';

export interface RunningSession {
  /** The session's id (made on the phone; the server takes each id once). */
  id: string;
  assignment: number;
  startedAt: string;
  painBefore: number;
  /** The exercise being done (0-based), or `items` length when all are done. */
  index: number;
  results: SessionItemIn[];
  /** What was done of the current exercise so far. */
  current: TimerProgress | null;
  savedAt: number;
}

/** A session left longer than this is not offered for resuming. */
export const RESUME_WITHIN_MS = 12 * 3600_000;

const key = (assignment: number) => `running:${assignment}`;

export function isResumable(r: RunningSession | undefined | null, assignment: number, now: number): r is RunningSession {
  return !!r && r.assignment === assignment && typeof r.id === 'string' && now - r.savedAt >= 0 && now - r.savedAt < RESUME_WITHIN_MS;
}

export async function loadRunning(assignment: number): Promise<RunningSession | null> {
  const r = await getMeta<RunningSession>(key(assignment));
  return isResumable(r, assignment, Date.now()) ? r : null;
}

export function saveRunning(r: Omit<RunningSession, 'savedAt'>): Promise<void> {
  return setMeta(key(r.assignment), { ...r, savedAt: Date.now() });
}

export function clearRunning(assignment: number): Promise<void> {
  return setMeta(key(assignment), null);
}
