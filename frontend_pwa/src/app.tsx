import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { auth } from './lib/auth';
import { homeFor, navigate, normalize, onLocationChange, redirectFor, resolve, type Params, type RouteDef } from './lib/router';
import { useStore } from './lib/store';
import { lang, loadPart } from './lib/i18n';
import { inboxUnread, refreshInboxUnread } from './lib/inbox';
import { Shell } from './components/Shell';
import { Loading, Page, Link } from './components/ui';
import { AcceptInvite, ForgotPassword, Login } from './screens/Auth';
import { Today } from './screens/Today';
import { SessionScreen } from './screens/Session';
import { Inbox } from './screens/Inbox';
import { Settings } from './screens/Settings';
import { HelpPage } from './screens/Safety';
import { t } from './lib/i18n';

type View = ComponentType<{ params: Params }>;

/** Loads a screen's module on first use; later uses render at once. */
function lazy(load: () => Promise<Record<string, unknown>>, name: string): View {
  let Loaded: ComponentType<Record<string, unknown>> | null = null;
  return function LazyView(props: { params: Params }) {
    const [C, setC] = useState(() => Loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Loaded) return;
      load().then(
        (m) => {
          Loaded = m[name] as ComponentType<Record<string, unknown>>;
          setC(() => Loaded);
        },
        () => setFailed(true),
      );
    }, []);
    if (failed) {
      return (
        <Page title={t("Couldn't open this page")}>
          <p>{t("This part of the app isn't saved on your phone yet. Please connect to the internet and try again.")}</p>
        </Page>
      );
    }
    return C ? <C {...props.params} /> : <Loading />;
  };
}

// The clinician workspace brings its own messages (a catalogue of its own, see lib/i18n.ts).
const physio = () => Promise.all([import('./physio/index'), loadPart('physio')]).then(([m]) => m);
const progress = () => import('./screens/Progress');
const tips = () => import('./screens/Tips');
const messaging = () => import('./messaging/index');
const breaks = () => import('./breaks/BreakScreen');

const routes: RouteDef<View>[] = [
  { path: '/', access: 'public', view: () => null },
  { path: '/login', access: 'guest', view: () => <Login /> },
  { path: '/forgot-password', access: 'public', view: () => <ForgotPassword /> },
  { path: '/invite/:code', access: 'public', view: ({ params }) => <AcceptInvite code={params.code} /> },
  { path: '/today', access: 'patient', view: () => <Today /> },
  { path: '/session/:assignmentId', access: 'patient', view: ({ params }) => <SessionScreen assignmentId={params.assignmentId} /> },
  { path: '/progress', access: 'patient', view: lazy(progress, 'Progress') },
  { path: '/outcomes', access: 'patient', view: lazy(progress, 'Outcomes') },
  { path: '/inbox', access: 'patient', view: () => <Inbox /> },
  { path: '/break/exercise/:slug', access: 'patient', view: lazy(breaks, 'BreakScreen') },
  { path: '/break/:nudgeId', access: 'patient', view: lazy(breaks, 'BreakScreen') },
  { path: '/messages', access: 'patient', view: lazy(messaging, 'Messages') },
  { path: '/tips', access: 'signed-in', view: lazy(tips, 'Tips') },
  { path: '/settings', access: 'signed-in', view: () => <Settings /> },
  { path: '/physio', access: 'physio', view: lazy(physio, 'Caseload') },
  { path: '/physio/patients/:id', access: 'physio', view: lazy(physio, 'PatientDetail') },
  { path: '/physio/programs/new', access: 'physio', view: lazy(physio, 'ProgramBuilder') },
  { path: '/physio/programs/:id/edit', access: 'physio', view: lazy(physio, 'ProgramBuilder') },
  { path: '/physio/invite', access: 'physio', view: lazy(physio, 'InvitePatient') },
  { path: '/physio/alerts', access: 'physio', view: lazy(physio, 'Alerts') },
  { path: '/help', access: 'signed-in', view: () => <HelpPage /> },
  { path: '/physio/security', access: 'physio', view: lazy(physio, 'TwoFactor') },
];

function NotFound() {
  return (
    <Page title={t('Page not found')}>
      <p>{t("We couldn't find that page.")}</p>
      <Link class="btn" href="/">
        {t('Go to the start')}
      </Link>
    </Page>
  );
}

export function App() {
  const { ready, me } = useStore(auth);
  const [path, setPath] = useState(() => location.pathname);
  useEffect(() => onLocationChange(() => setPath(location.pathname)), []);
  const unread = useStore(inboxUnread);
  // Re-render everything in the new language when it changes.
  useStore(lang);
  const isPatient = me?.role === 'patient';
  // The Inbox badge: on sign-in, on each screen change, when the app comes back to the front,
  // when the service worker says a message arrived, and every few minutes while visible.
  useEffect(() => {
    if (!isPatient) {
      inboxUnread.set(0);
      return;
    }
    const refresh = () => {
      if (document.visibilityState === 'visible') void refreshInboxUnread();
    };
    const onMessage = (e: MessageEvent) => {
      if ((e.data as { type?: string } | null)?.type === 'inbox-changed') void refreshInboxUnread();
    };
    document.addEventListener('visibilitychange', refresh);
    window.addEventListener('online', refresh);
    navigator.serviceWorker?.addEventListener('message', onMessage);
    const timer = window.setInterval(refresh, 3 * 60_000);
    return () => {
      document.removeEventListener('visibilitychange', refresh);
      window.removeEventListener('online', refresh);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
      window.clearInterval(timer);
    };
  }, [isPatient]);
  useEffect(() => {
    if (isPatient) void refreshInboxUnread();
  }, [isPatient, path]);

  const match = resolve(routes, path);
  const role = me?.role ?? null;
  let redirect: string | null = null;
  if (ready && match) {
    redirect = normalize(path) === '/' ? homeFor(role) : redirectFor(match.route.access, role, path + location.search);
    // The clinic requires two-factor and this clinician has not set it up: nothing else works yet.
    const tf = me?.two_factor;
    if (!redirect && tf?.required_by_clinic && !tf.enrolled && normalize(path) !== '/physio/security') redirect = '/physio/security';
  }
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (!ready) {
    return (
      <Shell me={null} path={path}>
        <Loading label={t('Opening Upright…')} />
      </Shell>
    );
  }
  const View = match?.route.view;
  return (
    <Shell me={me} path={normalize(path)} inboxCount={isPatient ? unread : 0}>
      {!match ? <NotFound /> : redirect ? <Loading /> : View ? <View params={match.params} /> : null}
    </Shell>
  );
}
