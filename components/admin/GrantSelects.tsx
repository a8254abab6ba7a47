"use client";

import type { AdminUnit } from "@/contracts/admin";
import { ROLE_LABELS, type Role } from "@/domain/roles";

/** The "Roll" field: a select of the given roles by their Swedish names. */
export function RoleSelect<R extends Role>({
  id,
  roles,
  value,
  onChange,
}: {
  id: string;
  roles: readonly R[];
  value: R;
  onChange(role: R): void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Roll</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as R)}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The "Enhet" field: a select of the units, after a choice of no unit (value "") when it is named. */
export function UnitSelect({
  id,
  units,
  value,
  onChange,
  noUnitLabel,
}: {
  id: string;
  units: AdminUnit[];
  value: string;
  onChange(unitId: string): void;
  noUnitLabel?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Enhet</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {noUnitLabel && <option value="">{noUnitLabel}</option>}
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
    </div>
  );
}
