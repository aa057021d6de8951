import { type FormEvent, useState } from "react";
import { login, type Session } from "../api";
import { useT } from "../i18n";

export function Login({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(String(form.get("username")), String(form.get("password"))));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h2 id="login-title">{t("signIn")}</h2>
        <label>
          {t("username")}
          <input name="username" autoComplete="username" required autoFocus />
        </label>
        <label>
          {t("password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("signIn")}
        </button>
      </form>
    </main>
  );
}
