import { type FormEvent, useEffect, useId, useState } from "react";
import type { Api } from "../api";
import { WEEKDAYS, type Weekday } from "../contract";
import { useT } from "../i18n";
import { newOverride, newShift, type OverrideDraft, type RosterDraft, rosterDraft, rosterView, type ShiftDraft } from "../teamSettings";
import { SaveFeedback, useSave } from "./SaveFeedback";

/** The IANA zones the browser knows, offered as the roster's time zone (any other name is for the api to judge). */
const TIME_ZONES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
const WORKING_DAYS: Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday"];

interface Props {
  client: Api;
  team: string;
  canEdit: boolean;
  onError: (error: unknown) => void;
}

/**
 * Who of the team's supervisors is on duty when: weekly shifts in the team's time zone and dated overrides, with who is
 * on duty now (those an `onDuty` escalation level tells). Read-only for those who may not change it.
 */
export function RosterEditor({ client, team, canEdit, onError }: Props) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<RosterDraft | null>(null);
  const [onDuty, setOnDuty] = useState<string[]>([]);
  const [supervisors, setSupervisors] = useState<string[]>([]);
  const { busy, outcome, save, clear } = useSave(onError);

  useEffect(() => {
    client.roster(team).then((roster) => {
      setDraft(rosterDraft(roster));
      setOnDuty(roster.onDuty);
    }, onError);
    client.team(team).then((overview) => setSupervisors(overview.members.filter((m) => m.role === "supervisor").map((m) => m.username)), onError);
  }, [client, team, onError]);
  if (!draft) return null;

  const edit = (next: RosterDraft) => {
    setDraft(next);
    clear();
  };
  const editShift = (index: number, change: Partial<ShiftDraft>) =>
    edit({ ...draft, shifts: draft.shifts.map((shift, i) => (i === index ? { ...shift, ...change } : shift)) });
  const editOverride = (index: number, change: Partial<OverrideDraft>) =>
    edit({ ...draft, overrides: draft.overrides.map((entry, i) => (i === index ? { ...entry, ...change } : entry)) });
  const toggleDay = (index: number, day: Weekday, on: boolean) => {
    const days = draft.shifts[index].days;
    editShift(index, { days: WEEKDAYS.filter((d) => (d === day ? on : days.includes(d))) });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(
      () => client.setRoster(team, rosterView(draft, onDuty)),
      (roster) => {
        setDraft(rosterDraft(roster));
        setOnDuty(roster.onDuty);
      },
    );
  };

  return (
    <form className="settings" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="roster">
      <h3 id={`${id}-title`}>{t("roster")}</h3>
      <p data-testid="on-duty">
        {t("onDutyNow")}: <strong>{onDuty.length > 0 ? onDuty.join(", ") : t("nobodyOnDuty")}</strong>
      </p>
      {!canEdit && <p className="hint">{t("readOnly")}</p>}
      <datalist id={`${id}-zones`}>
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <datalist id={`${id}-users`}>
        {supervisors.map((user) => (
          <option key={user} value={user} />
        ))}
      </datalist>
      <fieldset className="settings-body" disabled={!canEdit || busy}>
        <label>
          {t("timeZone")}
          <input value={draft.timeZone} onChange={(e) => edit({ ...draft, timeZone: e.target.value })} list={`${id}-zones`} required />
        </label>

        <h4>{t("shifts")}</h4>
        <p className="hint">{t("shiftHint")}</p>
        {draft.shifts.map((shift, index) => (
          <fieldset key={shift.key} className="shift-editor">
            <legend>
              {t("shift")} {index + 1}
            </legend>
            <label>
              {t("user")}
              <input value={shift.user} onChange={(e) => editShift(index, { user: e.target.value })} list={`${id}-users`} required />
            </label>
            <fieldset className="days">
              <legend>{t("weekdays")}</legend>
              {WEEKDAYS.map((day) => (
                <label className="inline" key={day}>
                  <input type="checkbox" checked={shift.days.includes(day)} onChange={(e) => toggleDay(index, day, e.target.checked)} /> {t(day)}
                </label>
              ))}
            </fieldset>
            <label>
              {t("from")}
              <input type="time" value={shift.from} onChange={(e) => editShift(index, { from: e.target.value })} required />
            </label>
            <label>
              {t("to")}
              <input type="time" value={shift.to} onChange={(e) => editShift(index, { to: e.target.value })} required />
            </label>
            <button type="button" className="secondary" onClick={() => edit({ ...draft, shifts: draft.shifts.filter((_, i) => i !== index) })}>
              {t("removeShift")} {index + 1}
            </button>
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={() => edit({ ...draft, shifts: [...draft.shifts, newShift(WORKING_DAYS)] })}>
          {t("addShift")}
        </button>

        <h4>{t("overrides")}</h4>
        <p className="hint">{t("overrideHint")}</p>
        {draft.overrides.map((entry, index) => (
          <fieldset key={entry.key} className="override-editor">
            <legend>
              {t("override")} {index + 1}
            </legend>
            <label>
              {t("user")}
              <input value={entry.user} onChange={(e) => editOverride(index, { user: e.target.value })} list={`${id}-users`} required />
            </label>
            <label>
              {t("from")}
              <input type="datetime-local" value={entry.from} onChange={(e) => editOverride(index, { from: e.target.value })} required />
            </label>
            <label>
              {t("to")}
              <input type="datetime-local" value={entry.to} onChange={(e) => editOverride(index, { to: e.target.value })} required />
            </label>
            <button type="button" className="secondary" onClick={() => edit({ ...draft, overrides: draft.overrides.filter((_, i) => i !== index) })}>
              {t("removeOverride")} {index + 1}
            </button>
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={() => edit({ ...draft, overrides: [...draft.overrides, newOverride(Date.now())] })}>
          {t("addOverride")}
        </button>
        {canEdit && <button type="submit">{t("saveRoster")}</button>}
      </fieldset>
      <SaveFeedback outcome={outcome} testId="roster-feedback" />
    </form>
  );
}
