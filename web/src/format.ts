// Figures as the dashboard and the reports show them.

/** A share (0..1) as a percentage with one decimal, "–" when there is none. */
export const percent = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(1)}%`);

/** Seconds as minutes, or hours from two hours on; "–" when there are none. */
export const duration = (seconds: number | null) => {
  if (seconds === null) return "–";
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
};
