import { useEffect, useState } from "react";
import { CHANNELS, TOPICS } from "../contract";
import type { ComplaintFilter } from "../complaintList";
import { useT } from "../i18n";

/** How long typing pauses before a search goes out. */
const SEARCH_DELAY_MS = 300;

/** The queue's filters and search; every change asks for the list again from its first page. */
export function QueueFilters({ filter, onChange }: { filter: ComplaintFilter; onChange: (filter: ComplaintFilter) => void }) {
  const t = useT();
  const [search, setSearch] = useState(filter.q);
  useEffect(() => {
    if (search === filter.q) return;
    const timer = setTimeout(() => onChange({ ...filter, q: search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);

  const select = (name: "priority" | "channel" | "topic", options: readonly string[]) => (
    <label>
      {t(name)}
      <select value={filter[name]} onChange={(e) => onChange({ ...filter, [name]: e.target.value })}>
        <option value="">{t("any")}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {name === "topic" ? t(option) : option}
          </option>
        ))}
      </select>
    </label>
  );
  const check = (name: "escalated" | "mine", label: "escalatedOnly" | "mine") => (
    <label className="inline">
      <input type="checkbox" checked={filter[name]} onChange={(e) => onChange({ ...filter, [name]: e.target.checked })} />
      {t(label)}
    </label>
  );

  return (
    <form className="filters" role="search" aria-label={t("filters")} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t("search")}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} data-testid="search" />
      </label>
      {select("priority", ["P1", "P2", "P3", "P4"])}
      {select("channel", CHANNELS)}
      {select("topic", TOPICS)}
      {check("escalated", "escalatedOnly")}
      {check("mine", "mine")}
    </form>
  );
}
