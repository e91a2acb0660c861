import type { SafetyDoc, TodayAssignment } from '../../types';
import { Link, ScaleTiles } from '../../components/ui';
import { ProgramNotes } from '../../components/ProgramNotes';
import { preSessionWarning } from '../../lib/safety';
import { t } from '../../lib/i18n';

/** Before the first exercise: the pain question (with the clinic's pre-session warning), Begin. */
export function PainBefore({
  assignment,
  total,
  safety,
  pain,
  onPain,
  onBegin,
}: {
  assignment: TodayAssignment;
  total: number;
  safety?: SafetyDoc;
  pain: number | null;
  onPain: (v: number) => void;
  onBegin: (pain: number) => void;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (pain == null) return;
        onBegin(pain);
      }}
    >
      <p>
        {t('{length, plural, one {# exercise. Move gently and within comfort.} other {# exercises. Move gently and within comfort.}}', { length: total })}
      </p>
      <ProgramNotes assignment={assignment} />
      <ScaleTiles name="pain-before" legend={t('How much pain do you have right now? (0 = none, 10 = worst imaginable)')} min={0} max={10} value={pain} onChange={onPain} lowLabel={t('No pain')} highLabel={t('Worst')} />
      {pain != null && safety && preSessionWarning(safety.pain_rule, pain) && (
        <p class="banner warn" role="status">
          {safety.advice.pre_session}
        </p>
      )}
      <button class="btn primary block big" type="submit" disabled={pain == null}>
        {t('Begin')}
      </button>
      <p class="center" style={{ marginTop: '.75rem' }}>
        <Link class="tap-link" href="/today">
          {t('Not now')}
        </Link>
      </p>
    </form>
  );
}
