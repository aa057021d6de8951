import type { TimelineEntry } from "../api";
import { type Key, useT } from "../i18n";
import { DeliveryState } from "./Delivery";

/** Why the system moved a complaint, on an `assigned` entry. */
const ASSIGNMENT_REASONS: Record<string, Key> = { noReply: "reassignedNoReply", escalation: "reassignedByEscalation" };

interface Props {
  timeline: TimelineEntry[];
  busy: boolean;
  onRetry: (deliveryId: string) => void;
}

/**
 * What happened to the complaint, oldest first: who did what, each escalation's level and whom it told, reassignments
 * by the escalation chain (to the team queue when nobody was free), priority changes, and where responses stand.
 */
export function Timeline({ timeline, busy, onRetry }: Props) {
  const t = useT();
  const reason = (entry: TimelineEntry) => {
    if (!entry.reason) return "";
    const moved = entry.type === "assigned" ? ASSIGNMENT_REASONS[entry.reason] : undefined;
    return ` · ${t(moved ?? entry.reason)}`;
  };
  return (
    <ol className="timeline">
      {timeline.map((entry, index) => (
        <li key={index} data-type={entry.type}>
          <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> · <strong>{entry.type}</strong> · {entry.actor}
          {entry.agent ? ` → ${entry.agent}` : entry.type === "assigned" ? ` → ${t("teamQueue")}` : ""}
          {entry.level ? ` · ${t("level")} ${entry.level}` : ""}
          {reason(entry)}
          {entry.type === "priorityChanged" && entry.text ? ` · ${entry.text}` : ""}
          {entry.notifiedUsers && entry.notifiedUsers.length > 0 && (
            <span className="notified" data-testid="notified">
              {" · "}
              {t("notified")}: {entry.notifiedUsers.join(", ")}
            </span>
          )}
          <DeliveryState entry={entry} timeline={timeline} busy={busy} onRetry={onRetry} />
          {entry.text && entry.type !== "priorityChanged" ? <p className="entry-text">{entry.text}</p> : null}
        </li>
      ))}
    </ol>
  );
}
