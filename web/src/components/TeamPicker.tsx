import { useEffect, useState } from "react";
import type { Api } from "../api";
import { useT } from "../i18n";

interface Props {
  client: Api;
  /** null: all teams (only offered with `all`). */
  value: string | null;
  onChange: (team: string | null) => void;
  all: boolean;
  onError: (error: unknown) => void;
}

/** Chooses one of the teams the caller oversees (managers and admins: any); without `all`, the first until another is chosen. */
export function TeamPicker({ client, value, onChange, all, onError }: Props) {
  const t = useT();
  const [teams, setTeams] = useState<string[]>([]);
  useEffect(() => {
    client.teams().then(setTeams, onError);
  }, [client, onError]);
  useEffect(() => {
    if (!all && value === null && teams.length > 0) onChange(teams[0]);
  }, [all, value, teams, onChange]);
  return (
    <label className="team-picker">
      {t("team")}
      <select value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        {all && <option value="">{t("allTeams")}</option>}
        {teams.map((team) => (
          <option key={team} value={team}>
            {team}
          </option>
        ))}
      </select>
    </label>
  );
}
