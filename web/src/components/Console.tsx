import { useCallback, useEffect, useMemo, useState } from "react";
import { api, ApiError, type Complaint, type ConsoleEvent, type Session } from "../api";
import { type ComplaintFilter, NO_FILTER } from "../complaintList";
import type { EventName } from "../events";
import { type ImprovementEvent, useConsoleHub } from "../hub";
import { useT } from "../i18n";
import { usePagedComplaints } from "../usePagedComplaints";
import { ComplaintPanel } from "./ComplaintPanel";
import { Dashboard } from "./Dashboard";
import { Escalations } from "./Escalations";
import { Queue } from "./Queue";
import { QueueFilters } from "./QueueFilters";
import { SlaReports } from "./SlaReports";
import { TeamView } from "./TeamView";
import { Toasts, type Toast } from "./Toasts";

type Tab = "queue" | "escalations" | "atRisk" | "team" | "dashboard" | "slaReport";

/** The events that can change an SLA report: a deadline missed (and escalated), answered, or the complaint resolved. */
const REPORT_EVENTS: readonly EventName[] = ["complaintEscalated", "complaintUpdated", "complaintResolved"];

const ESCALATED: ComplaintFilter = { ...NO_FILTER, escalated: true };
const AT_RISK: ComplaintFilter = { ...NO_FILTER, atRisk: true };
const AT_RISK_REFRESH_MS = 60_000;
const expired = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * The signed-in console: the open tab's complaint list, paged over REST and kept current by the hub's live events;
 * fetched again from its first page after every (re)connection and on `resync`.
 */
export function Console({ session, onUnauthorized }: { session: Session; onUnauthorized: () => void }) {
  const t = useT();
  const client = useMemo(() => api(session.accessToken), [session.accessToken]);
  const oversees = session.role !== "agent";
  const tabs: Tab[] = session.role === "agent" ? ["queue"] : ["escalations", "atRisk", "queue", "team", "dashboard", "slaReport"];
  const [tab, setTab] = useState<Tab>(tabs[0]);
  const [queueFilter, setQueueFilter] = useState<ComplaintFilter>(NO_FILTER);
  const [current, setCurrent] = useState<Complaint | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [unseen, setUnseen] = useState(0);
  // Counts live events, so that views built from REST (dashboard, team load) fetch again when something happened.
  const [version, setVersion] = useState(0);
  // Counts only the events that can change an SLA report (and reconnections, after which it may have missed some).
  const [reportVersion, setReportVersion] = useState(0);
  const now = useNow();

  const fail = useCallback(
    (error: unknown) => {
      if (expired(error)) onUnauthorized();
      else setToasts((list) => [...list, { id: crypto.randomUUID(), kind: "error", text: (error as Error).message }]);
    },
    [onUnauthorized],
  );

  // A list that fails shows it in place, with a retry; only an expired session goes further.
  const unauthorized = useCallback(
    (error: unknown) => {
      if (expired(error)) onUnauthorized();
    },
    [onUnauthorized],
  );
  const filter = tab === "escalations" ? ESCALATED : tab === "atRisk" ? AT_RISK : queueFilter;
  const { list, reload, apply } = usePagedComplaints(client, filter, session.username, unauthorized);

  // Time alone brings complaints within 15 minutes of their deadline, with no event: the at-risk view asks again each minute.
  useEffect(() => {
    if (tab !== "atRisk") return;
    const timer = setInterval(reload, AT_RISK_REFRESH_MS);
    return () => clearInterval(timer);
  }, [tab, reload]);

  const upsert = useCallback(
    (complaint: Complaint, created = false) => {
      apply(complaint, created);
      setCurrent((open) => (open?.id === complaint.id ? complaint : open));
    },
    [apply],
  );

  const onEvent = (name: EventName, event: ConsoleEvent) => {
    const { complaintId, at, reason, dueAt, level, deliveryId, recipients, ...complaint } = event;
    upsert(complaint, name === "complaintCreated");
    setVersion((v) => v + 1);
    if (REPORT_EVENTS.includes(name)) setReportVersion((v) => v + 1);
    const headline =
      name === "complaintCreated" ? t("newComplaint")
      : name === "slaWarning" ? `${t("slaWarning")}: ${t(reason ?? "")}`
      : name === "complaintEscalated" ? `${t("escalated")} (${t("level")} ${level})`
      : name === "deliveryFailed" ? `${t("deliveryFailed")}: ${reason ?? ""}`
      : null;
    if (headline) {
      setUnseen((n) => n + 1);
      const kind = name === "complaintCreated" ? "info" : name === "slaWarning" || name === "deliveryFailed" ? "warning" : "danger";
      setToasts((list) => [...list.slice(-3), { id: `${complaintId}-${name}-${at}`, kind, text: `${headline}: ${complaint.customerName ?? complaint.customerId} · ${complaint.channel}` }]);
    }
  };

  const onImprovementOverdue = (event: ImprovementEvent) => {
    setVersion((v) => v + 1);
    setUnseen((n) => n + 1);
    setToasts((list) => [...list.slice(-3), { id: `${event.improvement.id}-overdue`, kind: "danger", text: `${t("improvementOverdue")}: ${event.improvement.title}` }]);
  };

  const onConnected = () => {
    reload();
    setReportVersion((v) => v + 1);
  };
  const connection = useConsoleHub(session.accessToken, onEvent, onConnected, onImprovementOverdue);
  const select = (id: string) => setCurrent(list.rows.find((complaint) => complaint.id === id) ?? null);
  // A complaint named outside the lists (a report's breach) may not be loaded: it is fetched.
  const open = (id: string) => {
    const loaded = list.rows.find((complaint) => complaint.id === id);
    if (loaded) setCurrent(loaded);
    else client.details(id).then(({ timeline, ...complaint }) => setCurrent(complaint), fail);
  };

  return (
    <main className="console">
      {connection !== "connected" && (
        <div role="status" className="banner" data-testid="connection-banner">
          {connection === "connecting" ? t("connecting") : t("reconnecting")}
        </div>
      )}
      <nav className="tabs" aria-label={t("appName")}>
        {tabs.map((name) => (
          <button key={name} type="button" aria-pressed={tab === name} onClick={() => setTab(name)}>
            {t(name)}
          </button>
        ))}
        <button type="button" className={unseen > 0 ? "badge unseen" : "badge"} onClick={() => setUnseen(0)} aria-label={`${unseen} ${t("alerts")}`} data-testid="badge">
          {unseen}
        </button>
      </nav>
      <div className="layout">
        <section className="main-view">
          {tab === "queue" && (
            <>
              <QueueFilters filter={queueFilter} onChange={setQueueFilter} />
              <Queue caption="queue" empty="noComplaints" testId="queue" list={list} now={now} onOpen={select} />
            </>
          )}
          {tab === "atRisk" && <Queue caption="atRisk" empty="noneAtRisk" testId="at-risk" list={list} now={now} onOpen={select} />}
          {tab === "escalations" && <Escalations list={list} now={now} onOpen={select} />}
          {tab === "team" && <TeamView client={client} session={session} version={version} onError={fail} />}
          {tab === "dashboard" && <Dashboard client={client} version={version} canEdit={oversees} onError={fail} />}
          {tab === "slaReport" && <SlaReports client={client} session={session} version={reportVersion} onOpen={open} onError={fail} />}
        </section>
        {current && (
          <ComplaintPanel
            key={current.id}
            complaint={current}
            client={client}
            session={session}
            oversees={oversees}
            now={now}
            onChanged={upsert}
            onError={fail}
            onClose={() => setCurrent(null)}
          />
        )}
      </div>
      <Toasts toasts={toasts} onDismiss={(id) => setToasts((list) => list.filter((toast) => toast.id !== id))} />
    </main>
  );
}

/** The current time, ticking every second: drives every countdown at once. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
