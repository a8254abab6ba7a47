"use client";

import { useRouter } from "next/navigation";
import { type ChangeEvent, useState } from "react";
import { type UserImportResponse, userImportResponseSchema } from "@/contracts/admin";
import { adminApi } from "../api-admin";
import { ColumnHeads } from "../ColumnHeads";

type Outcome = { message: string | null; result: UserImportResponse | null };

/** A preview, or a refused import whose answer still lists each row's problems. */
async function send(csv: string, commit: boolean): Promise<Outcome> {
  const answer = await adminApi.importUsers(csv, commit);
  if (answer.ok) return { message: null, result: answer.data };
  const rows = userImportResponseSchema.safeParse(answer.body);
  return { message: answer.error, result: rows.success ? rows.data : null };
}

function Preview({ result }: { result: UserImportResponse }) {
  return (
    <table className="admin-table">
      <caption>Förhandsgranskning: {result.rows.length} rader</caption>
      <ColumnHeads names={["Rad", "Namn", "E-post", "Titel", "Enhet", "Roll", "Fel"]} />
      <tbody>
        {result.rows.map((row) => (
          <tr key={row.line} className={row.errors.length ? "import-error" : undefined}>
            <td>{row.line}</td>
            <td>{row.name}</td>
            <td>{row.email}</td>
            <td>{row.title ?? "–"}</td>
            <td>{row.unit ?? "–"}</td>
            <td>{row.role}</td>
            <td>{row.errors.length ? row.errors.join(" ") : "OK"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** CSV import: a file or pasted text, a preview with each row's problems, then all rows or none. */
export function UserImport() {
  const router = useRouter();
  const [csv, setCsv] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ message: null, result: null });
  const [busy, setBusy] = useState(false);
  async function submit(commit: boolean) {
    setBusy(true);
    const next = await send(csv, commit);
    setBusy(false);
    setOutcome(next);
    if (commit && next.result && next.result.created > 0) router.refresh();
  }
  /** A changed text needs a new preview before it can be imported. */
  function change(text: string) {
    setCsv(text);
    setOutcome({ message: null, result: null });
  }
  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) change(await file.text());
  }
  const { message, result } = outcome;
  return (
    <section aria-labelledby="import-heading" className="admin-form">
      <h2 id="import-heading">Importera användare från CSV</h2>
      <p className="field-hint" id="import-hint">
        Första raden: namn, e-post, titel, enhet, roll. Komma eller semikolon. Användarna loggar in via
        identitetsleverantören tills de får ett lösenord.
      </p>
      <div className="field">
        <label htmlFor="import-file">CSV-fil</label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={readFile} />
      </div>
      <div className="field">
        <label htmlFor="import-text">CSV-text</label>
        <textarea
          id="import-text"
          rows={6}
          aria-describedby="import-hint"
          value={csv}
          onChange={(e) => change(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button secondary" disabled={busy} onClick={() => void submit(false)}>
          Förhandsgranska
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !result?.valid || result.created > 0}
          onClick={() => void submit(true)}
        >
          Importera
        </button>
      </div>
      <div aria-live="polite">
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        {result && result.created > 0 && <p>{result.created} användare har skapats.</p>}
      </div>
      {result && <Preview result={result} />}
    </section>
  );
}
