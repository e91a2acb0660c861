import { useState } from 'preact/hooks';
import type { Tip } from '../types';
import { qs } from '../lib/api';
import { topicFrom, topicLabel, TOPICS, type Topic } from '../lib/tips';
import { ChoiceTiles, ErrorNote, Link, Loading, Page } from '../components/ui';
import { ShowMore, usePaged } from '../components/Paged';
import { t } from '../lib/i18n';

const ALL = 'all';

export function Tips() {
  const [topic, setTopic] = useState<Topic | ''>(() => topicFrom(new URLSearchParams(location.search).get('topic')));
  const q = usePaged<Tip>(`/api/tips/${qs({ topic, page_size: 20 })}`, (tp) => tp.slug);

  const choose = (v: string) => {
    const tp = v === ALL ? '' : topicFrom(v);
    setTopic(tp);
    // Keep the choice in the address, so Back and a reload show the same tips.
    history.replaceState(null, '', `/tips${qs({ topic: tp })}`);
  };

  return (
    <Page title={t('Tips for your back')} lead={<p class="muted">{t('Small changes to everyday habits that make life easier for your back.')}</p>}>
      <ChoiceTiles name="topic" legend={t('Show tips about')} options={[{ value: ALL, label: t('Everything') }, ...TOPICS]} value={topic || ALL} onChange={choose} />
      {q.loading && <Loading label={t('Loading tips…')} />}
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      {!q.loading && q.error == null && q.items.length === 0 && <p>{t('No tips on this topic yet.')}</p>}
      {!q.loading &&
        q.items.map((tp, i) => (
          <article class="card" key={tp.slug} aria-labelledby={`tip-${i}`}>
            {!topic && <p class="small muted" style={{ margin: 0 }}>{topicLabel(tp.topic)}</p>}
            <h2 id={`tip-${i}`} tabIndex={-1} style={{ marginTop: '.25rem' }}>
              {tp.title}
            </h2>
            <p>{tp.text}</p>
            {tp.nudge && (
              <p class="small">
                <strong>{t('In short:')}</strong> {tp.nudge}
              </p>
            )}
          </article>
        ))}
      {!q.loading && <ShowMore pager={q} noun="tip" focusId={(i) => `tip-${i}`} />}
      <p>
        <Link href="/today">{t('Back to Today')}</Link>
      </p>
    </Page>
  );
}
