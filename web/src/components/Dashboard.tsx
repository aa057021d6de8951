import { useEffect, useMemo, useState } from "react";
import type { Analytics, Api, Goal } from "../api";
import { duration, percent } from "../format";
import { useT } from "../i18n";
import { BarChart } from "./BarChart";
import { ImprovementLog } from "./ImprovementLog";

/** Figures of the team (or all teams, for managers), fetched again whenever a live event arrives. */
export function Dashboard({ client, version, canEdit, onError }: { client: Api; version: number; canEdit: boolean; onError: (e: unknown) => void }) {
  const t = useT();
  const [days, setDays] = useState(30);
  const [figures, setFigures] = useState<Analytics | null>(null);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [trend, setTrend] = useState<{ week: string; score: number; answers: number }[]>([]);

  useEffect(() => {
    const timer = setTimeout(() => {
      client.analytics(days).then(setFigures, onError);
      client.goals().then(setGoals, onError);
      // NPS trend: each of the last six weeks, oldest first.
      const now = Date.now();
      const weeks = [5, 4, 3, 2, 1, 0].map((ago) => [new Date(now - (ago + 1) * 7 * 86400000), new Date(now - ago * 7 * 86400000)] as const);
      Promise.all(weeks.map(([from, to]) => client.nps(from, to))).then(
        (results) => setTrend(results.map((r, i) => ({ week: weeks[i][1].toISOString().slice(5, 10), score: r.score ?? 0, answers: r.answers }))),
        onError,
      );
    }, version === 0 ? 0 : 300);
    return () => clearTimeout(timer);
  }, [client, days, version, onError]);

  const topics = useMemo(() => {
    if (!figures) return null;
    const labels = figures.topics.map((topic) => t(topic.topic));
    return {
      labels,
      series: [
        { label: t("previousPeriod"), values: figures.topics.map((topic) => topic.previousCount), colors: "#9aa3ad" },
        { label: t("thisPeriod"), values: figures.topics.map((topic) => topic.count), colors: figures.topics.map((topic) => (topic.change > 0 ? "#b3261e" : "#1e7d3a")) },
      ],
    };
  }, [figures, t]);
  const activity = useMemo(
    () =>
      figures && {
        labels: [t("created"), t("responded"), t("resolvedCount"), t("escalatedLevel1"), t("escalatedLevel2")],
        series: [{ label: t("activity"), values: [figures.complaints, figures.responded, figures.resolved, figures.escalations.level1, figures.escalations.level2], colors: "#0b57d0" }],
      },
    [figures, t],
  );

  const npsTrend = useMemo(
    () => ({
      labels: trend.map((w) => `${w.week} (${w.answers})`),
      series: [{ label: "NPS", values: trend.map((w) => w.score), colors: trend.map((w) => (w.score < 0 ? "#b3261e" : "#1e7d3a")) }],
    }),
    [trend],
  );

  if (!figures || !topics || !activity) return null;
  const tiles: [string, string][] = [
    [t("complaints"), `${figures.complaints}`],
    [t("publicShare"), percent(figures.publicShare)],
    [t("firstResponseCompliance"), percent(figures.slaCompliance.firstResponse)],
    [t("resolutionCompliance"), percent(figures.slaCompliance.resolution)],
    [t("firstResponseTime"), `${duration(figures.firstResponseSeconds.p50)} / ${duration(figures.firstResponseSeconds.p90)}`],
    [t("resolutionTime"), `${duration(figures.resolutionSeconds.p50)} / ${duration(figures.resolutionSeconds.p90)}`],
    [t("persistent"), `${figures.persistentDissatisfaction}`],
    ["NPS", figures.nps.score === null ? "–" : `${figures.nps.score} (${figures.nps.answers})`],
  ];
  return (
    <section aria-labelledby="dashboard-title" data-testid="dashboard">
      <div className="dashboard-head">
        <h2 id="dashboard-title">{t("dashboard")}</h2>
        <label>
          {t("period")}{" "}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 30, 90].map((d) => (
              <option key={d} value={d}>
                {d} {t("days")}
              </option>
            ))}
          </select>
        </label>
      </div>
      <dl className="tiles">
        {tiles.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="charts">
        <BarChart title={t("topicsAgainstPrevious")} labels={topics.labels} series={topics.series} testId="topics-chart" />
        <BarChart title={t("activity")} labels={activity.labels} series={activity.series} testId="activity-chart" />
        <BarChart title={t("npsTrend")} labels={npsTrend.labels} series={npsTrend.series} testId="nps-trend-chart" />
      </div>
      <ul className="topic-changes">
        {figures.topics.map((topic) => (
          <li key={topic.topic} className={topic.change > 0 ? "rose" : topic.change < 0 ? "fell" : ""}>
            {t(topic.topic)}: {topic.count} ({topic.change > 0 ? "+" : ""}
            {topic.change})
          </li>
        ))}
      </ul>
      <h3>{t("goals")}</h3>
      {goals.length === 0 ? (
        <p className="empty">{t("noGoals")}</p>
      ) : (
        <ul className="goals">
          {goals.map((goal) => (
            <li key={goal.topic}>
              {t(goal.topic)}: −{goal.reductionPercent}% {t("by")} {goal.deadline.slice(0, 10)} · {goal.baseline} → {goal.current}{" "}
              <meter min={0} max={goal.reductionPercent} value={Math.max(0, goal.achievedPercent ?? 0)} aria-label={`${t("goalProgress")}: ${t(goal.topic)}`} />{" "}
              {goal.achievedPercent === null ? "–" : `${goal.achievedPercent}%`}
            </li>
          ))}
        </ul>
      )}
      <ImprovementLog client={client} version={version} canEdit={canEdit} onError={onError} />
    </section>
  );
}
