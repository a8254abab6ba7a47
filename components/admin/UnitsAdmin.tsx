"use client";

import { type FormEvent, useState } from "react";
import type { AdminUnit } from "@/contracts/admin";
import { adminApi } from "../api-admin";
import { ActionMessage } from "./ActionMessage";
import { SaveAndActiveToggle } from "./SaveAndActiveToggle";
import { useAdminAction } from "./useAdminAction";

function UnitRow({ unit, avdelningar }: { unit: AdminUnit; avdelningar: AdminUnit[] }) {
  const { message, busy, run } = useAdminAction();
  const [name, setName] = useState(unit.name);
  const [parentId, setParentId] = useState(unit.parentId ?? "");
  function save(event: FormEvent) {
    event.preventDefault();
    const change: { name?: string; parentId?: string } = {};
    if (name !== unit.name) change.name = name;
    if (unit.kind === "enhet" && parentId !== unit.parentId) change.parentId = parentId;
    if (Object.keys(change).length) void run(() => adminApi.changeUnit(unit.id, change));
  }
  return (
    <li className={unit.active ? "unit-row" : "unit-row inactive"}>
      <form onSubmit={save} className="unit-form" aria-label={`Enheten ${unit.name}`}>
        <label htmlFor={`unit-name-${unit.id}`}>Namn</label>
        <input id={`unit-name-${unit.id}`} value={name} onChange={(e) => setName(e.target.value)} />
        {unit.kind === "enhet" && (
          <>
            <label htmlFor={`unit-parent-${unit.id}`}>Avdelning</label>
            <select
              id={`unit-parent-${unit.id}`}
              value={parentId}
              onChange={(e) => setParentId(e.target.value)}
            >
              {avdelningar.map((avdelning) => (
                <option key={avdelning.id} value={avdelning.id}>
                  {avdelning.name}
                </option>
              ))}
            </select>
          </>
        )}
        <SaveAndActiveToggle
          saveClassName="button secondary"
          active={unit.active}
          busy={busy}
          onToggle={() => void run(() => adminApi.changeUnit(unit.id, { active: !unit.active }))}
        />
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void run(() => adminApi.deleteUnit(unit.id))}
        >
          Ta bort
        </button>
        {!unit.active && <span className="muted">Avaktiverad</span>}
      </form>
      <ActionMessage message={message} />
    </li>
  );
}

function NewUnitForm({ avdelningar }: { avdelningar: AdminUnit[] }) {
  const { message, busy, run } = useAdminAction();
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState("");
  async function create(event: FormEvent) {
    event.preventDefault();
    const body = parentId ? { name, kind: "enhet", parentId } : { name, kind: "avdelning" };
    if (await run(() => adminApi.createUnit(body))) setName("");
  }
  return (
    <form onSubmit={create} className="admin-form" aria-labelledby="new-unit-heading">
      <h2 id="new-unit-heading">Ny enhet</h2>
      <div className="field">
        <label htmlFor="new-unit-name">Namn</label>
        <input
          id="new-unit-name"
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="new-unit-parent">Hör till</label>
        <select id="new-unit-parent" value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">Ingen (en ny avdelning)</option>
          {avdelningar
            .filter((avdelning) => avdelning.active)
            .map((avdelning) => (
              <option key={avdelning.id} value={avdelning.id}>
                Enhet under {avdelning.name}
              </option>
            ))}
        </select>
      </div>
      <ActionMessage message={message} />
      <button type="submit" className="button" disabled={busy}>
        Skapa enhet
      </button>
    </form>
  );
}

/** The organisation's tree: each avdelning with its enheter; each unit renamed, moved, deactivated or deleted. */
export function UnitsAdmin({ units }: { units: AdminUnit[] }) {
  const avdelningar = units.filter((unit) => unit.kind === "avdelning");
  return (
    <>
      <ul className="unit-tree">
        {avdelningar.map((avdelning) => (
          <li key={avdelning.id}>
            <ul>
              <UnitRow unit={avdelning} avdelningar={avdelningar} />
              <li>
                <ul className="unit-children" aria-label={`Enheter under ${avdelning.name}`}>
                  {units
                    .filter((unit) => unit.parentId === avdelning.id)
                    .map((unit) => (
                      <UnitRow key={unit.id} unit={unit} avdelningar={avdelningar} />
                    ))}
                </ul>
              </li>
            </ul>
          </li>
        ))}
      </ul>
      <NewUnitForm avdelningar={avdelningar} />
    </>
  );
}
