"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { AdminUnit } from "@/contracts/admin";
import type { AdminTemplate } from "@/contracts/templates";
import { adminApi } from "../api-admin";
import { ActionMessage } from "./ActionMessage";
import { TemplateSectionFields } from "./TemplateSectionFields";
import { draftOf, emptyDraft, moved, type SectionDraft, sectionInput } from "./template-draft";
import { useAdminAction } from "./useAdminAction";

/** Deactivating, reactivating and deleting a stored template. */
function TemplateStatus({ template }: { template: AdminTemplate }) {
  const router = useRouter();
  const { message, busy, run } = useAdminAction();
  async function remove() {
    if (await run(() => adminApi.deleteTemplate(template.id))) router.push("/admin/templates");
  }
  return (
    <section aria-labelledby="template-status-heading" className="admin-form">
      <h2 id="template-status-heading">Status</h2>
      <p>
        {template.active
          ? "Mallen är aktiv och erbjuds för nya tjänsteutlåtanden."
          : "Mallen är avaktiverad."}{" "}
        {template.inUse
          ? "Tjänsteutlåtanden har skapats från den, så den kan avaktiveras men inte tas bort."
          : "Inga tjänsteutlåtanden har skapats från den."}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void run(() => adminApi.changeTemplate(template.id, { active: !template.active }))}
        >
          {template.active ? "Avaktivera mallen" : "Aktivera mallen"}
        </button>
        {!template.inUse && (
          <button type="button" className="button secondary" disabled={busy} onClick={() => void remove()}>
            Ta bort mallen
          </button>
        )}
      </div>
      <ActionMessage message={message} />
    </section>
  );
}

/** Creates a template, or edits a stored one: name, description and sections in order. */
export function TemplateEditor({ template, units }: { template: AdminTemplate | null; units: AdminUnit[] }) {
  const router = useRouter();
  const { message, busy, run } = useAdminAction();
  const [saved, setSaved] = useState(false);
  const [name, setName] = useState(template?.name ?? "");
  const [description, setDescription] = useState(template?.description ?? "");
  const [sections, setSections] = useState<SectionDraft[]>(() =>
    template ? template.sections.map(draftOf) : [emptyDraft()],
  );
  const activeUnits = units.filter((unit) => unit.active);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = { name, description: description || null, sections: sections.map(sectionInput) };
    if (template) {
      setSaved(await run(() => adminApi.changeTemplate(template.id, body)));
      return;
    }
    let createdId: string | null = null;
    await run(async () => {
      const answer = await adminApi.createTemplate(body);
      if (answer.ok) createdId = answer.data.id;
      return answer;
    });
    if (createdId) router.push(`/admin/templates/${createdId}`);
  }

  const replace = (index: number, section: SectionDraft) =>
    setSections(sections.map((old, i) => (i === index ? section : old)));

  return (
    <>
      <form onSubmit={save} className="admin-form" aria-labelledby="template-form-heading">
        <h2 id="template-form-heading">{template ? "Mallens innehåll" : "Ny mall"}</h2>
        <div className="field">
          <label htmlFor="template-name">Namn</label>
          <input id="template-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="template-description">Beskrivning</label>
          <textarea
            id="template-description"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <h3>Avsnitt i ordning</h3>
        {sections.map((section, index) => (
          <TemplateSectionFields
            key={section.uid}
            section={section}
            index={index}
            count={sections.length}
            units={activeUnits}
            onChange={(changed) => replace(index, changed)}
            onMove={(by) => setSections(moved(sections, index, by))}
            onRemove={() => setSections(sections.filter((_, i) => i !== index))}
          />
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => setSections([...sections, emptyDraft()])}
        >
          Lägg till avsnitt
        </button>
        <ActionMessage message={message} />
        {saved && (
          <p role="status" className="muted">
            Mallen är sparad. Redan skapade tjänsteutlåtanden ändras inte.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {template ? "Spara mallen" : "Skapa mallen"}
          </button>
        </div>
      </form>
      {template && <TemplateStatus template={template} />}
    </>
  );
}
