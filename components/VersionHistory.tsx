"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { VersionDetailBody, VersionDiffBody, VersionSummaryBody } from "@/contracts/versions";
import { formatSwedishDateTime } from "@/domain/deadline";
import { problemOf } from "./api-client";
import { versionsApi } from "./api-versions";
import { RestoreStatementButton } from "./RestoreStatementButton";
import { DiffParts } from "./TextDiff";

const KIND_LABELS: Record<VersionSummaryBody["kind"], string> = {
  approval: "Vid godkännande",
  quiet: "Automatisk",
  named: "Namngiven",
  final: "Justerad",
};

interface SectionInfo {
  key: string;
  title: string;
  editable: boolean;
}

interface Props {
  statementId: string;
  versions: VersionSummaryBody[];
  sections: SectionInfo[];
  canName: boolean;
  /** A chef (who approves a section of the statement) may restore it whole. */
  canRestoreAll: boolean;
}

function versionLabel(version: VersionSummaryBody): string {
  const name = version.name ? ` "${version.name}"` : "";
  return `${KIND_LABELS[version.kind]}${name}, ${formatSwedishDateTime(version.createdAt)}`;
}

/** The history page: the versions, one opened read-only, a diff of two, and restoring a section. */
export function VersionHistory({ statementId, versions, sections, canName, canRestoreAll }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [opened, setOpened] = useState<VersionDetailBody | null>(null);
  const [from, setFrom] = useState(versions[0]?.id ?? "");
  const [to, setTo] = useState("current");
  const [diff, setDiff] = useState<VersionDiffBody | null>(null);

  async function open(versionId: string) {
    const answer = await versionsApi.open(statementId, versionId);
    if (answer.ok) setOpened(answer.data);
    else setMessage(answer.error);
  }

  async function compare(event: FormEvent) {
    event.preventDefault();
    const answer = await versionsApi.diff(statementId, from, to);
    if (answer.ok) setDiff(answer.data);
    else setMessage(answer.error);
  }

  async function restore(sectionKey: string, versionId: string) {
    const error = problemOf(await versionsApi.restore(statementId, sectionKey, versionId));
    setMessage(error ?? "Avsnittet är återställt.");
  }

  async function restoreAll(versionId: string) {
    const answer = await versionsApi.restoreAll(statementId, versionId);
    if (!answer.ok) return setMessage(answer.error);
    const count = answer.data.sections.length;
    setMessage(
      count === 0
        ? "Texten var redan densamma som i versionen."
        : `Utlåtandet är återställt (${count} avsnitt).`,
    );
    router.refresh();
  }

  async function name(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = String(form.get("note") ?? "").trim();
    const error = problemOf(
      await versionsApi.name(statementId, {
        name: String(form.get("name") ?? ""),
        ...(note ? { note } : {}),
      }),
    );
    setMessage(error ?? "Versionen är sparad.");
    if (!error) router.refresh();
  }

  const editable = new Map(sections.map((section) => [section.key, section.editable]));
  return (
    <div className="version-history">
      <p role="status" className="muted">
        {message}
      </p>
      {canName && (
        <form onSubmit={name} className="version-name-form">
          <h2>Namnge nuvarande text</h2>
          <label>
            Namn <input name="name" required maxLength={200} />
          </label>
          <label>
            Anteckning <input name="note" maxLength={2000} />
          </label>
          <button type="submit">Spara version</button>
        </form>
      )}
      <table className="audit-table">
        <caption>Versioner, senaste först</caption>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Typ</th>
            <th scope="col">Namn</th>
            <th scope="col">Av</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id} data-kind={version.kind}>
              <td>{formatSwedishDateTime(version.createdAt)}</td>
              <td>{KIND_LABELS[version.kind]}</td>
              <td>
                {version.name ?? "–"}
                {version.note && <span className="muted"> ({version.note})</span>}
              </td>
              <td>{version.createdBy?.name ?? "–"}</td>
              <td>
                <button type="button" onClick={() => void open(version.id)}>
                  Visa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 0 && (
        <form onSubmit={compare} className="version-compare">
          <h2>Jämför</h2>
          <label>
            Från
            <select value={from} onChange={(event) => setFrom(event.target.value)}>
              <VersionOptions versions={versions} />
            </select>
          </label>
          <label>
            Till
            <select value={to} onChange={(event) => setTo(event.target.value)}>
              <option value="current">Nuvarande text</option>
              <VersionOptions versions={versions} />
            </select>
          </label>
          <button type="submit">Visa skillnader</button>
        </form>
      )}
      {diff && <DiffView diff={diff} />}
      {opened && (
        <section aria-labelledby="opened-version">
          <h2 id="opened-version">{versionLabel(opened)}</h2>
          {canRestoreAll && (
            <RestoreStatementButton key={opened.id} onConfirm={() => void restoreAll(opened.id)} />
          )}
          {opened.sections.map((section) => (
            <article key={section.key} className="version-section" data-section={section.key}>
              <h3>{section.title}</h3>
              <p className="text-diff">{section.text}</p>
              {editable.get(section.key) && (
                <button type="button" onClick={() => void restore(section.key, opened.id)}>
                  Återställ avsnittet {section.title}
                </button>
              )}
            </article>
          ))}
        </section>
      )}
    </div>
  );
}

/** Changed sections word by word; unchanged ones only counted. */
function VersionOptions({ versions }: { versions: VersionSummaryBody[] }) {
  return versions.map((version) => (
    <option key={version.id} value={version.id}>
      {versionLabel(version)}
    </option>
  ));
}

function DiffView({ diff }: { diff: VersionDiffBody }) {
  const changed = diff.sections.filter((section) => section.changed);
  const unchanged = diff.sections.length - changed.length;
  return (
    <section aria-labelledby="version-diff" className="version-diff">
      <h2 id="version-diff">Skillnader</h2>
      {changed.length === 0 && <p>Inga skillnader.</p>}
      {changed.map((section) => (
        <article key={section.key} data-section={section.key}>
          <h3>{section.title}</h3>
          {section.paragraphs.map((paragraph, index) => {
            const key = `${index}-${paragraph.kind}`;
            if (paragraph.kind === "changed") return <DiffParts key={key} parts={paragraph.parts} />;
            if (paragraph.kind === "context") {
              return (
                <p key={key} className="muted">
                  {paragraph.text}
                </p>
              );
            }
            return (
              <p key={key} className="muted">
                … {paragraph.paragraphs} oförändrade stycken …
              </p>
            );
          })}
        </article>
      ))}
      {unchanged > 0 && <p className="muted">{unchanged} oförändrade avsnitt visas inte.</p>}
    </section>
  );
}
