import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ExerciseSummary } from '../../types';
import { qs } from '../../lib/api';
import { doseText, ErrorNote, Field } from '../../components/ui';
import { ShowMore, usePaged } from '../../components/Paged';
import { locale, t } from '../../lib/i18n';

function uniq(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort();
}

/** A small picture of an exercise's first pose (the pose SVG endpoint), or nothing. */
export function Thumb({ url }: { url?: string }) {
  if (!url) return <span class="thumb" aria-hidden="true" />;
  return <img class="thumb" src={url} alt="" width={56} height={56} loading="lazy" decoding="async" />;
}

/** The exercise library: search and filters, each exercise with an Add button. */
export function Library({ onAdd, added, all }: { onAdd: (e: ExerciseSummary) => void; added: Set<string>; all: ExerciseSummary[] | null }) {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [category, setCategory] = useState('');
  const [position, setPosition] = useState('');
  const [desk, setDesk] = useState(false);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(search.trim()), 300);
    return () => window.clearTimeout(t);
  }, [search]);
  const q = usePaged<ExerciseSummary>(`/api/exercises/${qs({ search: debounced, category, position, desk_friendly: desk ? 'true' : '', page_size: 50 })}`, (e) => e.slug);
  const options = useMemo(() => {
    const list = all ?? [];
    return { categories: uniq(list.map((e) => e.category)), positions: uniq(list.map((e) => e.position)) };
  }, [all]);
  const list = q.items;
  return (
    <section class="card" aria-labelledby="lib-h">
      <h2 id="lib-h" style={{ marginTop: 0 }}>
        {t('Exercise library')}
      </h2>
      <Field id="lib-search" label={t('Search')}>
        <input id="lib-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </Field>
      <div class="grid2">
        <Field id="lib-cat" label={t('Category')}>
          <select id="lib-cat" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('Any')}</option>
            {options.categories.map((c) => (
              <option key={c} value={c}>
                {c.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </Field>
        <Field id="lib-pos" label={t('Position')}>
          <select id="lib-pos" value={position} onChange={(e) => setPosition(e.currentTarget.value)}>
            <option value="">{t('Any')}</option>
            {options.positions.map((c) => (
              <option key={c} value={c}>
                {c.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <label class="check">
        <input type="checkbox" checked={desk} onChange={(e) => setDesk(e.currentTarget.checked)} />
        {t('Desk-friendly only')}
      </label>
      <p role="status" class="small muted">
        {q.loading ? t('Searching…') : t('{count, plural, one {# exercise found} other {# exercises found}}', { count: q.count ?? list.length })}
      </p>
      {q.error != null && <ErrorNote error={q.error} retry={q.reload} />}
      <ul class="plain" style={{ maxHeight: '28rem', overflowY: 'auto' }}>
        {list.map((e, i) => (
          <li key={e.slug} class="spread lib-item">
            <Thumb url={e.poses?.[0]?.svg_url} />
            <span style={{ flex: '1 1 10rem' }}>
              <strong>{e.name}</strong>
              {e.language && e.language !== locale() ? <span class="small muted"> · {t('English only')}</span> : null}
              <br />
              <span class="small muted">
                {e.summary} · {doseText(e.dosage)}
              </span>
            </span>
            <button id={`lib-${i}`} class="btn" type="button" onClick={() => onAdd(e)} aria-label={added.has(e.slug) ? t('Add again {name}', { name: e.name }) : t('Add {name}', { name: e.name })}>
              {added.has(e.slug) ? t('Add again') : t('Add')}
            </button>
          </li>
        ))}
      </ul>
      {!q.loading && <ShowMore pager={q} noun="exercise" focusId={(i) => `lib-${i}`} />}
    </section>
  );
}
