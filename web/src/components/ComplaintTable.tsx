import type { ReactNode } from "react";
import type { Complaint } from "../api";
import { type Key, useT } from "../i18n";
import type { PagedComplaints } from "../usePagedComplaints";
import { ListFooter } from "./ListFooter";
import { SlaCell } from "./SlaCell";

export interface Column {
  header: Key;
  cell: (complaint: Complaint) => ReactNode;
}

interface Props {
  caption: Key;
  empty: Key;
  testId: string;
  columns: Column[];
  list: PagedComplaints;
  now: number;
  onOpen: (id: string) => void;
}

/**
 * A live, paged table of complaints: the given columns, then the next deadline's countdown and an Open button; more
 * rows load as it scrolls.
 */
export function ComplaintTable({ caption, empty, testId, columns, list, now, onOpen }: Props) {
  const t = useT();
  return (
    <>
      {list.rows.length === 0 && !list.loading && !list.error ? <p className="empty">{t(empty)}</p> : <Rows {...{ caption, testId, columns, complaints: list.rows, now, onOpen }} />}
      <ListFooter list={list} />
    </>
  );
}

function Rows({ caption, testId, columns, complaints, now, onOpen }: Omit<Props, "empty" | "list"> & { complaints: Complaint[] }) {
  const t = useT();
  return (
    <table className="queue" data-testid={testId}>
      <caption>{t(caption)}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column.header}>
              {t(column.header)}
            </th>
          ))}
          <th scope="col">{t("deadline")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("open")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {complaints.map((complaint) => (
          <tr key={complaint.id} data-complaint={complaint.id} data-external-id={complaint.externalId}>
            {columns.map((column) => (
              <td key={column.header}>{column.cell(complaint)}</td>
            ))}
            <SlaCell complaint={complaint} now={now} />
            <td>
              <button type="button" onClick={() => onOpen(complaint.id)} aria-label={`${t("open")}: ${complaint.customerName ?? complaint.customerId}, ${complaint.channel}`}>
                {t("open")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
