import { Link } from '../../components/ui';
import { t } from '../../lib/i18n';

/** "Please stop": shown after a session whose pain crossed the clinic's rule. */
export function SafetyPanel({ advice, reminder }: { advice: string | null; reminder?: string }) {
  return (
    <section class="safety" role="alert" aria-labelledby="safety-h">
      <h2 id="safety-h">{t('Please stop and contact your clinician')}</h2>
      <p>{advice || t('Please stop these exercises for today and contact your clinician before your next session.')}</p>
      <p>
        {reminder} <Link href="/help">{t('When to get help')}</Link>
      </p>
    </section>
  );
}
