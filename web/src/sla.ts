import type { Complaint } from "./api";

export type SlaState = "onTrack" | "warning" | "breached" | "paused" | "none";

/** Where the complaint's next deadline stands at `now` (ms since the epoch). */
export function slaState(complaint: Complaint, now: number): SlaState {
  if (complaint.slaPaused) return "paused";
  if (!complaint.nextDueAt) return "none";
  if (now >= Date.parse(complaint.nextDueAt)) return "breached";
  if (complaint.nextWarningAt === null || now >= Date.parse(complaint.nextWarningAt)) return "warning";
  return "onTrack";
}

/** `1:02:03`, `4:05`, with a leading minus once the deadline has passed. */
export function countdown(dueAt: string, now: number): string {
  const total = Math.trunc((Date.parse(dueAt) - now) / 1000);
  const seconds = Math.abs(total);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const clock = h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
  return total < 0 ? `−${clock}` : clock;
}

export const isOpen = (complaint: Complaint) => complaint.status !== "resolved" && complaint.status !== "closed";
