// A paginated list that follows DRF `next` links with a "Show more" button.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../lib/client';
import { appendPage, nextPath, shownText, type PageLike } from '../lib/paging';
import { ErrorNote } from './ui';
import { t } from '../lib/i18n';

export interface Paged<T> {
  items: T[];
  count: number | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  moreError: unknown;
  hasMore: boolean;
  loadMore: () => Promise<number | null>;
  reload: () => void;
}

/** Loads the first page when `first` changes; `loadMore` appends the next page. */
export function usePaged<T>(first: string, key: (t: T) => string | number): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [n, setN] = useState(0);
  // Ignore answers for an older `first` (the user changed the search meanwhile).
  const generation = useRef(0);
  const keyRef = useRef(key);
  keyRef.current = key;

  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    setMoreError(null);
    api.get<PageLike<T>>(first).then(
      (p) => {
        if (gen !== generation.current) return;
        setItems(p.results ?? []);
        setCount(p.count ?? (p.results ?? []).length);
        setNext(nextPath(p.next));
        setLoading(false);
      },
      (e) => {
        if (gen !== generation.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [first, n]);

  const loadMore = useCallback(async (): Promise<number | null> => {
    if (!next || loadingMore) return null;
    const gen = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const p = await api.get<PageLike<T>>(next);
      if (gen !== generation.current) return null;
      const before = items.length;
      setItems(appendPage(items, p.results ?? [], keyRef.current));
      setCount(p.count ?? count);
      setNext(nextPath(p.next));
      return before;
    } catch (e) {
      if (gen === generation.current) setMoreError(e);
      return null;
    } finally {
      if (gen === generation.current) setLoadingMore(false);
    }
  }, [next, loadingMore, items, count]);

  const reload = useCallback(() => setN((x) => x + 1), []);
  return { items, count, loading, loadingMore, error, moreError, hasMore: !!next, loadMore, reload };
}

/**
 * "Showing 50 of 120" plus a "Show more" button. After a page arrives, focus moves to the first
 * new row (`focusId(index)`), so keyboard and screen-reader users carry on where the list grew.
 */
export function ShowMore<T>({ pager, noun, plural, focusId }: { pager: Paged<T>; noun: string; plural?: string; focusId?: (index: number) => string }) {
  if (pager.count == null || pager.items.length === 0) return null;
  async function more() {
    const from = await pager.loadMore();
    if (from == null) return;
    if (focusId) window.setTimeout(() => document.getElementById(focusId(from))?.focus(), 0);
  }
  return (
    <div class="more">
      <p class="small muted" role="status">
        {shownText(pager.items.length, Math.max(pager.count, pager.items.length), noun, plural)}
      </p>
      {pager.moreError != null && <ErrorNote error={pager.moreError} />}
      {pager.hasMore && (
        <button class="btn" type="button" disabled={pager.loadingMore} aria-busy={pager.loadingMore} onClick={() => void more()}>
          {pager.loadingMore ? t('Loading…') : t('Show more')}
        </button>
      )}
    </div>
  );
}
