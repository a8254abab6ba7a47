"use client";

import { useState } from "react";
import type { AdminUnit } from "@/contracts/admin";
import type { OidcMapping } from "@/contracts/oidc-mappings";
import { ROLE_LABELS } from "@/domain/roles";
import { adminApi } from "../api-admin";
import { ColumnHeads } from "../ColumnHeads";
import { ActionMessage } from "./ActionMessage";
import { RolePicker } from "./RolePicker";
import { useAdminAction } from "./useAdminAction";

function MappingRow({ mapping }: { mapping: OidcMapping }) {
  const { message, busy, run } = useAdminAction();
  const grant = [ROLE_LABELS[mapping.role], mapping.unitName].filter(Boolean).join(", ");
  return (
    <tr>
      <td>
        <code>{mapping.group}</code>
      </td>
      <td>{grant}</td>
      <td>
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          aria-label={`Ta bort kopplingen ${mapping.group} till ${grant}`}
          onClick={() => void run(() => adminApi.deleteOidcMapping(mapping.id))}
        >
          Ta bort
        </button>
        <ActionMessage message={message} />
      </td>
    </tr>
  );
}

function NewMappingForm({ units }: { units: AdminUnit[] }) {
  const { message, busy, run } = useAdminAction();
  const [group, setGroup] = useState("");
  return (
    <section className="admin-form" aria-labelledby="new-mapping-heading">
      <h2 id="new-mapping-heading">Ny koppling</h2>
      <div className="field">
        <label htmlFor="new-mapping-group">Grupp i identitetsleverantören</label>
        <input
          id="new-mapping-group"
          type="text"
          value={group}
          onChange={(e) => setGroup(e.target.value)}
          aria-describedby="new-mapping-group-hint"
          required
        />
        <p id="new-mapping-group-hint" className="muted">
          Gruppens namn eller id så som det står i inloggningens gruppanspråk, till exempel en Entra-grupps
          objekt-id.
        </p>
      </div>
      <RolePicker
        idPrefix="new-mapping"
        units={units}
        addLabel="Lägg till koppling"
        busy={busy}
        onAdd={async (grant) => {
          if (await run(() => adminApi.createOidcMapping({ group, ...grant }))) setGroup("");
        }}
      />
      <ActionMessage message={message} />
    </section>
  );
}

/** The mappings from identity-provider groups to roles: listed, added and removed. */
export function OidcMappingsAdmin({ mappings, units }: { mappings: OidcMapping[]; units: AdminUnit[] }) {
  return (
    <>
      {mappings.length === 0 ? (
        <p>Inga kopplingar ännu. Roller sätts då bara här i administrationen.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Kopplingar från grupper till roller</caption>
          <ColumnHeads names={["Grupp", "Roll", "Åtgärd"]} />
          <tbody>
            {mappings.map((mapping) => (
              <MappingRow key={mapping.id} mapping={mapping} />
            ))}
          </tbody>
        </table>
      )}
      <NewMappingForm units={units} />
    </>
  );
}
