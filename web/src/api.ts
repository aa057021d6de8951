// The public REST contract as calls. Every call sends the bearer token; errors carry the problem's detail.
import type {
  Analytics,
  Breach,
  Complaint,
  ComplaintDetails,
  Customer,
  DraftCheck,
  EscalationChainView,
  Goal,
  Improvement,
  ImprovementStatus,
  RosterView,
  Session,
  SlaGroupBy,
  SlaReport,
  TeamOverview,
} from "./contract";

export type * from "./contract";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A validation problem's messages by field. */
    readonly errors: Record<string, string[]> | null = null,
  ) {
    super(message);
  }
}

async function request(method: string, path: string, token: string | null, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem?.detail ?? problem?.title ?? response.statusText, problem?.errors ?? null);
  }
  return response;
}

async function send<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await request(method, path, token, body);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** One page of a complaint list: its rows, how many match in all, and the next page's URL (none after the last). */
export interface ComplaintPage {
  rows: Complaint[];
  total: number;
  next: string | null;
}

/** Fetches a page of `GET /api/complaints` (a first page's URL, or the one a `Link: <…>; rel="next"` header gave). */
async function page(url: string, token: string): Promise<ComplaintPage> {
  const response = await request("GET", url, token);
  const next = /<([^>]*)>\s*;\s*rel="next"/.exec(response.headers.get("Link") ?? "");
  const rows = (await response.json()) as Complaint[];
  return { rows, total: Number(response.headers.get("X-Total-Count") ?? rows.length), next: next ? next[1] : null };
}

/** What an SLA report or breach list covers: from, to (null: now), the team (null: all the caller may see). */
export interface SlaQuery {
  from: Date;
  to: Date | null;
  team: string | null;
}

function reportQuery({ from, to, team }: SlaQuery, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ from: from.toISOString() });
  if (to) query.set("to", to.toISOString());
  if (team) query.set("team", team);
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return `${query}`;
}

export const login = (username: string, password: string) =>
  send<Session>("POST", "/api/auth/login", null, { username, password });

export function api(token: string) {
  const complaint = (id: string) => `/api/complaints/${encodeURIComponent(id)}`;
  return {
    complaints: (url: string) => page(url, token),
    details: (id: string) => send<ComplaintDetails>("GET", complaint(id), token),
    customer: (id: string) => send<Customer>("GET", `/api/customers/${encodeURIComponent(id)}`, token),
    suggestedMerges: (id: string) => send<string[]>("GET", `/api/customers/${encodeURIComponent(id)}/suggested-merges`, token),
    merge: (id: string, other: string) => send<Customer>("POST", `/api/customers/${encodeURIComponent(id)}/merge`, token, { other }),
    team: (name: string) => send<TeamOverview>("GET", `/api/teams/${encodeURIComponent(name)}`, token),
    escalation: (team: string) => send<EscalationChainView>("GET", `/api/teams/${encodeURIComponent(team)}/escalation`, token),
    setEscalation: (team: string, chain: EscalationChainView) =>
      send<EscalationChainView>("PUT", `/api/teams/${encodeURIComponent(team)}/escalation`, token, chain),
    roster: (team: string) => send<RosterView>("GET", `/api/teams/${encodeURIComponent(team)}/roster`, token),
    setRoster: (team: string, roster: RosterView) => send<RosterView>("PUT", `/api/teams/${encodeURIComponent(team)}/roster`, token, roster),
    teams: () => send<string[]>("GET", "/api/teams", token),
    respond: (id: string, text: string, isPublic: boolean) =>
      send<Complaint>("POST", `${complaint(id)}/responses`, token, { text, public: isPublic }),
    assign: (id: string, agent: string) => send<Complaint>("POST", `${complaint(id)}/assign`, token, { agent }),
    waitForCustomer: (id: string) => send<Complaint>("POST", `${complaint(id)}/wait-for-customer`, token),
    resume: (id: string) => send<Complaint>("POST", `${complaint(id)}/resume`, token),
    resolve: (id: string, note: string) => send<Complaint>("POST", `${complaint(id)}/resolve`, token, { note: note || null }),
    reopen: (id: string) => send<Complaint>("POST", `${complaint(id)}/reopen`, token),
    retryDelivery: (id: string, deliveryId: string) =>
      send<Complaint>("POST", `${complaint(id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`, token),
    acknowledge: (id: string) => send<Complaint>("POST", `${complaint(id)}/escalation/acknowledge`, token),
    checkDraft: (complaintId: string, text: string) => send<DraftCheck>("POST", "/api/responses/check", token, { complaintId, text }),
    analytics: (days: number) => send<Analytics>("GET", `/api/analytics?from=${encodeURIComponent(new Date(Date.now() - days * 86400000).toISOString())}`, token),
    goals: () => send<Goal[]>("GET", "/api/goals", token),
    nps: (from: Date, to: Date) =>
      send<{ score: number | null; answers: number }>("GET", `/api/nps?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`, token),
    slaReport: (query: SlaQuery, groupBy: SlaGroupBy) => send<SlaReport>("GET", `/api/reports/sla?${reportQuery(query, { groupBy })}`, token),
    /** The same report as CSV, fetched with the token like every call (a plain link could not send it). */
    slaReportCsv: (query: SlaQuery, groupBy: SlaGroupBy) =>
      request("GET", `/api/reports/sla?${reportQuery(query, { groupBy, format: "csv" })}`, token).then((response) => response.blob()),
    breaches: (query: SlaQuery) => send<Breach[]>("GET", `/api/reports/breaches?${reportQuery(query)}`, token),
    improvements: () => send<Improvement[]>("GET", "/api/improvements", token),
    addImprovement: (body: { title: string; topic: string; owner: string; deadline: string }) => send<Improvement>("POST", "/api/improvements", token, body),
    setImprovementStatus: (id: string, status: ImprovementStatus) => send<Improvement>("PATCH", `/api/improvements/${id}`, token, { status }),
  };
}

export type Api = ReturnType<typeof api>;
