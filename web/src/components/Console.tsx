import { useCallback, useEffect, useMemo, useState } from "react";
import { api, ApiError, type Complaint, type ConsoleEvent, type Session } from "../api";
import type { EventName } from "../events";
import { type ImprovementEvent, useConsoleHub } from "../hub";
import { useT } from "../i18n";
import { isOpen } from "../sla";
import { ComplaintPanel } from "./ComplaintPanel";
import { Dashboard } from "./Dashboard";
import { Escalations } from "./Escalations";
import { Queue } from "./Queue";
import { TeamLoad } from "./TeamLoad";
import { Toasts, type Toast } from "./Toasts";

type Tab = "queue" | "escalations" | "team" | "dashboard";

/** The signed-in console: live state from the hub, resynchronised over REST after every (re)connection. */
export function Console({ session, onUnauthorized }: { session: Session; onUnauthorized: () => void }) {
  const t = useT();
  const client = useMemo(() => api(session.accessToken), [session.accessToken]);
  const oversees = session.role !== "agent";
  const tabs: Tab[] =
    session.role === "agent" ? ["queue"] : session.role === "supervisor" ? ["escalations", "queue", "team", "dashboard"] : ["escalations", "queue", "dashboard"];
  const [tab, setTab] = useState<Tab>(tabs[0]);
  const [complaints, setComplaints] = useState<Map<string, Complaint>>(new Map());
  const [selected, setSelected] = useState<string | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [unseen, setUnseen] = useState(0);
  // Counts live events, so that views built from REST (dashboard, team load) fetch again when something happened.
  const [version, setVersion] = useState(0);
  const now = useNow();

  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) onUnauthorized();
      else setToasts((list) => [...list, { id: crypto.randomUUID(), kind: "error", text: (error as Error).message }]);
    },
    [onUnauthorized],
  );

  const resync = useCallback(() => {
    client.openComplaints().then((list) => setComplaints(new Map(list.map((c) => [c.id, c]))), fail);
  }, [client, fail]);

  const upsert = useCallback((complaint: Complaint) => {
    setComplaints((previous) => {
      const next = new Map(previous);
      if (isOpen(complaint)) next.set(complaint.id, complaint);
      else next.delete(complaint.id);
      return next;
    });
  }, []);

  const onEvent = (name: EventName, event: ConsoleEvent) => {
    const { complaintId, at, reason, dueAt, level, ...complaint } = event;
    upsert(complaint);
    setVersion((v) => v + 1);
    const headline =
      name === "complaintCreated" ? t("newComplaint")
      : name === "slaWarning" ? `${t("slaWarning")}: ${t(reason ?? "")}`
      : name === "complaintEscalated" ? `${t("escalated")} (${t("level")} ${level})`
      : null;
    if (headline) {
      setUnseen((n) => n + 1);
      const kind = name === "complaintCreated" ? "info" : name === "slaWarning" ? "warning" : "danger";
      setToasts((list) => [...list.slice(-3), { id: `${complaintId}-${name}-${at}`, kind, text: `${headline}: ${complaint.customerName ?? complaint.customerId} · ${complaint.channel}` }]);
    }
  };

  const onImprovementOverdue = (event: ImprovementEvent) => {
    setVersion((v) => v + 1);
    setUnseen((n) => n + 1);
    setToasts((list) => [...list.slice(-3), { id: `${event.improvement.id}-overdue`, kind: "danger", text: `${t("improvementOverdue")}: ${event.improvement.title}` }]);
  };

  const connection = useConsoleHub(session.accessToken, onEvent, resync, onImprovementOverdue);
  const open = [...complaints.values()].sort((a, b) => a.priority.localeCompare(b.priority) || a.createdAt.localeCompare(b.createdAt));
  const current = selected ? complaints.get(selected) : undefined;

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
          {tab === "queue" && <Queue complaints={open} now={now} onOpen={setSelected} />}
          {tab === "escalations" && (
            <Escalations complaints={open.filter((c) => !c.escalationAcknowledged && c.escalationLevel >= (session.role === "supervisor" ? 1 : 2))} now={now} onOpen={setSelected} />
          )}
          {tab === "team" && session.team && <TeamLoad client={client} team={session.team} complaints={open} onError={fail} />}
          {tab === "dashboard" && <Dashboard client={client} version={version} canEdit={oversees} onError={fail} />}
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
            onClose={() => setSelected(null)}
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
