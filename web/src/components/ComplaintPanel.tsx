import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Api, Complaint, ComplaintDetails, DraftCheck, Session, TeamOverview } from "../api";
import { useT } from "../i18n";
import { countdown, slaState } from "../sla";
import { CustomerHistory } from "./CustomerHistory";
import { safeHref } from "./Delivery";
import { Timeline } from "./Timeline";

interface Props {
  complaint: Complaint;
  client: Api;
  session: Session;
  oversees: boolean;
  now: number;
  onChanged: (complaint: Complaint) => void;
  onError: (error: unknown) => void;
  onClose: () => void;
}

/** One complaint: its text (always as text), the customer's history, the timeline, and what can be done next. */
export function ComplaintPanel({ complaint, client, session, oversees, now, onChanged, onError, onClose }: Props) {
  const t = useT();
  const [details, setDetails] = useState<ComplaintDetails | null>(null);
  const [team, setTeam] = useState<TeamOverview | null>(null);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState("");
  const [check, setCheck] = useState<DraftCheck | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  // The summary changes with every event; the timeline is fetched again with it.
  useEffect(() => {
    client.details(complaint.id).then(setDetails, onError);
  }, [client, complaint, onError]);
  useEffect(() => {
    if (oversees) client.team(complaint.team).then(setTeam, onError);
  }, [client, complaint.team, oversees, onError]);

  const act = async (action: () => Promise<Complaint>) => {
    setBusy(true);
    try {
      onChanged(await action());
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const respond = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void act(() => client.respond(complaint.id, draft, data.get("public") === "on")).then(() => {
      form.reset();
      setDraft("");
      setCheck(null);
    });
  };

  const resolve = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act(() => client.resolve(complaint.id, String(new FormData(event.currentTarget).get("note") ?? "")));
  };

  const assign = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act(() => client.assign(complaint.id, String(new FormData(event.currentTarget).get("agent"))));
  };

  const state = slaState(complaint, now);
  const canAnswer = ["new", "assigned", "responded", "waitingForCustomer"].includes(complaint.status);
  return (
    <aside className="panel" aria-labelledby="panel-title" data-testid="complaint-panel">
      <div className="panel-head">
        <h2 id="panel-title" tabIndex={-1} ref={heading}>
          {complaint.priority} · {complaint.customerName ?? complaint.customerId} · {complaint.channel}
        </h2>
        <button type="button" onClick={onClose}>
          {t("close")}
        </button>
      </div>
      <p className={`sla-line sla-${state}`}>
        {t(state)}
        {complaint.nextDueAt && state !== "paused" ? ` · ${countdown(complaint.nextDueAt, now)} · ${t(complaint.nextDueReason ?? "")}` : ""}
        {" · "}
        {complaint.status}
        {complaint.escalationLevel > 0 ? ` · ${t("escalated")} ${t("level")} ${complaint.escalationLevel}` : ""}
      </p>
      <p className="sla-policy" data-testid="sla-policy">
        {t("slaPolicy")}: {complaint.slaPolicy}
      </p>

      <h3>{t("complaintText")}</h3>
      <p className="complaint-text" data-testid="complaint-text">
        {(details ?? complaint).text}
      </p>
      {complaint.attachments.length > 0 && (
        <ul className="attachments" data-testid="attachments">
          {complaint.attachments.map((attachment, index) => {
            const href = safeHref(attachment.url);
            const label = attachment.name ?? attachment.url;
            return (
              <li key={index}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {label}
                  </a>
                ) : (
                  label
                )}
                {attachment.contentType ? ` · ${attachment.contentType}` : ""}
              </li>
            );
          })}
        </ul>
      )}
      {safeHref(complaint.url) && (
        <p>
          <a href={safeHref(complaint.url)!} target="_blank" rel="noopener noreferrer" data-testid="original-post">
            {t("originalPost")}
          </a>
        </p>
      )}
      <details>
        <summary>{t("reasons")}</summary>
        <ul>
          {[...complaint.priorityReasons, ...complaint.triageReasons].map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </details>

      <h3>{t("history")}</h3>
      <CustomerHistory customerId={complaint.customerId} client={client} oversees={oversees} onError={onError} />

      <div className="actions">
        {canAnswer && (
          <form onSubmit={respond}>
            <label>
              {t("response")}
              <textarea name="text" required maxLength={10000} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
            </label>
            <button type="button" className="secondary" disabled={busy || draft.trim() === ""} onClick={() => client.checkDraft(complaint.id, draft).then(setCheck, onError)}>
              {t("checkDraft")}
            </button>
            {check && (
              <div className="draft-check" aria-live="polite" data-testid="draft-check">
                {check.flags.length === 0 ? (
                  <p className="ok">{t("draftOk")}</p>
                ) : (
                  <ul className="flags">
                    {check.flags.map((flag) => (
                      <li key={flag.rule}>
                        <strong>{flag.rule}</strong>: {flag.message}
                      </li>
                    ))}
                  </ul>
                )}
                {check.templates.map((template) => (
                  <button type="button" className="secondary" key={template.language} onClick={() => setDraft(template.text)}>
                    {t("useTemplate")} ({template.language})
                  </button>
                ))}
              </div>
            )}
            <label className="inline">
              <input type="checkbox" name="public" defaultChecked={complaint.public} /> {t("publicResponse")}
            </label>
            <button type="submit" disabled={busy}>
              {t("send")}
            </button>
          </form>
        )}
        <div className="buttons">
          {(complaint.status === "assigned" || complaint.status === "responded") && (
            <button type="button" disabled={busy} onClick={() => act(() => client.waitForCustomer(complaint.id))}>
              {t("waitForCustomer")}
            </button>
          )}
          {complaint.status === "waitingForCustomer" && (
            <button type="button" disabled={busy} onClick={() => act(() => client.resume(complaint.id))}>
              {t("resume")}
            </button>
          )}
          {oversees && complaint.escalationLevel > 0 && !complaint.escalationAcknowledged && (
            <button type="button" className="primary" disabled={busy} onClick={() => act(() => client.acknowledge(complaint.id))}>
              {t("acknowledge")}
            </button>
          )}
        </div>
        {canAnswer && (
          <form onSubmit={resolve} className="inline-form">
            <label>
              {t("resolveNote")}
              <input name="note" maxLength={2000} />
            </label>
            <button type="submit" disabled={busy}>
              {t("resolve")}
            </button>
          </form>
        )}
        {oversees && canAnswer && team && (
          <form onSubmit={assign} className="inline-form">
            <label>
              {t("reassign")}
              <select name="agent" defaultValue={complaint.assignee ?? ""} required>
                <option value="" disabled>
                  {t("unassigned")}
                </option>
                {team.members.map((member) => (
                  <option key={member.username} value={member.username}>
                    {member.username} ({member.openComplaints}, {member.online ? t("online") : t("offline")})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={busy}>
              {t("assign")}
            </button>
          </form>
        )}
        {complaint.status === "resolved" && session.role !== "agent" && (
          <button type="button" disabled={busy} onClick={() => act(() => client.reopen(complaint.id))}>
            {t("reopen")}
          </button>
        )}
      </div>

      <h3>{t("timeline")}</h3>
      {details && <Timeline timeline={details.timeline} busy={busy} onRetry={(deliveryId) => act(() => client.retryDelivery(complaint.id, deliveryId))} />}
    </aside>
  );
}
