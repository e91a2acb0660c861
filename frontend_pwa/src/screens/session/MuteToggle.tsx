import { canSpeak, muted, setMuted } from '../../lib/speech';
import { useStore } from '../../lib/store';
import { t } from '../../lib/i18n';

/** Spoken cues on/off, at the top of each exercise. */
export function MuteToggle() {
  const m = useStore(muted);
  if (!canSpeak) return null;
  return (
    <button class="btn ghost" type="button" role="switch" aria-checked={!m} onClick={() => setMuted(!m)}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M4 9h4l5-4v14l-5-4H4z" />
        {m ? <path d="M17 9l5 6M22 9l-5 6" /> : <path d="M17 8a5 5 0 0 1 0 8M19.5 5.5a9 9 0 0 1 0 13" />}
      </svg>
      {/* One flex item, so the button's gap does not split "Spoken cues: on". */}
      <span>
        {t('Spoken cues')}<span aria-hidden="true">: {m ? t('off') : t('on')}</span>
      </span>
    </button>
  );
}
