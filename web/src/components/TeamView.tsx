import { useState } from "react";
import type { Api, Session } from "../api";
import { useT } from "../i18n";
import { EscalationChainEditor } from "./EscalationChainEditor";
import { RosterEditor } from "./RosterEditor";
import { TeamLoad } from "./TeamLoad";
import { TeamPicker } from "./TeamPicker";

interface Props {
  client: Api;
  session: Session;
  version: number;
  onError: (error: unknown) => void;
}

/**
 * The Team tab: the team's load, then its settings (escalation chain and roster). A supervisor sees their own team;
 * managers and admins choose one. Admins and the team's supervisors change the settings, managers read them.
 */
export function TeamView({ client, session, version, onError }: Props) {
  const t = useT();
  const [chosen, setChosen] = useState<string | null>(null);
  const team = session.team ?? chosen;
  const canEdit = session.role === "admin" || session.role === "supervisor";
  return (
    <>
      {!session.team && <TeamPicker client={client} value={chosen} onChange={setChosen} all={false} onError={onError} />}
      {team && (
        <>
          <TeamLoad key={`load-${team}`} client={client} team={team} version={version} onError={onError} />
          <section aria-labelledby="team-settings-title" data-testid="team-settings" key={`settings-${team}`}>
            <h2 id="team-settings-title">{t("teamSettings")}</h2>
            <div className="settings-grid">
              <EscalationChainEditor client={client} team={team} canEdit={canEdit} onError={onError} />
              <RosterEditor client={client} team={team} canEdit={canEdit} onError={onError} />
            </div>
          </section>
        </>
      )}
    </>
  );
}
