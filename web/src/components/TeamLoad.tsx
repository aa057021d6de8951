import { useEffect, useState } from "react";
import type { Api, TeamOverview } from "../api";
import { useT } from "../i18n";

/** The team at a glance: who is online and how many open complaints each holds, and the unassigned queue. */
export function TeamLoad({ client, team, version, onError }: { client: Api; team: string; version: number; onError: (e: unknown) => void }) {
  const t = useT();
  const [overview, setOverview] = useState<TeamOverview | null>(null);
  useEffect(() => {
    client.team(team).then(setOverview, onError);
  }, [client, team, version, onError]);
  if (!overview) return null;
  const most = Math.max(1, ...overview.members.map((m) => m.capacity ?? m.openComplaints));
  return (
    <section aria-labelledby="team-title" data-testid="team-load">
      <h2 id="team-title">
        {t("team")}: {overview.name}
      </h2>
      <p>
        {t("queued")}: <strong>{overview.queueSize}</strong>
      </p>
      <ul className="load">
        {overview.members.map((member) => (
          <li key={member.username}>
            <span className={member.online ? "online" : "offline"}>{member.online ? "●" : "○"}</span> {member.username} ({member.role},{" "}
            {member.online ? t("online") : t("offline")})
            <meter min={0} max={member.capacity ?? most} value={member.openComplaints} aria-label={`${t("load")}: ${member.username}`} />{" "}
            {member.capacity === null ? member.openComplaints : `${member.openComplaints} / ${member.capacity}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
