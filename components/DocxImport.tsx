"use client";

import { type ChangeEvent, useState } from "react";
import type { DocxImportPreview, DocxUpload } from "@/contracts/statement-import";
import { api } from "./api-client";

const MAX_BYTES = 10 * 1024 * 1024;

/** The file as base64, for the JSON body of the import routes. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** "Importera från Word": reads a .docx on the server and hands the proposal to the form. */
export function DocxImport({
  onImported,
}: {
  onImported: (file: DocxUpload, preview: DocxImportPreview) => void;
}) {
  const [status, setStatus] = useState<{ error: string | null; preview: DocxImportPreview | null }>({
    error: null,
    preview: null,
  });
  const [pending, setPending] = useState(false);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setStatus({ error: "Filen är för stor. Ett Word-dokument får vara högst 10 MB.", preview: null });
      return;
    }
    setPending(true);
    const file = { fileName: chosen.name, data: await toBase64(chosen) };
    const answer = await api.previewImport(file);
    setPending(false);
    if (!answer.ok) {
      setStatus({ error: answer.error, preview: null });
      return;
    }
    setStatus({ error: null, preview: answer.data });
    onImported(file, answer.data);
  }

  const { error, preview } = status;
  const filled = preview?.sections.filter((section) => section.text.trim() !== "") ?? [];
  return (
    <section className="docx-import" aria-labelledby="docx-import-heading">
      <h2 id="docx-import-heading">Importera från Word</h2>
      <div className="field">
        <label htmlFor="docx-import-file">Word-dokument (.docx, högst 10 MB)</label>
        <input
          id="docx-import-file"
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={choose}
          disabled={pending}
        />
      </div>
      {pending && <p role="status">Läser dokumentet…</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div role="status">
          <p>
            Uppgifterna i formuläret är hämtade ur dokumentet. Kontrollera dem och skapa utlåtandet. Text
            hittades i {filled.length} av {preview.sections.length} avsnitt
            {filled.length > 0 && <>: {filled.map((section) => section.title).join(", ")}</>}.
          </p>
          {preview.unmatched.length > 0 ? (
            <>
              <h3>Text som inte hör till något avsnitt i mallen</h3>
              <ul className="unmatched-text">
                {preview.unmatched.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>All text hör till avsnitt i mallen.</p>
          )}
        </div>
      )}
    </section>
  );
}
