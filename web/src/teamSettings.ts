// A team's escalation chain and roster as their forms edit them, and back to the contract's JSON: durations and times as
// the inputs hold them, notify targets split into the groups' checkboxes and a list of usernames.
import { type EscalationChainView, type EscalationLevelView, NOTIFY_GROUPS, type NotifyTarget, type RosterView, type ShiftView, type Weekday } from "./contract";

export const MAX_LEVELS = 5;
const USER_PREFIX = "user:";

/** One level in the form: `after` as typed (empty: the policy's acknowledgement time), the users as a comma-separated list. */
export interface LevelDraft {
  key: string;
  after: string;
  groups: string[];
  users: string;
  reassign: boolean;
  raisePriority: boolean;
}

export interface ChainDraft {
  levels: LevelDraft[];
  /** Empty: never. */
  reassignAfter: string;
}

export const newLevel = (): LevelDraft => ({ key: crypto.randomUUID(), after: "", groups: [], users: "", reassign: false, raisePriority: false });

export function chainDraft(chain: EscalationChainView): ChainDraft {
  return {
    levels: chain.levels.map((level) => ({
      key: crypto.randomUUID(),
      after: level.after ?? "",
      groups: level.notify.filter((target) => !target.startsWith(USER_PREFIX)),
      users: level.notify
        .filter((target) => target.startsWith(USER_PREFIX))
        .map((target) => target.slice(USER_PREFIX.length))
        .join(", "),
      reassign: level.reassign,
      raisePriority: level.raisePriority,
    })),
    reassignAfter: chain.reassignAfter ?? "",
  };
}

export function chainView(draft: ChainDraft): EscalationChainView {
  const level = (level: LevelDraft): EscalationLevelView => ({
    after: duration(level.after),
    notify: [
      ...NOTIFY_GROUPS.filter((group) => level.groups.includes(group)),
      ...level.users
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((user): NotifyTarget => `${USER_PREFIX}${user}`),
    ],
    reassign: level.reassign,
    raisePriority: level.raisePriority,
  });
  return { levels: draft.levels.map(level), reassignAfter: duration(draft.reassignAfter) };
}

/** What a duration input accepts: `h:mm:ss` or `d.hh:mm:ss` (the api's TimeSpan). */
export const DURATION_PATTERN = String.raw`\s*(\d+\.)?\d{1,2}:\d{2}:\d{2}\s*`;

/** A duration as the api reads it (`00:00:02`, `1.00:00:00`), null when empty; anything else as typed, for the api to reject. */
export function duration(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const parts = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$/.exec(trimmed);
  if (!parts) return trimmed;
  const [, days, hours, minutes, seconds] = parts;
  return `${days ? `${Number(days)}.` : ""}${hours.padStart(2, "0")}:${minutes}:${seconds}`;
}

/** One weekly shift in the form. */
export interface ShiftDraft extends ShiftView {
  key: string;
}

/** One dated override in the form: from and to as `datetime-local` values (the browser's time zone). */
export interface OverrideDraft {
  key: string;
  user: string;
  from: string;
  to: string;
}

export interface RosterDraft {
  timeZone: string;
  shifts: ShiftDraft[];
  overrides: OverrideDraft[];
}

export const newShift = (days: Weekday[]): ShiftDraft => ({ key: crypto.randomUUID(), user: "", days, from: "08:00", to: "16:00" });

export function newOverride(now: number): OverrideDraft {
  const hour = 3600_000;
  const start = Math.ceil(now / hour) * hour;
  return { key: crypto.randomUUID(), user: "", from: localInput(new Date(start).toISOString()), to: localInput(new Date(start + 8 * hour).toISOString()) };
}

export function rosterDraft(roster: RosterView): RosterDraft {
  return {
    timeZone: roster.timeZone,
    // A time input holds "08:00"; the api may answer "08:00:00".
    shifts: roster.shifts.map((shift) => ({ ...shift, key: crypto.randomUUID(), from: shift.from.slice(0, 5), to: shift.to.slice(0, 5) })),
    overrides: roster.overrides.map((entry) => ({ key: crypto.randomUUID(), user: entry.user, from: localInput(entry.from), to: localInput(entry.to) })),
  };
}

export function rosterView(draft: RosterDraft, onDuty: string[]): RosterView {
  return {
    timeZone: draft.timeZone.trim(),
    shifts: draft.shifts.map(({ user, days, from, to }) => ({ user: user.trim(), days, from, to })),
    overrides: draft.overrides.map(({ user, from, to }) => ({ user: user.trim(), from: instant(from), to: instant(to) })),
    onDuty,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a `datetime-local` value in the browser's time zone (to the minute). */
export function localInput(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (the browser's time zone) as an ISO instant; as typed when it is not a time, for the api to reject. */
export function instant(local: string): string {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}
