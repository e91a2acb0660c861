import { auth } from '../lib/auth';
import { canSpeak } from '../lib/speech';
import { useStore } from '../lib/store';
import { Page } from '../components/ui';
import { t } from '../lib/i18n';
import { CalendarBusySettings } from '../breaks/Settings';
import { NudgeSettings } from './settings/ReminderForm';
import { CalendarSettings } from './settings/CalendarFeed';
import { PushSettings } from './settings/PushSettings';
import { TwoFactorSection } from './settings/TwoFactorSection';
import { LanguageSettings } from './settings/LanguageSettings';
import { Account } from './settings/Account';
import { VoiceSettings } from './settings/VoiceSettings';

export function Settings() {
  const { me } = useStore(auth);
  if (!me) return null;
  const patient = me.role === 'patient';
  return (
    <Page title={patient ? t('Settings') : t('Account')}>
      {patient && (
        <>
          <section class="card" aria-labelledby="nudge-h">
            <h2 id="nudge-h" style={{ marginTop: 0 }}>
              {t('Movement reminders')}
            </h2>
            <p class="muted small">{t('Sitting for long stretches is hard on the back. A short stand-up and walk around helps.')}</p>
            <NudgeSettings />
          </section>
          <section class="card" aria-labelledby="calbusy-h">
            <h2 id="calbusy-h" style={{ marginTop: 0 }}>
              {t('Busy times from your calendar')}
            </h2>
            <CalendarBusySettings />
          </section>
          <section class="card" aria-labelledby="cal-h">
            <h2 id="cal-h" style={{ marginTop: 0 }}>
              {t('Calendar')}
            </h2>
            <CalendarSettings />
          </section>
          <section class="card" aria-labelledby="push-h">
            <h2 id="push-h" style={{ marginTop: 0 }}>
              {t('Notifications')}
            </h2>
            <PushSettings />
          </section>
          {canSpeak && <VoiceSettings />}
        </>
      )}
      {!patient && <TwoFactorSection me={me} />}
      <section class="card" aria-labelledby="lang-h">
        <h2 id="lang-h" style={{ marginTop: 0 }}>
          {t('Language')}
        </h2>
        <LanguageSettings />
      </section>
      <section class="card" aria-labelledby="acc-h">
        <h2 id="acc-h" style={{ marginTop: 0 }}>
          {t('Account')}
        </h2>
        <Account me={me} />
      </section>
    </Page>
  );
}
