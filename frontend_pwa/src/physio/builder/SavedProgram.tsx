import type { Assignment, Program } from '../../types';
import { Link, Page } from '../../components/ui';
import { t } from '../../lib/i18n';

export interface Saved {
  program: Program;
  assignment: Assignment | null;
  edited: boolean;
}

/** After saving: the version saved, the assignment made, and where to go next. */
export function SavedProgram({ done, preselected }: { done: Saved; preselected: string }) {
  return (
    <Page title={done.edited ? t('Changes saved') : t('Program saved')} wide>
      <div class="banner" role="status">
        <p>
          {t('“{name}” (version {version}) is saved', { name: done.program.name, version: done.program.version })}
          {done.assignment ? t(' and assigned to {full_name}', { full_name: done.assignment.patient.full_name }) : ''}.
        </p>
        {done.edited && <p>{t('Patients on this program see the new version from their next session. Sessions already logged keep the version they were done with.')}</p>}
      </div>
      <div class="row">
        {done.edited && preselected && (
          <Link class="btn primary" href={`/physio/patients/${encodeURIComponent(preselected)}`}>
            {t('Back to patient')}
          </Link>
        )}
        {done.assignment && (
          <>
            <Link class="btn primary" href={`/physio/patients/${done.assignment.patient.id}`}>
              {t('Open patient')}
            </Link>
            <a class="btn" href={`/api/assignments/${done.assignment.id}/handout.pdf`} download>
              {t('Download handout (PDF)')}
            </a>
          </>
        )}
        <Link class="btn" href="/physio">
          {t('Back to caseload')}
        </Link>
      </div>
    </Page>
  );
}
