import type { TimelineEntry } from "../api";
import { useT } from "../i18n";

/** Only http(s) addresses become links: a connector's answer is outside input, never a `javascript:` URL. */
export function safeHref(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

interface Props {
  entry: TimelineEntry;
  timeline: TimelineEntry[];
  busy: boolean;
  onRetry: (deliveryId: string) => void;
}

const LABELS = { pending: "deliveryPending", delivered: "deliveryDelivered", failed: "deliveryFailed" } as const;

/** Where a response stands on its way to the customer's channel: pending, delivered (with a link to the reply), or failed with a retry. */
export function DeliveryState({ entry, timeline, busy, onRetry }: Props) {
  const t = useT();
  if (entry.type !== "responded" || !entry.delivery || entry.delivery === "none") return null;
  const receipt = timeline.find((other) => other.type === "responseDelivered" && other.deliveryId === entry.deliveryId);
  const href = safeHref(receipt?.url);
  return (
    <span className={`delivery delivery-${entry.delivery}`} data-testid="delivery">
      {" · "}
      {t(LABELS[entry.delivery])}
      {entry.delivery === "delivered" && href && (
        <>
          {" · "}
          <a href={href} target="_blank" rel="noopener noreferrer">
            {t("deliveryOpen")}
          </a>
        </>
      )}
      {entry.delivery === "failed" && entry.deliveryId && (
        <>
          {" "}
          <button type="button" className="link" disabled={busy} onClick={() => onRetry(entry.deliveryId!)}>
            {t("deliveryRetry")}
          </button>
        </>
      )}
    </span>
  );
}
