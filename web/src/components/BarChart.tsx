import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  values: number[];
  colors: string | string[];
}

/** A bar chart (Chart.js) whose data also stands in the page as text, for screen readers and tests. */
export function BarChart({ title, labels, series, testId }: { title: string; labels: string[]; series: Series[]; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    const data = { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.colors })) };
    if (chart.current) {
      chart.current.data = data;
      chart.current.update();
    } else if (canvas.current) {
      chart.current = new Chart(canvas.current, {
        type: "bar",
        data,
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    }
  }, [labels, series]);

  useEffect(() => () => chart.current?.destroy(), []);

  const described = series.map((s) => `${s.label}: ${labels.map((label, i) => `${label} ${s.values[i]}`).join(", ")}`).join("; ");
  return (
    <figure className="chart" data-testid={testId} data-values={JSON.stringify(series.map((s) => s.values))}>
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${described}`} />
      </div>
    </figure>
  );
}
