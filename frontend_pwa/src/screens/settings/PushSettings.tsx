import { useEffect, useState } from 'preact/hooks';
import { currentSubscription, disablePush, enablePush, isIOS, isStandalone, pushSupport } from '../../lib/push';
import { pushFailureText, withTimeout } from '../../lib/errors';
import { t } from '../../lib/i18n';

const PUSH_TIMEOUT_MS = 15_000;

/** Web push on this device: turn on (with the iPhone home-screen hint), turn off. */
export function PushSettings() {
  const support = pushSupport();
  const [state, setState] = useState<'unknown' | 'on' | 'off' | 'denied'>('unknown');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const [failed, setFailed] = useState('');
  useEffect(() => {
    if (support !== 'supported') return;
    if (Notification.permission === 'denied') setState('denied');
    else void currentSubscription().then((s) => setState(s ? 'on' : 'off')).catch(() => setState('off'));
  }, []);

  if (support === 'needs-install') {
    return (
      <p>
        {t('On iPhone and iPad, notifications work once Upright is on your home screen. Tap the Share button, choose')} <strong>{t('Add to Home Screen')}</strong>{t(', then open Upright from there and come back to this page.')}
      </p>
    );
  }
  if (support === 'unsupported') return <p>{t("This browser can't show notifications from Upright. Your reminders will still appear in the Inbox.")}</p>;

  async function turnOn() {
    setBusy(true);
    setMsg('');
    setFailed('');
    try {
      // Some browsers never answer (private windows): give up after a while, say why.
      const r = await withTimeout(enablePush(), PUSH_TIMEOUT_MS);
      setState(r === 'on' ? 'on' : r === 'denied' ? 'denied' : 'off');
      setMsg(r === 'on' ? t('Notifications are on.') : r === 'denied' ? '' : t('Notifications were not turned on.'));
    } catch (e) {
      setFailed(pushFailureText(e, { ios: isIOS(), standalone: isStandalone() }));
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    try {
      await disablePush();
      setState('off');
      setMsg(t('Notifications are off.'));
    } catch {
      setMsg(t("Couldn't turn off notifications. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>
        {t('Notifications let Upright remind you to move and to do your exercises, even when the app is closed. We only send what you set up above, and you can turn them off here at any time.')}
      </p>
      {state === 'denied' && <p class="banner warn">{t("Notifications are blocked for this site. You can allow them in your browser's site settings.")}</p>}
      {state === 'on' ? (
        <button class="btn" type="button" disabled={busy} onClick={turnOff}>
          {t('Turn off notifications')}
        </button>
      ) : state !== 'denied' ? (
        <button class="btn primary" type="button" disabled={busy} onClick={turnOn}>
          {busy ? t('Turning on…') : failed ? t('Try again') : t('Turn on notifications')}
        </button>
      ) : null}
      {failed && (
        <div class="banner danger" role="alert" style={{ marginTop: '.75rem' }}>
          <p>{failed}</p>
        </div>
      )}
      <p role="status" aria-live="polite" class="small">
        {msg}
      </p>
    </>
  );
}

