import type { Me } from '../../types';
import { navigate } from '../../lib/router';
import { t } from '../../lib/i18n';

/** For clinicians: whether two-factor sign-in is on, and the way to its page. */
export function TwoFactorSection({ me }: { me: Me }) {
  return (
    <section class="card" aria-labelledby="tf-h">
      <h2 id="tf-h" style={{ marginTop: 0 }}>
        {t('Two-factor sign-in')}
      </h2>
      <p class="small">{me.two_factor?.enrolled ? t('On: signing in asks for a code from your authenticator app.') : t('Off. Protect your patients’ records with a code from an authenticator app.')}</p>
      <a class="btn" href="/physio/security" onClick={(e) => { e.preventDefault(); navigate('/physio/security'); }}>
        {me.two_factor?.enrolled ? t('Manage two-factor sign-in') : t('Set up two-factor sign-in')}
      </a>
    </section>
  );
}
