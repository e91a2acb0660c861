// The patient's Messages screen: the thread with their physiotherapists and their consent
// to remote monitoring.
import { useStore } from '../lib/store';
import { auth } from '../lib/auth';
import { Page } from '../components/ui';
import { Thread } from './Thread';
import { MonitoringConsent } from './Consent';
import { t } from '../lib/i18n';

export function Messages() {
  const { me } = useStore(auth);
  return (
    <Page title={t('Messages')} lead={<p class="muted">{t('Write to your physiotherapist. They usually answer within a few working days.')}</p>}>
      <Thread role={me?.role ?? 'patient'} />
      <MonitoringConsent />
    </Page>
  );
}
