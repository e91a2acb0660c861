import type { TodayAssignment } from '../types';
import { t } from '../lib/i18n';

/** What the physiotherapist wrote for the patient: the program's "Notes for the patient" and
 *  the assignment's own notes, each shown once (Today and the start of the player). */
export function ProgramNotes({ assignment }: { assignment: Pick<TodayAssignment, 'id' | 'notes' | 'program_notes'> }) {
  const notes = [assignment.program_notes, assignment.notes].map((n) => (n ?? '').trim()).filter((n, i, all) => n && all.indexOf(n) === i);
  if (notes.length === 0) return null;
  return (
    <div class="physio-note" role="note" aria-labelledby={`pn-${assignment.id}`}>
      <p id={`pn-${assignment.id}`} class="physio-note-h">
        {t('From your physiotherapist')}
      </p>
      {notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}
