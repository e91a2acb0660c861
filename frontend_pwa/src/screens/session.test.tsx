// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionScreen } from './Session';
import { sync } from '../lib/client';

const pose = (key: string, y: number) => ({
  key,
  label: key,
  view: 'side',
  svg_url: '',
  points: { head: [20, y], hip: [55, 62] },
  bones: [['head', 'hip']],
  view_box: [0, 0, 100, 80],
  width: 100,
  height: 80,
  shapes: [{ id: 'head', c: [20, y], r: 5, fill: '#fff', stroke: '#000', w: 1 }],
});
const exercise = (slug: string, name: string) => ({
  slug,
  name,
  summary: '',
  category: 'core',
  body_region: 'lumbar',
  position: 'kneeling',
  equipment: [],
  difficulty: 'easy',
  desk_friendly: false,
  duration_minutes: 5,
  dosage: { sets: 1, reps: 2, hold_seconds: null, rest_seconds: 0, per_side: false },
  poses: [pose('a', 40), pose('b', 50)],
  steps: ['Step one'],
  cues: ['Breathe out'],
  mistakes: [],
  safety_notes: ['Stop if it hurts sharply.'],
  precautions: [],
  progression: null,
  regression: null,
  keywords: [],
});
const today = {
  date: '2026-11-24',
  timezone: 'Europe/London',
  assignments: [
    {
      id: 12,
      program_name: 'Core basics',
      notes: '',
      preferred_time: null,
      due: true,
      done: false,
      items: [
        { id: 5, position: 1, phase: 1, exercise: exercise('bird-dog', 'Bird dog'), sets: 1, reps: 2, hold_seconds: null, rest_seconds: 0, per_side: false, notes: '' },
        { id: 6, position: 2, phase: 1, exercise: exercise('bridge', 'Bridge'), sets: 1, reps: 5, hold_seconds: null, rest_seconds: 0, per_side: false, notes: '' },
      ],
      sessions_today: [],
    },
  ],
  progress: { streak: 0, adherence_7d: null },
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function waitFor<T>(fn: () => T | null | undefined | false, ms = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function byText(root: HTMLElement, selector: string, text: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.includes(text));
}

function choose(root: HTMLElement, name: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
  input.click();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('guided session player', () => {
  it('runs pain before → exercises → pain after, posts the session and shows safety advice', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/today/') return json(200, today);
        if (url === '/api/auth/csrf/') return json(200, { csrfToken: 't' });
        if (url === '/api/sessions/' && init?.method === 'POST') {
          const body = JSON.parse(String(init.body));
          posted.push(body);
          return json(201, { ...body, local_date: '2026-11-24', safety: { alert: true, advice: 'Your pain went up. Please stop and call your physiotherapist.' } });
        }
        return json(404, { detail: 'Not found.' });
      }),
    );
    const root = document.createElement('div');
    document.body.appendChild(root);
    render(<SessionScreen assignmentId="12" />, root);

    await waitFor(() => byText(root, 'legend', 'How much pain'));
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    choose(root, 'pain-before', '3');
    await waitFor(() => !byText(root, 'button', 'Begin')?.hasAttribute('disabled'));
    (byText(root, 'button', 'Begin') as HTMLButtonElement).click();

    // Exercise 1: count two reps.
    await waitFor(() => byText(root, 'h2', 'Bird dog'));
    expect(root.querySelector('svg.figure circle')).not.toBeNull();
    byText(root, 'button', 'Start Bird dog')!.click();
    await waitFor(() => byText(root, 'button', 'Count a rep'));
    byText(root, 'button', 'Count a rep')!.click();
    await waitFor(() => byText(root, 'button', 'Count a rep (1 of 2)'));
    byText(root, 'button', 'Count a rep')!.click();
    await waitFor(() => byText(root, 'button', 'Next exercise'));
    byText(root, 'button', 'Next exercise')!.click();

    // Exercise 2: skip with a reason.
    await waitFor(() => byText(root, 'h2', 'Bridge'));
    byText(root, 'button', 'Skip this exercise')!.click();
    await waitFor(() => root.querySelector('input[name="skip"]'));
    choose(root, 'skip', 'It hurt');
    await waitFor(() => !byText(root, 'button', 'Skip and continue')?.hasAttribute('disabled'));
    byText(root, 'button', 'Skip and continue')!.click();

    // After.
    await waitFor(() => byText(root, 'legend', 'How much pain do you have now'));
    choose(root, 'pain-after', '6');
    choose(root, 'difficulty', 'too_hard');
    await waitFor(() => !byText(root, 'button', 'Save session')?.hasAttribute('disabled'));
    byText(root, 'button', 'Save session')!.click();

    await waitFor(() => byText(root, 'h2', 'Please stop and contact your clinician'), 3000);
    expect(root.textContent).toContain('Your pain went up. Please stop and call your physiotherapist.');
    expect(posted).toHaveLength(1);
    const body = posted[0] as Record<string, unknown>;
    expect(body).toMatchObject({
      assignment: 12,
      pain_before: 3,
      pain_after: 6,
      difficulty: 'too_hard',
      items: [
        { exercise: 'bird-dog', sets_done: 1, reps_done: 2 },
        { exercise: 'bridge', skipped: true, skip_reason: 'It hurt' },
      ],
    });
    expect(String(body.id)).toMatch(/^[0-9a-f-]{36}$/);
    expect(sync.get().pending).toBe(0);
    render(null, root);
  });
});
