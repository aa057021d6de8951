import { useT } from "../i18n";
import type { PagedComplaints } from "../usePagedComplaints";
import { type Column, ComplaintTable } from "./ComplaintTable";

/** Escalations not yet acknowledged, as they happen: the supervisor's (or manager's) worklist. */
export function Escalations({ list, now, onOpen }: { list: PagedComplaints; now: number; onOpen: (id: string) => void }) {
  const t = useT();
  const columns: Column[] = [
    { header: "level", cell: (c) => <span className={`level level-${c.escalationLevel}`}>{c.escalationLevel}</span> },
    { header: "team", cell: (c) => c.team },
    { header: "customer", cell: (c) => c.customerName ?? c.customerId },
    { header: "assignee", cell: (c) => c.assignee ?? t("unassigned") },
  ];
  return <ComplaintTable caption="escalations" empty="noEscalations" testId="escalations" columns={columns} list={list} now={now} onOpen={onOpen} />;
}
