import { useEffect, useState } from "react";
import type { Api, Customer } from "../api";
import { useT } from "../i18n";

interface Props {
  customerId: string;
  client: Api;
  oversees: boolean;
  onError: (error: unknown) => void;
}

/**
 * The customer's history (one-off or persistent dissatisfaction, over every id merged into them) and, for those who
 * oversee a team, the ids that share an e-mail or phone with them, each merged only when a person says so.
 */
export function CustomerHistory({ customerId, client, oversees, onError }: Props) {
  const t = useT();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [suggested, setSuggested] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.customer(customerId).then(setCustomer, onError);
    if (oversees) client.suggestedMerges(customerId).then(setSuggested, onError);
  }, [client, customerId, oversees, onError]);

  const merge = async (other: string) => {
    setBusy(true);
    try {
      setCustomer(await client.merge(customerId, other));
      // The merged id is no longer a suggestion from this moment; the others are asked for again.
      setSuggested((current) => current.filter((id) => id !== other));
      setSuggested(await client.suggestedMerges(customerId));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  if (!customer) return null;
  const others = customer.ids.filter((id) => id !== customerId);
  return (
    <div data-testid="customer-history">
      <p className={customer.persistentDissatisfaction ? "persistent" : "one-off"}>
        {customer.persistentDissatisfaction ? t("persistent") : t("oneOff")} · {t("complaintsLast90Days")}: {customer.complaintsLast90Days}
      </p>
      {others.length > 0 && (
        <p data-testid="merged-ids">
          {t("alsoKnownAs")}: {others.join(", ")}
        </p>
      )}
      {suggested.length > 0 && (
        <ul className="suggested-merges" aria-label={t("suggestedMerges")}>
          {suggested.map((id) => (
            <li key={id}>
              {t("sameContact")}: {id}{" "}
              <button type="button" disabled={busy} onClick={() => void merge(id)}>
                {t("mergeCustomer")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
