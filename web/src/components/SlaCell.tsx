import type { Complaint } from "../api";
import { useT } from "../i18n";
import { countdown, slaState } from "../sla";

/** The next deadline as a live countdown, coloured and named by its state (not by colour alone). */
export function SlaCell({ complaint, now }: { complaint: Complaint; now: number }) {
  const t = useT();
  const state = slaState(complaint, now);
  return (
    <td className={`sla sla-${state}`} data-sla={state}>
      <span className="sla-state">{t(state)}</span>
      {complaint.nextDueAt && state !== "paused" && (
        <>
          {" "}
          <time dateTime={complaint.nextDueAt} className="countdown">
            {countdown(complaint.nextDueAt, now)}
          </time>{" "}
          <span className="sla-reason">{t(complaint.nextDueReason ?? "")}</span>
        </>
      )}
    </td>
  );
}
