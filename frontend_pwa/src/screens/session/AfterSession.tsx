import { useState } from 'preact/hooks';
import type { Difficulty } from '../../types';
import { ChoiceTiles, Page, ScaleTiles } from '../../components/ui';
import { t } from '../../lib/i18n';

const DIFFICULTY: { value: Difficulty; label: string }[] = [
  { value: 'too_easy', get label() { return t('Too easy'); } },
  { value: 'about_right', get label() { return t('About right'); } },
  { value: 'too_hard', get label() { return t('Too hard'); } },
];

export interface AfterAnswers {
  painAfter: number;
  difficulty: Difficulty;
  notes: string;
}

/** After the last exercise: pain now, how hard it was, a note; Save. */
export function AfterSession({ done, total, saving, onSave }: { done: number; total: number; saving: boolean; onSave: (a: AfterAnswers) => void }) {
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [difficulty, setDifficulty] = useState<Difficulty | null>(null);
  const [notes, setNotes] = useState('');
  return (
    <Page title={t('How did it go?')}>
      <p>
        {t('{length, plural, one {You did {done} of # exercise.} other {You did {done} of # exercises.}}', { done, length: total })}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (painAfter == null || !difficulty) return;
          onSave({ painAfter, difficulty, notes: notes.trim() });
        }}
      >
        <ScaleTiles name="pain-after" legend={t('How much pain do you have now? (0 = none, 10 = worst imaginable)')} min={0} max={10} value={painAfter} onChange={setPainAfter} lowLabel={t('No pain')} highLabel={t('Worst')} />
        <ChoiceTiles name="difficulty" legend={t('How hard was it?')} options={DIFFICULTY} value={difficulty} onChange={setDifficulty} />
        <div class="field">
          <label for="notes">
            {t('Notes for your physiotherapist')} <span class="hint">{t('Optional.')}</span>
          </label>
          <textarea id="notes" value={notes} maxLength={2000} onInput={(e) => setNotes(e.currentTarget.value)} />
        </div>
        <button class="btn primary block big" type="submit" disabled={painAfter == null || !difficulty || saving}>
          {saving ? t('Saving…') : t('Save session')}
        </button>
      </form>
    </Page>
  );
}
