import { useEffect, useState } from "react";
import type { Session } from "../api";
import { LanguageContext, type Language, useT } from "../i18n";
import { Console } from "./Console";
import { Login } from "./Login";

const sessionKey = "escalation.session";
const languageKey = "escalation.language";

export function App() {
  const [session, setSession] = useState<Session | null>(() => JSON.parse(sessionStorage.getItem(sessionKey) ?? "null"));
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(languageKey) as Language) ?? "en");

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(languageKey, language);
  }, [language]);

  const signIn = (next: Session | null) => {
    if (next) sessionStorage.setItem(sessionKey, JSON.stringify(next));
    else sessionStorage.removeItem(sessionKey);
    setSession(next);
  };

  return (
    <LanguageContext.Provider value={language}>
      <Header session={session} language={language} onLanguage={setLanguage} onSignOut={() => signIn(null)} />
      {session ? <Console session={session} onUnauthorized={() => signIn(null)} /> : <Login onSignedIn={signIn} />}
    </LanguageContext.Provider>
  );
}

function Header(props: { session: Session | null; language: Language; onLanguage: (l: Language) => void; onSignOut: () => void }) {
  const t = useT();
  return (
    <header className="top">
      <h1>{t("appName")}</h1>
      <div className="top-actions">
        <label>
          {t("language")}{" "}
          <select value={props.language} onChange={(e) => props.onLanguage(e.target.value as Language)}>
            <option value="en">English</option>
            <option value="et">Eesti</option>
          </select>
        </label>
        {props.session && (
          <>
            <span className="who">
              {props.session.username} · {props.session.role}
              {props.session.team ? ` · ${props.session.team}` : ""}
            </span>
            <button type="button" onClick={props.onSignOut}>
              {t("signOut")}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
