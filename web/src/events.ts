// The hub's event names. They are defined once, by the api's typed hub (IConsoleClient); a test in
// tests/Escalation.Api.Tests reads these lists and fails when they and the hub differ.

/** Events about one complaint: each carries the complaint summary (ConsoleEvent). */
export const EVENT_NAMES = [
  "complaintCreated",
  "complaintAssigned",
  "complaintUpdated",
  "complaintResolved",
  "slaWarning",
  "complaintEscalated",
  "deliveryFailed",
] as const;

/** The other events, each with its own payload. */
export const OTHER_EVENT_NAMES = ["improvementOverdue", "resync"] as const;

export type EventName = (typeof EVENT_NAMES)[number];
export type OtherEventName = (typeof OTHER_EVENT_NAMES)[number];
