import { type FormEvent, useEffect, useId, useState } from "react";
import type { Api } from "../api";
import { NOTIFY_GROUPS } from "../contract";
import { type Key, useT } from "../i18n";
import { type ChainDraft, chainDraft, chainView, DURATION_PATTERN, type LevelDraft, MAX_LEVELS, newLevel } from "../teamSettings";
import { SaveFeedback, useSave } from "./SaveFeedback";

const GROUP_LABELS: Record<(typeof NOTIFY_GROUPS)[number], Key> = {
  supervisors: "supervisors",
  onDuty: "onDuty",
  managers: "managers",
  team: "wholeTeam",
};

interface Props {
  client: Api;
  team: string;
  canEdit: boolean;
  onError: (error: unknown) => void;
}

/**
 * The team's escalation chain: 1 to 5 levels, each with its delay, whom it tells and what it does, and how long an
 * assignee may stay silent before the complaint goes to another agent. Read-only for those who may not change it.
 */
export function EscalationChainEditor({ client, team, canEdit, onError }: Props) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<ChainDraft | null>(null);
  const { busy, outcome, save, clear } = useSave(onError);

  useEffect(() => {
    client.escalation(team).then((chain) => setDraft(chainDraft(chain)), onError);
  }, [client, team, onError]);
  if (!draft) return null;

  const edit = (next: ChainDraft) => {
    setDraft(next);
    clear();
  };
  const editLevel = (index: number, change: Partial<LevelDraft>) =>
    edit({ ...draft, levels: draft.levels.map((level, i) => (i === index ? { ...level, ...change } : level)) });
  const toggle = (index: number, group: string, on: boolean) => {
    const groups = draft.levels[index].groups;
    editLevel(index, { groups: on ? [...groups, group] : groups.filter((g) => g !== group) });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(() => client.setEscalation(team, chainView(draft)), (chain) => setDraft(chainDraft(chain)));
  };

  return (
    <form className="settings" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="escalation-chain">
      <h3 id={`${id}-title`}>{t("escalationChain")}</h3>
      <p className="hint">{t("chainHint")}</p>
      {!canEdit && <p className="hint">{t("readOnly")}</p>}
      <fieldset className="settings-body" disabled={!canEdit || busy}>
        {draft.levels.map((level, index) => (
          <fieldset key={level.key} className="level-editor">
            <legend>
              {t("level")} {index + 1}
            </legend>
            <label>
              {t("after")}
              <input
                value={level.after}
                onChange={(e) => editLevel(index, { after: e.target.value })}
                placeholder="hh:mm:ss"
                pattern={DURATION_PATTERN}
                aria-describedby={`${id}-after-${index}`}
              />
            </label>
            <span id={`${id}-after-${index}`} className="hint">
              {index === 0 ? t("afterDeadline") : `${t("afterLevel")} ${index}`}; {t("emptyAcknowledge")}
            </span>
            <fieldset className="notify">
              <legend>{t("notify")}</legend>
              {NOTIFY_GROUPS.map((group) => (
                <label className="inline" key={group}>
                  <input type="checkbox" checked={level.groups.includes(group)} onChange={(e) => toggle(index, group, e.target.checked)} /> {t(GROUP_LABELS[group])}
                </label>
              ))}
              <label>
                {t("users")}
                <input value={level.users} onChange={(e) => editLevel(index, { users: e.target.value })} />
              </label>
            </fieldset>
            <label className="inline">
              <input type="checkbox" checked={level.reassign} onChange={(e) => editLevel(index, { reassign: e.target.checked })} /> {t("reassignToOther")}
            </label>
            <label className="inline">
              <input type="checkbox" checked={level.raisePriority} onChange={(e) => editLevel(index, { raisePriority: e.target.checked })} /> {t("raisePriority")}
            </label>
            <button
              type="button"
              className="secondary"
              disabled={draft.levels.length === 1}
              onClick={() => edit({ ...draft, levels: draft.levels.filter((_, i) => i !== index) })}
            >
              {t("removeLevel")} {index + 1}
            </button>
          </fieldset>
        ))}
        <button type="button" className="secondary" disabled={draft.levels.length >= MAX_LEVELS} onClick={() => edit({ ...draft, levels: [...draft.levels, newLevel()] })}>
          {t("addLevel")}
        </button>
        <label>
          {t("reassignAfter")}
          <input
            value={draft.reassignAfter}
            onChange={(e) => edit({ ...draft, reassignAfter: e.target.value })}
            placeholder={t("never")}
            pattern={DURATION_PATTERN}
            aria-describedby={`${id}-reassign`}
          />
        </label>
        <span id={`${id}-reassign`} className="hint">
          {t("reassignAfterHint")}
        </span>
        {canEdit && <button type="submit">{t("saveChain")}</button>}
      </fieldset>
      <SaveFeedback outcome={outcome} testId="chain-feedback" />
    </form>
  );
}
