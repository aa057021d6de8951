import { useEffect, useRef } from "react";
import { useT } from "../i18n";
import type { PagedComplaints } from "../usePagedComplaints";

/**
 * Under a paged list: how many rows of how many are loaded, a loading indicator, a failure with a retry, and the
 * sentinel that asks for the next page as soon as it scrolls into view.
 */
export function ListFooter({ list }: { list: PagedComplaints }) {
  const t = useT();
  const sentinel = useRef<HTMLDivElement>(null);
  const { next, error, loadMore } = list;
  const loaded = list.rows.length;

  // Observed anew after every page: a sentinel still in view after a short page asks for the next one at once.
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [next, loaded, loadMore]);

  return (
    <div className="list-footer">
      <p className="list-count" data-testid="list-count">
        {loaded} {t("of")} {list.total}
      </p>
      {list.loading && (
        <p className="loading" role="status" data-testid="loading">
          {t("loading")}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="list-error">
          {t("loadFailed")}: {error}{" "}
          <button type="button" onClick={loadMore}>
            {t("retry")}
          </button>
        </p>
      )}
      {next && !error && <div ref={sentinel} className="sentinel" data-testid="sentinel" aria-hidden="true" />}
    </div>
  );
}
