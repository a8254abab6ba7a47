"use client";

import { useState } from "react";
import type { AdminUnit, RoleGrantInput } from "@/contracts/admin";
import { isOrganisationRole } from "@/domain/admin";
import { ROLES, type Role } from "@/domain/roles";
import { RoleSelect, UnitSelect } from "./GrantSelects";

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
      <RoleSelect id={`${idPrefix}-role`} roles={ROLES} value={role} onChange={setRole} />
      {!isOrganisationRole(role) && (
        <UnitSelect id={`${idPrefix}-unit`} units={active} value={unitId} onChange={setUnitId} />
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
