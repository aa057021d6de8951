import type { Complaint } from "../api";
import { useT } from "../i18n";
import { type Column, ComplaintTable } from "./ComplaintTable";

/** Escalations not yet acknowledged, as they happen: the supervisor's (or manager's) worklist. */
export function Escalations({ complaints, now, onOpen }: { complaints: Complaint[]; now: number; onOpen: (id: string) => void }) {
  const t = useT();
  const columns: Column[] = [
    { header: "level", cell: (c) => <span className={`level level-${c.escalationLevel}`}>{c.escalationLevel}</span> },
    { header: "team", cell: (c) => c.team },
    { header: "customer", cell: (c) => c.customerName ?? c.customerId },
    { header: "assignee", cell: (c) => c.assignee ?? t("unassigned") },
  ];
  return <ComplaintTable caption="escalations" empty="noEscalations" testId="escalations" columns={columns} complaints={complaints} now={now} onOpen={onOpen} />;
}
