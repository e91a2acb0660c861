import { t } from './i18n';
// Plain words for what the API or the browser says went wrong. Pure functions.

/** What a patient reads instead of a framework's message, by field. */
const FIELD_WORDS: Record<string, Record<string, string>> = {
  work_days: { get 'This list may not be empty.'() { return t('Pick at least one work day.'); } },
  work_start: { get '*'() { return t('Enter the time your work day starts, for example 09:00.'); } },
  work_end: { get '*'() { return t('Enter the time your work day ends, for example 17:00.'); } },
  quiet_start: { get '*'() { return t('Enter a time, for example 22:00, or leave both quiet-hour boxes empty.'); } },
  quiet_end: { get '*'() { return t('Enter a time, for example 07:00, or leave both quiet-hour boxes empty.'); } },
};

const GENERIC: Record<string, string> = {
  get 'This field is required.'() { return t('Please fill this in.'); },
  get 'This field may not be blank.'() { return t('Please fill this in.'); },
  get 'This field may not be null.'() { return t('Please fill this in.'); },
  get 'This list may not be empty.'() { return t('Please choose at least one.'); },
  get 'A valid integer is required.'() { return t('Please enter a whole number.'); },
  get 'Enter a valid email address.'() { return t('Please enter an e-mail address like name@example.com.'); },
};

const TECHNICAL = /^(Time has wrong format|Datetime has wrong format|Date has wrong format|Invalid|Expected a|Not a valid|Incorrect type)/;

export function plainFieldError(field: string, message: string): string {
  const own = FIELD_WORDS[field];
  if (own?.[message]) return own[message];
  if (own?.['*'] && TECHNICAL.test(message)) return own['*'];
  if (GENERIC[message]) return GENERIC[message];
  if (TECHNICAL.test(message)) return t('Please check this value.');
  return message;
}

export function plainFieldErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, plainFieldError(k, v)]));
}

/** "HH:MM" → minutes after midnight, or null. */
function minutes(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** A work window that ends at or before it starts runs over midnight (17:00 → 09:00). */
export function isOvernight(start: string, end: string): boolean {
  const a = minutes(start);
  const b = minutes(end);
  return a != null && b != null && b <= a;
}

export interface PushContext {
  ios: boolean;
  standalone: boolean;
}

/** What to tell the patient when turning on notifications failed, and what to do. */
export function pushFailureText(error: unknown, ctx: PushContext): string {
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error ?? '');
  if (name === 'TimeoutError') return t('Turning on notifications is taking too long. Check your connection, then try again.');
  if (ctx.ios && !ctx.standalone) return t('Install Upright to your home screen first (Share, then Add to Home Screen), open it from there and try again.');
  if (name === 'AbortError' || /push service|registration failed|storage|incognito|private/i.test(text)) {
    return t("Notifications don't work in private browsing, and some browsers block them. Open Upright in a normal window, or use the Inbox instead.");
  }
  if (name === 'NotAllowedError') return t("Notifications are blocked for this site. Allow them in your browser's site settings, then try again.");
  if (/offline|network|fetch/i.test(text)) return t('You seem to be offline. Connect to the internet, then try again.');
  return t("Notifications couldn't be turned on here. Your reminders still appear in the Inbox. You can try again.");
}

/** Rejects with a TimeoutError when ``promise`` takes longer than ``ms``. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const e = new Error('timed out');
      e.name = 'TimeoutError';
      reject(e);
    }, ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
