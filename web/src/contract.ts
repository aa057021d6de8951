// The public contract's JSON, typed.
// Each interface tagged @schema mirrors that schema of the api's OpenAPI document (/openapi/v1.json), field for
// field: a test in tests/Escalation.Api.Tests compares them, so a field renamed or dropped on either side fails the tests.

export type Role = "agent" | "supervisor" | "manager" | "admin";
export type SlaReason = "firstResponse" | "nextResponse" | "resolution";
export const TOPICS = ["productQuality", "service", "delivery", "easeOfUse", "billing", "other"] as const;
/** The connector channels of the contract's default configuration. */
export const CHANNELS = ["facebook", "x", "google-reviews", "email", "web"] as const;
export type Status = "new" | "assigned" | "responded" | "waitingForCustomer" | "resolved" | "closed";

/** @schema LoginResponse */
export interface Session {
  accessToken: string;
  username: string;
  role: Role;
  team: string | null;
}

/** @schema ComplaintSummary */
export interface Complaint {
  id: string;
  channel: string;
  externalId: string;
  customerId: string;
  customerName: string | null;
  text: string;
  public: boolean;
  url: string | null;
  priority: "P1" | "P2" | "P3" | "P4";
  priorityReasons: string[];
  language: string;
  topic: string;
  status: Status;
  assignee: string | null;
  team: string;
  createdAt: string;
  receivedAt: string;
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  slaPaused: boolean;
  escalationLevel: number;
  escalationAcknowledged: boolean;
  inReplyTo: string | null;
  nextDueAt: string | null;
  nextDueReason: SlaReason | null;
  nextWarningAt: string | null;
  triageReasons: string[];
  attachments: Attachment[];
  textTruncated: boolean;
  /** The SLA policy set whose terms the complaint keeps ("default" when none matched). */
  slaPolicy: string;
}

/** @schema Attachment */
export interface Attachment {
  url: string;
  name: string | null;
  contentType: string | null;
  size: number | null;
}

/** @schema TimelineEntry */
export interface TimelineEntry {
  at: string;
  type: string;
  actor: string;
  text: string | null;
  public: boolean | null;
  agent: string | null;
  level: number | null;
  /** warnings and escalations: the deadline (an SlaReason); assigned: "noReply" or "escalation" when the system moved it */
  reason: string | null;
  dueAt: string | null;
  notifiedUsers: string[] | null;
  /** a customer's message: its id; responseDelivered: the reply's id on the platform */
  externalId: string | null;
  deliveryId: string | null;
  /** on a response: where its delivery to the customer's channel stands */
  delivery: "none" | "pending" | "delivered" | "failed" | null;
  /** responseDelivered: the reply's address on the platform (http or https) */
  url: string | null;
}

/** @schema ComplaintDetails */
export interface ComplaintDetails extends Complaint {
  timeline: TimelineEntry[];
}

/** @schema ComplaintEvent: a live event about a complaint */
export interface ConsoleEvent extends Complaint {
  complaintId: string;
  at: string;
  /** slaWarning, complaintEscalated: the deadline (an SlaReason); deliveryFailed: why the delivery failed */
  reason: string | null;
  dueAt: string | null;
  level: number | null;
  deliveryId: string | null;
  /** complaintEscalated: the usernames it went to */
  recipients: string[] | null;
}

/** @schema CustomerProfile */
export interface Customer {
  id: string;
  name: string | null;
  openComplaints: string[];
  pastComplaints: string[];
  complaintsLast90Days: number;
  persistentDissatisfaction: boolean;
  latestNps: number | null;
  /** every id merged into this customer (its complaints and counts span them all) */
  ids: string[];
  emails: string[];
  phones: string[];
}

/** @schema TeamOverview */
export interface TeamOverview {
  name: string;
  members: AgentLoad[];
  queue: string[];
  queueSize: number;
}

/** @schema AgentLoad */
export interface AgentLoad {
  username: string;
  role: "agent" | "supervisor";
  online: boolean;
  openComplaints: number;
  /** Open complaints the agent holds at most; null: unlimited (and for supervisors). */
  capacity: number | null;
}

/** @schema DraftCheck */
export interface DraftCheck {
  flags: DraftFlag[];
  templates: DraftTemplate[];
}

/** @schema DraftFlag */
export interface DraftFlag {
  rule: string;
  message: string;
}

/** @schema DraftTemplate */
export interface DraftTemplate {
  topic: string;
  language: string;
  text: string;
}

/** @schema AnalyticsReport */
export interface Analytics {
  team: string | null;
  from: string;
  to: string;
  complaints: number;
  publicShare: number | null;
  slaCompliance: SlaCompliance;
  firstResponseSeconds: Percentiles;
  resolutionSeconds: Percentiles;
  escalations: EscalationCounts;
  topics: TopicCount[];
  persistentDissatisfaction: number;
  nps: NpsSummary;
  responded: number;
  resolved: number;
}

/** @schema SlaCompliance */
export interface SlaCompliance {
  firstResponse: number | null;
  resolution: number | null;
}

/** @schema Percentiles */
export interface Percentiles {
  p50: number | null;
  p90: number | null;
}

/** @schema EscalationCounts */
export interface EscalationCounts {
  level1: number;
  level2: number;
}

/** @schema TopicCount */
export interface TopicCount {
  topic: string;
  count: number;
  previousCount: number;
  change: number;
}

/** @schema NpsSummary */
export interface NpsSummary {
  score: number | null;
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** @schema GoalView */
export interface Goal {
  topic: string;
  reductionPercent: number;
  start: string;
  deadline: string;
  baseline: number;
  current: number;
  achievedPercent: number | null;
}

export type ImprovementStatus = "planned" | "inProgress" | "done" | "dropped";

/** @schema Improvement */
export interface Improvement {
  id: string;
  title: string;
  topic: string;
  owner: string;
  ownerTeam: string | null;
  deadline: string;
  complaintIds: string[];
  status: ImprovementStatus;
  outcome: string | null;
  createdAt: string;
  createdBy: string;
  overdueSince: string | null;
}

/** @schema ResyncEvent */
export interface ResyncEvent {
  reason: string;
  at: string;
}

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Whom a level of an escalation chain tells: groups of the team, the managers, or one user. */
export const NOTIFY_GROUPS = ["supervisors", "onDuty", "managers", "team"] as const;
export type NotifyTarget = (typeof NOTIFY_GROUPS)[number] | `user:${string}`;

/** @schema EscalationChainView */
export interface EscalationChainView {
  levels: EscalationLevelView[];
  /** How long an assignee may leave a complaint unanswered before it goes to another agent ("hh:mm:ss"); null: never. */
  reassignAfter: string | null;
}

/** @schema EscalationLevelView */
export interface EscalationLevelView {
  /** After the missed deadline (level 1) or the level before ("hh:mm:ss", "d.hh:mm:ss"); null: the SLA policy's escalationAcknowledge. */
  after: string | null;
  notify: NotifyTarget[];
  reassign: boolean;
  raisePriority: boolean;
}

/** @schema RosterView */
export interface RosterView {
  /** An IANA time zone, such as Europe/Tallinn: the shifts' hours are local to it. */
  timeZone: string;
  shifts: ShiftView[];
  overrides: RosterOverrideView[];
  /** Who is on duty now (read-only: a PUT ignores it). */
  onDuty: string[];
}

/** @schema ShiftView */
export interface ShiftView {
  user: string;
  days: Weekday[];
  /** "08:00", local to the roster's time zone */
  from: string;
  /** "16:00"; at or before `from`: the shift runs past midnight */
  to: string;
}

/** @schema RosterOverrideView */
export interface RosterOverrideView {
  user: string;
  from: string;
  to: string;
}

export type SlaGroupBy = "agent" | "team" | "channel" | "priority" | "topic";
export const SLA_GROUPS: readonly SlaGroupBy[] = ["agent", "team", "channel", "priority", "topic"];

/** @schema SlaReport */
export interface SlaReport {
  groupBy: SlaGroupBy;
  from: string;
  to: string;
  rows: SlaReportRow[];
}

/** @schema SlaReportRow */
export interface SlaReportRow {
  key: string;
  /** Deadlines that fell due in the period: met and missed. */
  deadlines: number;
  met: number;
  missed: number;
  compliance: number | null;
  escalations: number;
  firstResponseSeconds: Percentiles;
}

/** @schema Breach */
export interface Breach {
  complaintId: string;
  /** The deadline missed (an SlaReason). */
  reason: string;
  dueAt: string;
  answeredAt: string | null;
  assignee: string | null;
  team: string;
  channel: string;
  /** null for a deadline recorded before facts carried the priority */
  priority: string | null;
}
