import type { SafetyDoc, Session as SessionOut, SessionIn } from '../../types';
import { navigate } from '../../lib/router';
import { Page, useAsync } from '../../components/ui';
import { adviceFor, markAdviceSeen, painReason } from '../../lib/safety';
import { t } from '../../lib/i18n';
import { loadToday } from '../Today';
import { SafetyPanel } from './SafetyPanel';

/** The saved session: sent or waiting on the phone, the safety advice, the streak. */
export function SessionResult({ session, body, online, safety }: { session: SessionOut | null; body: SessionIn; online: boolean; safety?: SafetyDoc }) {
  // Offline, the same rule as the server's, with its thresholds and advice.
  const localReason = !session && safety ? painReason(safety.pain_rule, body.pain_before, body.pain_after) : null;
  if (session?.safety?.alert || localReason) markAdviceSeen(body.id);
  const spike = !!session?.safety?.alert || !!localReason;
  // The streak after this session (Today counts it once the server has it).
  const today = useAsync(() => (spike ? Promise.resolve(null) : loadToday()), [spike]);
  const streak = session ? today.data?.data.progress?.streak : undefined;
  return (
    <Page title={spike ? t('Session saved: please rest for today') : t('Session saved')}>
      {session?.safety?.alert && <SafetyPanel advice={session.safety.advice} reminder={safety?.advice.red_flag_reminder} />}
      {localReason && safety && <SafetyPanel advice={adviceFor(safety, localReason)} reminder={safety.advice.red_flag_reminder} />}
      {!spike && (
        <div class="celebrate" aria-hidden="true">
          <svg viewBox="0 0 48 48" width="56" height="56">
            <circle cx="24" cy="24" r="21" />
            <path d="M14 25l7 7 13-15" />
          </svg>
        </div>
      )}
      <div class="banner" role="status">
        {session ? (
          <p>{spike ? t('Thank you for telling us. Your physiotherapist can see this session.') : t('Well done. Your physiotherapist can see this session.')}</p>
        ) : (
          <p>
            {online ? t("Saved on this phone. It will be sent shortly — you don't need to do anything.") : t("Saved on this phone. It will be sent when you're back online — you don't need to do anything.")}
          </p>
        )}
        {session && !session.safety?.alert && session.safety?.advice && <p>{session.safety.advice}</p>}
        {streak != null && streak > 0 && (
          <p>
            <strong>
              {t('{streak, plural, one {# day in a row.} other {# days in a row.}}', { streak })}
            </strong>{t('Small steps add up.')}
          </p>
        )}
      </div>
      <p>
        {t('Pain {pain_before} before, {pain_after} after.', { pain_before: body.pain_before, pain_after: body.pain_after })}
      </p>
      <button class="btn primary block big" type="button" onClick={() => navigate('/today')}>
        {t('Back to Today')}
      </button>
    </Page>
  );
}
