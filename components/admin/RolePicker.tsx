"use client";

import { useState } from "react";
import type { AdminUnit, RoleGrantInput } from "@/contracts/admin";
import { isOrganisationRole } from "@/domain/admin";
import { ROLE_LABELS, ROLES, type Role } from "@/domain/roles";

/** A role and, for unit roles, the unit; ids are prefixed so that several pickers can share a page. */
export function RolePicker({
  idPrefix,
  units,
  onAdd,
  addLabel = "Lägg till roll",
  busy = false,
}: {
  idPrefix: string;
  units: AdminUnit[];
  onAdd(grant: RoleGrantInput): void;
  addLabel?: string;
  busy?: boolean;
}) {
  const [role, setRole] = useState<Role>("handlaggare");
  const active = units.filter((unit) => unit.active);
  const [unitId, setUnitId] = useState(active[0]?.id ?? "");
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>Roll</label>
        <select id={`${idPrefix}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
      {!isOrganisationRole(role) && (
        <div className="field">
          <label htmlFor={`${idPrefix}-unit`}>Enhet</label>
          <select id={`${idPrefix}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {active.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="button"
        className="button secondary"
        disabled={busy}
        onClick={() => onAdd({ role, unitId: isOrganisationRole(role) ? null : unitId })}
      >
        {addLabel}
      </button>
    </div>
  );
}
