import { useEffect, useMemo, useRef, useState } from "react";
import type { Api, Breach, Session, SlaGroupBy, SlaQuery, SlaReport, SlaReportRow } from "../api";
import { SLA_GROUPS } from "../contract";
import { duration, percent } from "../format";
import { useT } from "../i18n";
import { BarChart } from "./BarChart";
import { validationMessages } from "./SaveFeedback";
import { TeamPicker } from "./TeamPicker";

/** How long live events must pause before the report is asked for again. */
const REFRESH_DELAY_MS = 300;
const DEFAULT_DAYS = 30;

const pad = (n: number) => String(n).padStart(2, "0");
const dateInput = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The period of two date inputs, whole local days; a period that reaches today ends now (null: the api's now). */
function period(from: string, to: string, now: number): Pick<SlaQuery, "from" | "to"> | null {
  const start = new Date(`${from}T00:00`);
  const end = new Date(`${to}T00:00`);
  end.setDate(end.getDate() + 1);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  return { from: start, to: end.getTime() > now ? null : end };
}

/** The key of a row of facts without one (the api's): deadlines nobody held, by agent. */
const NO_KEY = "(none)";

/** A row's key as shown: a topic by its name, the agent row of deadlines nobody held as unassigned. */
const rowLabel = (t: ReturnType<typeof useT>, groupBy: SlaGroupBy, key: string) =>
  groupBy === "agent" && key === NO_KEY ? t("unassigned") : groupBy === "topic" ? t(key) : key;

interface Props {
  client: Api;
  session: Session;
  /** Counts the live events that can change the report: it is fetched again (debounced) when it changes. */
  version: number;
  onOpen: (complaintId: string) => void;
  onError: (error: unknown) => void;
}

/**
 * SLA compliance over a period, grouped by agent, team, channel, priority or topic, as a chart and a table with an
 * export to CSV, and the deadlines missed in it. A supervisor sees their team; managers and admins any team or all.
 */
export function SlaReports({ client, session, version, onOpen, onError }: Props) {
  const t = useT();
  const [from, setFrom] = useState(() => dateInput(new Date(Date.now() - DEFAULT_DAYS * 86400000)));
  const [to, setTo] = useState(() => dateInput(new Date()));
  const [groupBy, setGroupBy] = useState<SlaGroupBy>("agent");
  const [chosen, setChosen] = useState<string | null>(null);
  const [report, setReport] = useState<SlaReport | null>(null);
  const [breaches, setBreaches] = useState<Breach[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  // Only the latest request's answer is shown: one asked for before the period or grouping changed may come later.
  const latest = useRef(0);
  const team = session.team ?? chosen;

  useEffect(() => {
    const timer = setTimeout(
      () => {
        const bounds = period(from, to, Date.now());
        if (!bounds) return;
        const request = ++latest.current;
        const query = { ...bounds, team };
        Promise.all([client.slaReport(query, groupBy), client.breaches(query)]).then(
          ([next, missed]) => {
            if (request !== latest.current) return;
            setReport(next);
            setBreaches(missed);
            setProblem(null);
          },
          (error: unknown) => {
            if (request !== latest.current) return;
            const messages = validationMessages(error);
            if (messages) setProblem(messages.join(" "));
            else onError(error);
          },
        );
      },
      version === 0 ? 0 : REFRESH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [client, from, to, groupBy, team, version, onError]);

  const label = (key: string) => rowLabel(t, report?.groupBy ?? groupBy, key);
  const chart = useMemo(
    () =>
      report && {
        labels: report.rows.map((row) => rowLabel(t, report.groupBy, row.key)),
        series: [
          {
            label: `${t("compliance")} (%)`,
            values: report.rows.map((row) => (row.compliance === null ? 0 : Math.round(row.compliance * 1000) / 10)),
            colors: report.rows.map((row) => (row.missed > 0 ? "#b3261e" : "#1e7d3a")),
          },
        ],
      },
    [report, t],
  );

  const exportCsv = async () => {
    const bounds = period(from, to, Date.now());
    if (!bounds) return;
    setExporting(true);
    try {
      const blob = await client.slaReportCsv({ ...bounds, team }, groupBy);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `sla-report-${team ?? "all"}-${groupBy}-${from}-${to}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked once the browser has taken the file.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      onError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section aria-labelledby="sla-report-title" data-testid="sla-reports">
      <div className="dashboard-head">
        <h2 id="sla-report-title">{t("slaReport")}</h2>
      </div>
      <form className="filters" aria-label={t("period")} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("from")}
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          {t("to")}
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <label>
          {t("groupBy")}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as SlaGroupBy)}>
            {SLA_GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(group)}
              </option>
            ))}
          </select>
        </label>
        {!session.team && <TeamPicker client={client} value={chosen} onChange={setChosen} all onError={onError} />}
        <button type="button" disabled={exporting || !report} onClick={() => void exportCsv()}>
          {t("exportCsv")}
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {report && chart && (
        <>
          <div className="charts">
            <BarChart title={`${t("compliance")}: ${t(report.groupBy)}`} labels={chart.labels} series={chart.series} testId="sla-chart" />
          </div>
          <ReportTable report={report} label={label} />
          <h3>{t("breaches")}</h3>
          <BreachList breaches={breaches} onOpen={onOpen} />
        </>
      )}
    </section>
  );
}

/** The figures of the rows and their total (percentiles do not add up: none for the total). */
function ReportTable({ report, label }: { report: SlaReport; label: (key: string) => string }) {
  const t = useT();
  const sum = (field: "deadlines" | "met" | "missed" | "escalations") => report.rows.reduce((total, row) => total + row[field], 0);
  const [met, missed] = [sum("met"), sum("missed")];
  const total = { deadlines: sum("deadlines"), met, missed, escalations: sum("escalations"), compliance: met + missed === 0 ? null : met / (met + missed) };
  const cells = (row: Omit<SlaReportRow, "key" | "firstResponseSeconds">) => (
    <>
      <td data-column="deadlines">{row.deadlines}</td>
      <td data-column="met">{row.met}</td>
      <td data-column="missed">{row.missed}</td>
      <td data-column="compliance">{percent(row.compliance)}</td>
      <td data-column="escalations">{row.escalations}</td>
    </>
  );
  return (
    <>
      <table className="queue" data-testid="sla-report" data-group-by={report.groupBy}>
        <caption>
          {t("slaReport")}: {t(report.groupBy)}, {new Date(report.from).toLocaleDateString()} – {new Date(report.to).toLocaleDateString()}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(report.groupBy)}</th>
            <th scope="col">{t("deadlines")}</th>
            <th scope="col">{t("met")}</th>
            <th scope="col">{t("missed")}</th>
            <th scope="col">{t("compliance")}</th>
            <th scope="col">{t("escalations")}</th>
            <th scope="col">{t("firstResponseTime")}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{label(row.key)}</th>
              {cells(row)}
              <td>
                {duration(row.firstResponseSeconds.p50)} / {duration(row.firstResponseSeconds.p90)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="sla-total" data-deadlines={total.deadlines} data-missed={total.missed} data-escalations={total.escalations}>
            <th scope="row">{t("total")}</th>
            {cells(total)}
            <td>–</td>
          </tr>
        </tfoot>
      </table>
      {report.rows.length === 0 && <p className="empty">{t("noDeadlines")}</p>}
    </>
  );
}

/** The deadlines missed in the period, each opening its complaint. */
function BreachList({ breaches, onOpen }: { breaches: Breach[]; onOpen: (complaintId: string) => void }) {
  const t = useT();
  if (breaches.length === 0) return <p className="empty">{t("noBreaches")}</p>;
  const time = (iso: string) => <time dateTime={iso}>{new Date(iso).toLocaleString()}</time>;
  return (
    <table className="queue" data-testid="breaches">
      <thead>
        <tr>
          <th scope="col">{t("complaintText")}</th>
          <th scope="col">{t("reason")}</th>
          <th scope="col">{t("deadlineDate")}</th>
          <th scope="col">{t("answered")}</th>
          <th scope="col">{t("assignee")}</th>
          <th scope="col">{t("team")}</th>
          <th scope="col">{t("channel")}</th>
          <th scope="col">{t("priority")}</th>
        </tr>
      </thead>
      <tbody>
        {breaches.map((breach) => (
          <tr key={`${breach.complaintId}-${breach.reason}-${breach.dueAt}`} data-complaint={breach.complaintId}>
            <td>
              <button type="button" className="link" onClick={() => onOpen(breach.complaintId)} aria-label={`${t("open")}: ${breach.complaintId}`}>
                {breach.complaintId.slice(0, 8)}
              </button>
            </td>
            <td>{t(breach.reason)}</td>
            <td>{time(breach.dueAt)}</td>
            <td>{breach.answeredAt ? time(breach.answeredAt) : t("notAnswered")}</td>
            <td>{breach.assignee ?? t("unassigned")}</td>
            <td>{breach.team}</td>
            <td>{breach.channel}</td>
            <td>
              {breach.priority ? <span className={`priority priority-${breach.priority}`}>{breach.priority}</span> : "–"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
