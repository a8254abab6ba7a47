"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { adminApi } from "../api-admin";
import { problemOf } from "../api-client";
import { ActionMessage } from "./ActionMessage";

const FIELDS = [
  { key: "organisation", label: "Organisationens namn", type: "text", autoComplete: "organization" },
  { key: "name", label: "Ditt namn", type: "text", autoComplete: "name" },
  { key: "email", label: "E-postadress", type: "email", autoComplete: "email" },
  { key: "password", label: "Lösenord (minst 12 tecken)", type: "password", autoComplete: "new-password" },
] as const;

export function SetupForm() {
  const router = useRouter();
  const [values, setValues] = useState({ organisation: "", name: "", email: "", password: "" });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const problem = problemOf(await adminApi.setUp(values));
    setBusy(false);
    setMessage(problem);
    if (problem === null) router.push("/login");
  }
  return (
    <form onSubmit={submit} className="admin-form" aria-label="Organisation och administratör">
      {FIELDS.map(({ key, label, type, autoComplete }) => (
        <div className="field" key={key}>
          <label htmlFor={`setup-${key}`}>{label}</label>
          <input
            id={`setup-${key}`}
            type={type}
            autoComplete={autoComplete}
            required
            value={values[key]}
            onChange={(e) => setValues({ ...values, [key]: e.target.value })}
          />
        </div>
      ))}
      <ActionMessage message={message} />
      <button type="submit" className="button" disabled={busy}>
        Skapa och gå till inloggningen
      </button>
    </form>
  );
}
