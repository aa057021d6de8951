import { useCallback, useEffect, useRef, useState } from "react";
import type { Api, Complaint } from "./api";
import { appendPage, applyEvent, type ComplaintFilter, firstPageUrl, type ListState, type LiveChange, matches, replay } from "./complaintList";

/** A complaint list as the console shows it: loaded page by page, kept current by live events. */
export interface PagedComplaints extends ListState {
  loading: boolean;
  error: string | null;
  /** Fetches the next page (or retries the one that failed); does nothing while a page is on its way. */
  loadMore: () => void;
}

const EMPTY: ListState = { rows: [], total: 0, next: null, boundary: null };

/**
 * The list the filter asks for, from its first page whenever the filter changes or `reload` runs (after every
 * (re)connection and on `resync`); `apply` puts a live event's complaint where the filter and order say. A failure
 * shows in the list (with a retry) and is also told to `onFailure`.
 */
export function usePagedComplaints(client: Api, filter: ComplaintFilter, username: string, onFailure: (error: unknown) => void) {
  const [state, setState] = useState<ListState>(EMPTY);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The failed page's URL, so that a retry asks for it again; the generation, so that a page asked for before the
  // filter changed is dropped; and, while a first page is on its way, the live events since it was asked for.
  const pending = useRef<{ url: string | null; generation: number; busy: boolean; missed: LiveChange[] | null }>({
    url: null,
    generation: 0,
    busy: false,
    missed: null,
  });
  // The first page's URL of the rows shown: another filter's rows go at once, a reload keeps them until it answers.
  const shown = useRef<string | null>(null);

  const fetchPage = useCallback(
    (url: string, first: boolean) => {
      const generation = first ? pending.current.generation + 1 : pending.current.generation;
      pending.current = { url, generation, busy: true, missed: first ? [] : null };
      if (first && shown.current !== url) {
        shown.current = url;
        setState(EMPTY);
      }
      setLoading(true);
      setError(null);
      client.complaints(url).then(
        (page) => {
          if (pending.current.generation !== generation) return;
          const missed = pending.current.missed ?? [];
          pending.current = { url: null, generation, busy: false, missed: null };
          setState((previous) => replay(appendPage(first ? EMPTY : previous, page.rows, page.total, page.next), missed));
          setLoading(false);
        },
        (failure: unknown) => {
          if (pending.current.generation !== generation) return;
          pending.current = { ...pending.current, busy: false, missed: null };
          setLoading(false);
          setError((failure as Error).message);
          onFailure(failure);
        },
      );
    },
    [client, onFailure],
  );

  const first = firstPageUrl(filter);
  const reload = useCallback(() => fetchPage(first, true), [fetchPage, first]);
  useEffect(reload, [reload]);

  const loadMore = useCallback(() => {
    const { url, busy } = pending.current;
    if (busy) return;
    if (url) fetchPage(url, url === first);
    else if (state.next) fetchPage(state.next, false);
  }, [fetchPage, first, state.next]);

  const apply = useCallback(
    (complaint: Complaint, created: boolean) => {
      const change = { complaint, fits: matches(filter, complaint, username, Date.now()), created };
      pending.current.missed?.push(change);
      setState((previous) => applyEvent(previous, change));
    },
    [filter, username],
  );

  const list: PagedComplaints = { ...state, loading, error, loadMore };
  return { list, reload, apply };
}
