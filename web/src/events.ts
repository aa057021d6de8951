// The hub's event names. They are defined once in C# (ComplaintEventKind, camelCased); a test in
// tests/Escalation.Tests reads this list and fails when the two differ.
export const EVENT_NAMES = [
  "complaintCreated",
  "complaintAssigned",
  "complaintUpdated",
  "complaintResolved",
  "slaWarning",
  "complaintEscalated",
] as const;

export type EventName = (typeof EVENT_NAMES)[number];
