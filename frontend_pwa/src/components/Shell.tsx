import type { ComponentChildren } from 'preact';
import { Link } from './ui';
import type { Me } from '../types';
import { useStore } from '../lib/store';
import { sync } from '../lib/client';
import { applyUpdate, sessionRunning, updateReady } from '../lib/sw-register';
import { badgeText } from '../lib/inbox';
import { t } from '../lib/i18n';

export function Logo() {
  return (
    <svg viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#0b5f63" />
      <circle cx="32" cy="15" r="6" fill="#fff" />
      <path d="M32 24v18M22 30l10 4 10-4M32 42l-7 12M32 42l7 12" stroke="#fff" stroke-width="5" stroke-linecap="round" fill="none" />
    </svg>
  );
}

const icons: Record<string, string> = {
  today: 'M4 6h16M4 12h16M4 18h10',
  progress: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  inbox: 'M3 13h5l2 3h4l2-3h5M3 13l3-8h12l3 8v6H3z',
  messages: 'M4 5h16v11H9l-5 4z',
  settings: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
};

function Tab({ href, label, icon, path, badge, badgeLabel = t('waiting') }: { href: string; label: string; icon: string; path: string; badge?: number | string; badgeLabel?: string }) {
  const current = path === href || path.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d={icons[icon]} />
      </svg>
      {label}
      {badge ? (
        <span class="badge">
          {badge}
          <span class="sr-only"> {badgeLabel}</span>
        </span>
      ) : null}
    </Link>
  );
}

export function SyncStatus() {
  const s = useStore(sync);
  let text = '';
  const messages = s.messages ?? 0;
  const breaks = s.breaks ?? 0;
  const sessions = s.pending - messages - breaks;
  const waiting = [
    sessions > 0 ? t('{sessions, plural, one {# session} other {# sessions}}', { sessions }) : '',
    messages > 0 ? t('{messages, plural, one {# message} other {# messages}}', { messages }) : '',
    breaks > 0 ? t('{breaks, plural, one {# break} other {# breaks}}', { breaks }) : '',
  ]
    .filter(Boolean)
    .join(t(' and '));
  if (s.syncing && s.pending > 0) text = sessions > 0 ? t('Sending saved sessions…') : messages > 0 ? t('Sending saved messages…') : t('Sending saved breaks…');
  else if (s.pending > 0) text = (s.online ? t('{waiting} waiting to send.', { waiting }) : t('{waiting} waiting to send — they will go when you are back online.', { waiting }));
  if (s.attention > 0) text += ' ' + t('{attention, plural, one {# session needs your attention (see Today).} other {# sessions need your attention (see Today).}}', { attention: s.attention });
  return (
    <p role="status" aria-live="polite" class={text ? 'banner' : 'sr-only'} style={text ? { margin: '0 0 1rem' } : undefined}>
      {!s.online && <strong>{t('Offline.')} </strong>}
      {text.trim()}
    </p>
  );
}

export function UpdatePrompt() {
  const ready = useStore(updateReady);
  const running = useStore(sessionRunning);
  if (!ready || running) return null;
  return (
    <div class="toast" role="region" aria-label={t('App update')}>
      <p>{t('A new version of Upright is ready.')}</p>
      <div class="row">
        <button class="btn primary" type="button" onClick={applyUpdate}>
          {t('Update now')}
        </button>
        <button class="btn ghost" type="button" onClick={() => updateReady.set(false)}>
          {t('Later')}
        </button>
      </div>
    </div>
  );
}

export function Shell({ me, path, children, inboxCount }: { me: Me | null; path: string; children: ComponentChildren; inboxCount?: number }) {
  const patient = me?.role === 'patient';
  const physio = me && !patient;
  const s = useStore(sync);
  const running = useStore(sessionRunning);
  return (
    <>
      <a class="skip" href="#main">
        {t('Skip to content')}
      </a>
      <header class="topbar">
        <Link class="brand" href="/">
          <Logo />
          {t('Upright')}
        </Link>
        {patient && (
          <Link class="btn ghost help-link" href="/help" aria-current={path === '/help' ? 'page' : undefined}>
            {t('When to get help')}
          </Link>
        )}
        {physio && (
          <nav class="topnav" aria-label={t('Workspace')}>
            <Link href="/physio" aria-current={path === '/physio' || path.startsWith('/physio/patients') ? 'page' : undefined}>
              {t('Caseload')}
            </Link>
            <Link href="/physio/alerts" aria-current={path === '/physio/alerts' ? 'page' : undefined}>
              {t('Alerts')}
            </Link>
            <Link href="/physio/programs/new" aria-current={path === '/physio/programs/new' ? 'page' : undefined}>
              {t('New program')}
            </Link>
            <Link href="/physio/invite" aria-current={path === '/physio/invite' ? 'page' : undefined}>
              {t('Invite')}
            </Link>
            <Link href="/settings" aria-current={path === '/settings' ? 'page' : undefined}>
              {t('Account')}
            </Link>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {me && <SyncStatus />}
        {children}
      </main>
      {patient && !running && (
        <nav class="tabbar" aria-label={t('Main')}>
          <Tab href="/today" label={t('Today')} icon="today" path={path} badge={s.pending - (s.messages ?? 0) - (s.breaks ?? 0) + s.attention || undefined} />
          <Tab href="/progress" label={t('Progress')} icon="progress" path={path} />
          <Tab href="/inbox" label={t('Inbox')} icon="inbox" path={path} badge={badgeText(inboxCount ?? 0) || undefined} badgeLabel={t('unread')} />
          <Tab href="/messages" label={t('Messages')} icon="messages" path={path} />
          <Tab href="/settings" label={t('Settings')} icon="settings" path={path} />
        </nav>
      )}
      <UpdatePrompt />
    </>
  );
}
