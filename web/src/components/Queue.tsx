import type { Complaint } from "../api";
import { useT } from "../i18n";
import { type Column, ComplaintTable } from "./ComplaintTable";

export function Queue({ complaints, now, onOpen }: { complaints: Complaint[]; now: number; onOpen: (id: string) => void }) {
  const t = useT();
  const columns: Column[] = [
    { header: "priority", cell: (c) => <span className={`priority priority-${c.priority}`}>{c.priority}</span> },
    {
      header: "channel",
      cell: (c) => (
        <>
          {c.channel}
          {c.public && <span className="public-tag">{t("publicPost")}</span>}
        </>
      ),
    },
    { header: "customer", cell: (c) => c.customerName ?? c.customerId },
    { header: "topic", cell: (c) => c.topic },
    { header: "status", cell: (c) => c.status },
    { header: "assignee", cell: (c) => c.assignee ?? t("unassigned") },
  ];
  return <ComplaintTable caption="queue" empty="noComplaints" testId="queue" columns={columns} complaints={complaints} now={now} onOpen={onOpen} />;
}
