import { useEffect } from "react";
import { useT } from "../i18n";

export interface Toast {
  id: string;
  kind: "info" | "warning" | "danger" | "error";
  text: string;
}

/** Unobtrusive notices, announced politely to screen readers; each fades after a few seconds. */
export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: string) => void }) {
  const t = useT();
  useEffect(() => {
    if (toasts.length === 0) return;
    const timer = setTimeout(() => onDismiss(toasts[0].id), 6000);
    return () => clearTimeout(timer);
  }, [toasts, onDismiss]);
  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`}>
          <span>{toast.text}</span>
          <button type="button" onClick={() => onDismiss(toast.id)} aria-label={t("dismiss")}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
