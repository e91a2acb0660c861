import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { navigate, shouldIntercept } from '../lib/router';
import { NetworkError } from '../lib/api';
import { locale, t } from '../lib/i18n';

export function Link(props: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(e);
    if (shouldIntercept(e, props.href, (props.target as string | undefined) ?? null, location.origin)) {
      e.preventDefault();
      navigate(props.href);
    }
  };
  return <a {...props} onClick={onClick} />;
}

/** A screen: sets the document title, renders the single h1 and moves focus to it on arrival. */
export function Page({ title, children, wide, lead }: { title: string; children?: ComponentChildren; wide?: boolean; lead?: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Upright`;
    const main = document.getElementById('main');
    if (main) main.className = wide ? 'wide' : '';
    // Move focus to the heading after client-side navigation (not on first load), so screen
    // readers announce the new screen.
    const w = window as { __uprightNavigated?: boolean };
    if (w.__uprightNavigated) ref.current?.focus({ preventScroll: true });
    w.__uprightNavigated = true;
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1} ref={ref}>
        {title}
      </h1>
      {lead}
      {children}
    </>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" class="muted">
      {label}
    </p>
  );
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  const offline = error instanceof NetworkError;
  const msg = offline
    ? t("You're offline and this page isn't saved on your phone yet. It will load when you're back online.")
    : error instanceof Error
      ? error.message
      : t('Something went wrong.');
  return (
    <div class="banner warn" role="alert">
      <p>{msg}</p>
      {retry && (
        <button class="btn" type="button" onClick={retry}>
          {t('Try again')}
        </button>
      )}
    </div>
  );
}

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (d: T) => void;
}

/** Loads data when the key changes. */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [n, setN] = useState(0);
  const reload = useCallback(() => setN((x) => x + 1), []);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    fn().then(
      (d) => {
        if (live) {
          setData(d);
          setLoading(false);
        }
      },
      (e) => {
        if (live) {
          setError(e);
          setLoading(false);
        }
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, n]);
  return { data, error, loading, reload, setData };
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {/* The hint sits outside the label so the field's name stays short; inputs point
          at it with aria-describedby (describedBy below), so it is announced once. */}
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A field's error, next to it: error styling, an icon, announced (role="alert"). */
export function FieldError({ id, message }: { id?: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p class="error-text" id={id} role="alert">
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <circle cx="12" cy="12" r="10" fill="currentColor" />
        <path d="M12 7v6M12 16.5v.5" stroke="#fff" stroke-width="2.4" stroke-linecap="round" />
      </svg>
      <span>{message}</span>
    </p>
  );
}

/** A form's error (or a list's, a dose row's) as one line of error text, without FieldError's
    icon. Announced (role="alert") unless `announce` is false: those errors are read out through
    the aria-describedby of the input they belong to instead. */
export function FormError({ message, id, announce = true }: { message?: string | null; id?: string; announce?: boolean }) {
  if (!message) return null;
  return (
    <p class="error-text" id={id} role={announce ? 'alert' : undefined}>
      {message}
    </p>
  );
}

/** A form's outcome: a success in the calm style, a failure styled and announced as an error. */
export function FormStatus({ ok, error }: { ok?: string; error?: string }) {
  return (
    <>
      <p role="status" aria-live="polite" class={ok ? 'banner' : 'sr-only'}>
        {ok}
      </p>
      {error && (
        <div class="banner danger" role="alert">
          <p>{error}</p>
        </div>
      )}
    </>
  );
}

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function ScaleTiles({
  name,
  legend,
  min,
  max,
  value,
  onChange,
  lowLabel,
  highLabel,
}: {
  name: string;
  legend: string;
  min: number;
  max: number;
  value: number | null;
  onChange: (v: number) => void;
  lowLabel?: string;
  highLabel?: string;
}) {
  const nums = [];
  for (let i = min; i <= max; i++) nums.push(i);
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class={max - min === 10 ? 'tiles scale11' : 'tiles'}>
        {nums.map((n) => (
          <label class="tile" key={n}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
      {(lowLabel || highLabel) && (
        <div class="scale-ends" aria-hidden="true">
          <span>{lowLabel}</span>
          <span>{highLabel}</span>
        </div>
      )}
    </fieldset>
  );
}

export function ChoiceTiles<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="tiles wide">
        {options.map((o) => (
          <label class="tile" key={o.value}>
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(locale(), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });
  } catch {
    return d.toLocaleString(locale());
  }
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale(), { weekday: 'short', day: 'numeric', month: 'short' });
}

/** Monday … Sunday in the active language (1 Jan 2024 was a Monday). */
export function weekdays(style: 'short' | 'long'): string[] {
  return Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i, 12)).toLocaleDateString(locale(), { weekday: style, timeZone: 'UTC' }));
}

export function doseText(d: { sets: number; reps: number | null; hold_seconds: number | null; rest_seconds?: number; per_side: boolean }): string {
  const parts = [t('{sets, plural, one {# set} other {# sets}}', { sets: d.sets })];
  if (d.reps) parts.push(t('{reps, plural, one {# rep} other {# reps}}', { reps: d.reps }));
  if (d.hold_seconds) parts.push(d.reps ? t('hold each {hold_seconds} s', { hold_seconds: d.hold_seconds }) : t('hold {hold_seconds} s', { hold_seconds: d.hold_seconds }));
  if (d.per_side) parts.push(t('each side'));
  return parts.join(' · ');
}
