// What a complaint list asks the api for, and the same rules applied in the browser, so that live events keep a
// loaded list in the api's order and within its filter.
import type { Complaint } from "./api";
import { isOpen } from "./sla";

/** Rows per page: enough to fill a screen, small enough to come fast. */
export const PAGE_SIZE = 50;

/** How far `atRisk=true` looks ahead (the api's window): 15 minutes. */
const AT_RISK_MS = 15 * 60 * 1000;

/** A list's filter; empty strings and `false` leave a criterion out. */
export interface ComplaintFilter {
  priority: string;
  channel: string;
  topic: string;
  escalated: boolean;
  /** Only complaints assigned to the signed-in user (`assignee=me`). */
  mine: boolean;
  /** Matches the customer's id or name, or the text, ignoring case and diacritics. */
  q: string;
  /** Due within 15 minutes (or past), or warned. */
  atRisk: boolean;
}

export const NO_FILTER: ComplaintFilter = { priority: "", channel: "", topic: "", escalated: false, mine: false, q: "", atRisk: false };

/** The first page's URL for the filter: open complaints, PAGE_SIZE at a time. */
export function firstPageUrl(filter: ComplaintFilter): string {
  const query = new URLSearchParams({ status: "open", limit: `${PAGE_SIZE}` });
  for (const name of ["priority", "channel", "topic"] as const) {
    if (filter[name]) query.set(name, filter[name]);
  }
  if (filter.escalated) query.set("escalated", "true");
  if (filter.mine) query.set("assignee", "me");
  if (filter.q.trim()) query.set("q", filter.q.trim());
  if (filter.atRisk) query.set("atRisk", "true");
  return `/api/complaints?${query}`;
}

/** Lower case without diacritics (õ → o, š → s), as the api compares searches. */
export const fold = (text: string) => text.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "");

/** Whether the complaint belongs in a list with the filter, for `username` at `now`. */
export function matches(filter: ComplaintFilter, complaint: Complaint, username: string, now: number): boolean {
  const search = fold(filter.q.trim());
  const due = complaint.nextDueAt ? Date.parse(complaint.nextDueAt) : null;
  return (
    isOpen(complaint) &&
    (!filter.priority || complaint.priority === filter.priority) &&
    (!filter.channel || complaint.channel === filter.channel) &&
    (!filter.topic || complaint.topic === filter.topic) &&
    (!filter.escalated || (complaint.escalationLevel > 0 && !complaint.escalationAcknowledged)) &&
    (!filter.mine || complaint.assignee === username) &&
    (!filter.atRisk || (due !== null && (due < now + AT_RISK_MS || complaint.nextWarningAt === null))) &&
    (!search || [complaint.customerId, complaint.customerName ?? "", complaint.text].some((text) => fold(text).includes(search)))
  );
}

const dueKey = (complaint: Complaint) => (complaint.nextDueAt ? Date.parse(complaint.nextDueAt) : Number.POSITIVE_INFINITY);

/**
 * The api's order: the next deadline first (none last), then when the customer wrote, then the id (as the api compares
 * them: to the millisecond it shows, the id character by character), so that a live row lands where its page has it.
 */
export function compareRows(a: Complaint, b: Complaint): number {
  // Two rows without a deadline give NaN, which falls through to createdAt like 0.
  return dueKey(a) - dueKey(b) || Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** How much of the text a list row carries (the api's rows: events carry the whole text). */
const PREVIEW_LENGTH = 280;

const asRow = (complaint: Complaint): Complaint =>
  complaint.text.length > PREVIEW_LENGTH ? { ...complaint, text: complaint.text.slice(0, PREVIEW_LENGTH), textTruncated: true } : complaint;

/** A loaded list: the rows so far, the matching total, the next page and the last row the api sent. */
export interface ListState {
  rows: Complaint[];
  total: number;
  next: string | null;
  /** The last row of the last page fetched: rows after it come with the next page, not from events. */
  boundary: Complaint | null;
}

/** Adds a fetched page, leaving out rows an event already placed. */
export function appendPage(state: ListState, rows: Complaint[], total: number, next: string | null): ListState {
  const known = new Set(state.rows.map((row) => row.id));
  return { rows: [...state.rows, ...rows.filter((row) => !known.has(row.id))], total, next, boundary: rows.at(-1) ?? state.boundary };
}

/** A live event about a complaint, as a list takes it: whether it matches the list's filter, whether it is new. */
export interface LiveChange {
  complaint: Complaint;
  fits: boolean;
  created: boolean;
}

/**
 * The list after a live event about `complaint`: a loaded row is replaced (or dropped when it no longer matches), a
 * matching one is put in its place in the order, unless it sorts after what is loaded (its page brings it later).
 */
export function applyEvent(state: ListState, { complaint, fits, created }: LiveChange): ListState {
  const loaded = state.rows.some((row) => row.id === complaint.id);
  const inRange = state.next === null || state.boundary === null || compareRows(complaint, state.boundary) <= 0;
  const rows = state.rows.filter((row) => row.id !== complaint.id);
  if (fits && inRange) {
    const at = rows.findIndex((row) => compareRows(complaint, row) < 0);
    rows.splice(at < 0 ? rows.length : at, 0, asRow(complaint));
  }
  const total = state.total + (loaded && !fits ? -1 : 0) + (!loaded && created && fits ? 1 : 0);
  return { ...state, rows, total };
}

/**
 * A first page with the live events that came while it was on its way applied again, as the page may predate them;
 * a complaint the page already has is not counted twice.
 */
export function replay(state: ListState, missed: LiveChange[]): ListState {
  const inPage = new Set(state.rows.map((row) => row.id));
  return missed.reduce((list, change) => applyEvent(list, { ...change, created: change.created && !inPage.has(change.complaint.id) }), state);
}
