import { muted, setMuted } from '../../lib/speech';
import { useStore } from '../../lib/store';
import { t } from '../../lib/i18n';

/** Spoken instructions during a session on/off (shown only where the browser can speak). */
export function VoiceSettings() {
  const m = useStore(muted);
  return (
    <section class="card" aria-labelledby="voice-h">
      <h2 id="voice-h" style={{ marginTop: 0 }}>
        {t('Voice')}
      </h2>
      <label class="check">
        <input type="checkbox" checked={!m} onChange={(e) => setMuted(!e.currentTarget.checked)} />
        {t('Speak instructions during a session')}
      </label>
    </section>
  );
}
