"use client";

import type { AdminUnit } from "@/contracts/admin";
import { APPROVER_ROLES, type SectionOwnership } from "@/domain/template";
import { RoleSelect, UnitSelect } from "./GrantSelects";
import { keyFromTitle, type SectionDraft } from "./template-draft";

const OWNERSHIP_LABELS: Record<SectionOwnership, string> = {
  avdelning: "Den beredande avdelningen",
  enheter: "De beredande enheterna",
  units: "Valda enheter",
};

type Approval = SectionDraft["approvals"][number];

interface Props {
  section: SectionDraft;
  index: number;
  count: number;
  units: AdminUnit[];
  onChange(section: SectionDraft): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function ApprovalRow({
  approval,
  idPrefix,
  units,
  onChange,
  onRemove,
}: {
  approval: Approval;
  idPrefix: string;
  units: AdminUnit[];
  onChange(approval: Approval): void;
  onRemove(): void;
}) {
  const organisationWide = approval.role === "stadsdelsdirektor";
  return (
    <li className="field-row">
      <RoleSelect
        id={`${idPrefix}-role`}
        roles={APPROVER_ROLES}
        value={approval.role}
        onChange={(role) => onChange({ role, unitId: role === "stadsdelsdirektor" ? null : approval.unitId })}
      />
      {!organisationWide && (
        <UnitSelect
          id={`${idPrefix}-unit`}
          units={units}
          value={approval.unitId ?? ""}
          onChange={(unitId) => onChange({ ...approval, unitId: unitId || null })}
          noUnitLabel="Varje ägande enhet"
        />
      )}
      <button type="button" className="button secondary" onClick={onRemove}>
        Ta bort godkännandet
      </button>
    </li>
  );
}

/** One section of a template being edited: its fields, owners, approvals and place in the order. */
export function TemplateSectionFields({ section, index, count, units, onChange, onMove, onRemove }: Props) {
  const id = `template-${section.uid}`;
  const name = section.title || `Avsnitt ${index + 1}`;
  const set = (change: Partial<SectionDraft>) => onChange({ ...section, ...change });
  const setApproval = (at: number, approval: Approval | null) =>
    set({
      approvals: section.approvals.flatMap((old, i) => (i !== at ? [old] : approval ? [approval] : [])),
    });
  return (
    <fieldset className="template-section">
      <legend>
        {index + 1}. {name}
      </legend>
      <div className="field">
        <label htmlFor={`${id}-title`}>Rubrik</label>
        <input
          id={`${id}-title`}
          type="text"
          value={section.title}
          onChange={(e) =>
            set({
              title: e.target.value,
              ...(!section.keyTyped && { key: keyFromTitle(e.target.value) }),
            })
          }
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>Nyckel</label>
        <p className="field-hint" id={`${id}-key-hint`}>
          Avsnittets fasta namn: a–z, 0–9 och bindestreck. Föreslås från rubriken.
        </p>
        <input
          id={`${id}-key`}
          type="text"
          value={section.key}
          aria-describedby={`${id}-key-hint`}
          onChange={(e) => set({ key: e.target.value, keyTyped: true })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-guidance`}>Vägledning</label>
        <p className="field-hint" id={`${id}-guidance-hint`}>
          Visas i det tomma avsnittet: vad som hör hemma där.
        </p>
        <textarea
          id={`${id}-guidance`}
          rows={2}
          value={section.guidance ?? ""}
          aria-describedby={`${id}-guidance-hint`}
          onChange={(e) => set({ guidance: e.target.value || null })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-ownership`}>Ägs av</label>
        <select
          id={`${id}-ownership`}
          value={section.ownership}
          onChange={(e) => set({ ownership: e.target.value as SectionOwnership })}
        >
          {Object.entries(OWNERSHIP_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {section.ownership === "units" && (
        <fieldset className="field">
          <legend>Ägande enheter</legend>
          <ul className="checkbox-list">
            {units.map((unit) => (
              <li key={unit.id}>
                <input
                  type="checkbox"
                  id={`${id}-owner-${unit.id}`}
                  checked={section.ownerUnitIds.includes(unit.id)}
                  onChange={(e) =>
                    set({
                      ownerUnitIds: e.target.checked
                        ? [...section.ownerUnitIds, unit.id]
                        : section.ownerUnitIds.filter((owner) => owner !== unit.id),
                    })
                  }
                />
                <label htmlFor={`${id}-owner-${unit.id}`}>{unit.name}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <fieldset className="field">
        <legend>Godkännanden som krävs</legend>
        {section.approvals.length === 0 && <p className="muted">Inga godkännanden.</p>}
        <ul className="approval-list">
          {section.approvals.map((approval, at) => (
            <ApprovalRow
              // Approvals have no id of their own; their place identifies them while editing.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={at}
              approval={approval}
              idPrefix={`${id}-approval-${at}`}
              units={units}
              onChange={(changed) => setApproval(at, changed)}
              onRemove={() => setApproval(at, null)}
            />
          ))}
        </ul>
        <button
          type="button"
          className="button secondary"
          onClick={() => set({ approvals: [...section.approvals, { role: "enhetschef", unitId: null }] })}
        >
          Lägg till godkännande
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button secondary" disabled={index === 0} onClick={() => onMove(-1)}>
          Flytta upp<span className="visually-hidden"> {name}</span>
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          Flytta ned<span className="visually-hidden"> {name}</span>
        </button>
        <button type="button" className="button secondary" disabled={count === 1} onClick={onRemove}>
          Ta bort avsnittet<span className="visually-hidden"> {name}</span>
        </button>
      </div>
    </fieldset>
  );
}
