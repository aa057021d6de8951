import { type FormEvent, useEffect, useState } from "react";
import type { Api, Improvement, ImprovementStatus } from "../api";
import { TOPICS } from "../contract";
import { useT } from "../i18n";

const statuses: ImprovementStatus[] = ["planned", "inProgress", "done", "dropped"];

/** The improvement log: actions taken because of complaints, with owner, deadline and status; overdue ones stand out. */
export function ImprovementLog({ client, version, canEdit, onError }: { client: Api; version: number; canEdit: boolean; onError: (e: unknown) => void }) {
  const t = useT();
  const [items, setItems] = useState<Improvement[]>([]);
  useEffect(() => {
    client.improvements().then(setItems, onError);
  }, [client, version, onError]);

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    client
      .addImprovement({
        title: String(data.get("title")),
        topic: String(data.get("topic")),
        owner: String(data.get("owner")),
        deadline: new Date(String(data.get("deadline"))).toISOString(),
      })
      .then((created) => {
        setItems((list) => [...list, created]);
        form.reset();
      }, onError);
  };

  const setStatus = (id: string, status: ImprovementStatus) =>
    client.setImprovementStatus(id, status).then((updated) => setItems((list) => list.map((i) => (i.id === id ? updated : i))), onError);

  return (
    <section aria-labelledby="improvements-title" data-testid="improvements">
      <h3 id="improvements-title">{t("improvements")}</h3>
      <table className="queue">
        <thead>
          <tr>
            <th scope="col">{t("title")}</th>
            <th scope="col">{t("topic")}</th>
            <th scope="col">{t("owner")}</th>
            <th scope="col">{t("deadlineDate")}</th>
            <th scope="col">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.overdueSince ? "overdue" : ""}>
              <td>
                {item.title}
                {item.overdueSince && <span className="overdue-tag">{t("overdue")}</span>}
              </td>
              <td>{t(item.topic)}</td>
              <td>{item.owner}</td>
              <td>{item.deadline.slice(0, 10)}</td>
              <td>
                {canEdit ? (
                  <select aria-label={`${t("status")}: ${item.title}`} value={item.status} onChange={(e) => setStatus(item.id, e.target.value as ImprovementStatus)}>
                    {statuses.map((s) => (
                      <option key={s} value={s}>
                        {t(s)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(item.status)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <form onSubmit={add} className="improvement-form">
          <label>
            {t("title")}
            <input name="title" required maxLength={200} />
          </label>
          <label>
            {t("topic")}
            <select name="topic" required defaultValue="delivery">
              {TOPICS.map((topic) => (
                <option key={topic} value={topic}>
                  {t(topic)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("owner")}
            <input name="owner" required />
          </label>
          <label>
            {t("deadlineDate")}
            <input name="deadline" type="date" required />
          </label>
          <button type="submit">{t("addImprovement")}</button>
        </form>
      )}
    </section>
  );
}
