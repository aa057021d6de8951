import { type Key, useT } from "../i18n";
import type { PagedComplaints } from "../usePagedComplaints";
import { type Column, ComplaintTable } from "./ComplaintTable";

interface Props {
  caption: Key;
  empty: Key;
  testId: string;
  list: PagedComplaints;
  now: number;
  onOpen: (id: string) => void;
}

/** A queue of open complaints (the whole queue, or what is at risk), each with a preview of what the customer says. */
export function Queue({ caption, empty, testId, list, now, onOpen }: Props) {
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
    // Text, never HTML: React escapes it, whatever the customer wrote.
    { header: "preview", cell: (c) => <span className="preview" data-testid="preview">{c.textTruncated ? `${c.text}…` : c.text}</span> },
    { header: "topic", cell: (c) => c.topic },
    { header: "status", cell: (c) => c.status },
    { header: "assignee", cell: (c) => c.assignee ?? t("unassigned") },
  ];
  return <ComplaintTable caption={caption} empty={empty} testId={testId} columns={columns} list={list} now={now} onOpen={onOpen} />;
}
