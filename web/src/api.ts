// The public REST contract, typed. Every call sends the bearer token; errors carry the problem's detail.
// Each interface tagged @schema mirrors that schema of the api's OpenAPI document (/openapi/v1.json), field for
// field: a test in tests/Escalation.Api.Tests compares them, so a field renamed or dropped on either side fails the tests.

export type Role = "agent" | "supervisor" | "manager" | "admin";
export type SlaReason = "firstResponse" | "nextResponse" | "resolution";
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
  externalId: string | null;
}

/** @schema ComplaintDetails */
export interface ComplaintDetails extends Complaint {
  timeline: TimelineEntry[];
}

/** @schema ComplaintEvent: a live event about a complaint */
export interface ConsoleEvent extends Complaint {
  complaintId: string;
  at: string;
  reason: SlaReason | null;
  dueAt: string | null;
  level: number | null;
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
}

/** @schema TeamOverview */
export interface TeamOverview {
  name: string;
  members: AgentLoad[];
  queue: string[];
}

/** @schema AgentLoad */
export interface AgentLoad {
  username: string;
  role: "agent" | "supervisor";
  online: boolean;
  openComplaints: number;
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

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function send<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem?.detail ?? problem?.title ?? response.statusText);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const login = (username: string, password: string) =>
  send<Session>("POST", "/api/auth/login", null, { username, password });

export function api(token: string) {
  const complaint = (id: string) => `/api/complaints/${encodeURIComponent(id)}`;
  return {
    openComplaints: () => send<Complaint[]>("GET", "/api/complaints?status=open", token),
    details: (id: string) => send<ComplaintDetails>("GET", complaint(id), token),
    customer: (id: string) => send<Customer>("GET", `/api/customers/${encodeURIComponent(id)}`, token),
    team: (name: string) => send<TeamOverview>("GET", `/api/teams/${encodeURIComponent(name)}`, token),
    teams: () => send<string[]>("GET", "/api/teams", token),
    respond: (id: string, text: string, isPublic: boolean) =>
      send<Complaint>("POST", `${complaint(id)}/responses`, token, { text, public: isPublic }),
    assign: (id: string, agent: string) => send<Complaint>("POST", `${complaint(id)}/assign`, token, { agent }),
    waitForCustomer: (id: string) => send<Complaint>("POST", `${complaint(id)}/wait-for-customer`, token),
    resume: (id: string) => send<Complaint>("POST", `${complaint(id)}/resume`, token),
    resolve: (id: string, note: string) => send<Complaint>("POST", `${complaint(id)}/resolve`, token, { note: note || null }),
    reopen: (id: string) => send<Complaint>("POST", `${complaint(id)}/reopen`, token),
    acknowledge: (id: string) => send<Complaint>("POST", `${complaint(id)}/escalation/acknowledge`, token),
    checkDraft: (complaintId: string, text: string) => send<DraftCheck>("POST", "/api/responses/check", token, { complaintId, text }),
    analytics: (days: number) => send<Analytics>("GET", `/api/analytics?from=${encodeURIComponent(new Date(Date.now() - days * 86400000).toISOString())}`, token),
    goals: () => send<Goal[]>("GET", "/api/goals", token),
    nps: (from: Date, to: Date) =>
      send<{ score: number | null; answers: number }>("GET", `/api/nps?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`, token),
    improvements: () => send<Improvement[]>("GET", "/api/improvements", token),
    addImprovement: (body: { title: string; topic: string; owner: string; deadline: string }) => send<Improvement>("POST", "/api/improvements", token, body),
    setImprovementStatus: (id: string, status: ImprovementStatus) => send<Improvement>("PATCH", `/api/improvements/${id}`, token, { status }),
  };
}

export type Api = ReturnType<typeof api>;
