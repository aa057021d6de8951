import { useCallback, useState } from "react";
import { ApiError } from "../api";
import { useT } from "../i18n";

/** How a settings form's last save went: saved, refused with the api's messages, or nothing to tell (edited since). */
export type SaveOutcome = "saved" | string[] | null;

/** A refused save's messages (a 400's errors by field, else its detail); null for any other failure. */
export function validationMessages(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const messages = error.errors ? Object.values(error.errors).flat() : [];
  return messages.length > 0 ? messages : [error.message];
}

/**
 * A settings form's save: busy while it is on its way, then "saved" (and the api's answer handed to `saved`) or the
 * validation messages; any other failure goes to `onError`. `clear` forgets the outcome once the form is edited again.
 */
export function useSave(onError: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const save = useCallback(
    async <T,>(action: () => Promise<T>, saved: (answer: T) => void) => {
      setBusy(true);
      setOutcome(null);
      try {
        saved(await action());
        setOutcome("saved");
      } catch (error) {
        const messages = validationMessages(error);
        if (messages) setOutcome(messages);
        else onError(error);
      } finally {
        setBusy(false);
      }
    },
    [onError],
  );
  const clear = useCallback(() => setOutcome(null), []);
  return { busy, outcome, save, clear };
}

/** Next to a form's Save button, announced politely: "Saved." or what the api found wrong. */
export function SaveFeedback({ outcome, testId }: { outcome: SaveOutcome; testId: string }) {
  const t = useT();
  return (
    <div className="save-feedback" aria-live="polite" data-testid={testId}>
      {outcome === "saved" && <p className="ok">{t("saved")}</p>}
      {Array.isArray(outcome) && (
        <ul className="error" role="alert">
          {outcome.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
