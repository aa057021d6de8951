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
  reason: SlaReason | null;
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
