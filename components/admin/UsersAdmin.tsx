"use client";

import { type FormEvent, useState } from "react";
import type { AdminUnit, AdminUser, RoleGrantInput } from "@/contracts/admin";
import { ROLE_LABELS, type Role } from "@/domain/roles";
import { adminApi } from "../api-admin";
import { ActionMessage } from "./ActionMessage";
import { RolePicker } from "./RolePicker";
import { SaveAndActiveToggle } from "./SaveAndActiveToggle";
import { UserImport } from "./UserImport";
import { useAdminAction } from "./useAdminAction";

function roleLabel(grant: { role: Role; unitId: string | null }, units: AdminUnit[]) {
  const unit = units.find((candidate) => candidate.id === grant.unitId);
  return [ROLE_LABELS[grant.role], unit?.name].filter(Boolean).join(", ");
}

function RoleList({
  roles,
  units,
  onRemove,
}: {
  roles: RoleGrantInput[];
  units: AdminUnit[];
  onRemove(index: number): void;
}) {
  if (roles.length === 0) return <p className="muted">Inga roller.</p>;
  return (
    <ul className="role-list">
      {roles.map((grant, index) => (
        <li key={`${grant.role}-${grant.unitId}`}>
          {roleLabel(grant, units)}{" "}
          <button type="button" className="link-button" onClick={() => onRemove(index)}>
            Ta bort <span className="visually-hidden">rollen {roleLabel(grant, units)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

const TEXT_FIELDS = [
  { key: "name", label: "Namn", type: "text" },
  { key: "email", label: "E-post", type: "email" },
  { key: "title", label: "Titel", type: "text" },
  { key: "telephone", label: "Telefon", type: "tel" },
] as const;

type TextValues = Record<(typeof TEXT_FIELDS)[number]["key"], string>;

function TextFields({
  idPrefix,
  values,
  onChange,
}: {
  idPrefix: string;
  values: TextValues;
  onChange(values: TextValues): void;
}) {
  return (
    <div className="field-row">
      {TEXT_FIELDS.map(({ key, label, type }) => (
        <div className="field" key={key}>
          <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
          <input
            id={`${idPrefix}-${key}`}
            type={type}
            value={values[key]}
            onChange={(e) => onChange({ ...values, [key]: e.target.value })}
          />
        </div>
      ))}
    </div>
  );
}

function UserEditor({ user, units }: { user: AdminUser; units: AdminUnit[] }) {
  const { message, busy, run } = useAdminAction();
  const prefix = `user-${user.id}`;
  const [values, setValues] = useState<TextValues>({
    name: user.name,
    email: user.email,
    title: user.title ?? "",
    telephone: user.telephone ?? "",
  });
  const [roles, setRoles] = useState<RoleGrantInput[]>(
    user.roles.map(({ role, unitId }) => ({ role, unitId })),
  );
  const [password, setPassword] = useState("");
  function save(event: FormEvent) {
    event.preventDefault();
    void run(() => adminApi.editUser(user.id, { ...values, roles }));
  }
  return (
    <form onSubmit={save} className="admin-form" aria-label={`Redigera ${user.name}`}>
      <TextFields idPrefix={prefix} values={values} onChange={setValues} />
      <RoleList
        roles={roles}
        units={units}
        onRemove={(index) => setRoles(roles.filter((_, i) => i !== index))}
      />
      <RolePicker idPrefix={prefix} units={units} onAdd={(grant) => setRoles([...roles, grant])} />
      <div className="form-actions">
        <SaveAndActiveToggle
          saveClassName="button"
          active={user.active}
          busy={busy}
          onToggle={() => void run(() => adminApi.editUser(user.id, { active: !user.active }))}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${prefix}-password`}>Nytt lösenord</label>
          <input
            id={`${prefix}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={async () => (await run(() => adminApi.editUser(user.id, { password }))) && setPassword("")}
        >
          Byt lösenord
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void run(() => adminApi.editUser(user.id, { password: null }))}
        >
          Bara inloggning via identitetsleverantören
        </button>
      </div>
      <ActionMessage message={message} />
    </form>
  );
}

const EMPTY: TextValues = { name: "", email: "", title: "", telephone: "" };

function NewUserForm({ units }: { units: AdminUnit[] }) {
  const { message, busy, run } = useAdminAction();
  const [values, setValues] = useState<TextValues>(EMPTY);
  const [roles, setRoles] = useState<RoleGrantInput[]>([]);
  const [password, setPassword] = useState("");
  async function create(event: FormEvent) {
    event.preventDefault();
    const body = { ...values, roles, password: password || null };
    if (await run(() => adminApi.createUser(body))) {
      setValues(EMPTY);
      setRoles([]);
      setPassword("");
    }
  }
  return (
    <form onSubmit={create} className="admin-form" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">Ny användare</h2>
      <TextFields idPrefix="new-user" values={values} onChange={setValues} />
      <div className="field">
        <label htmlFor="new-user-password">Lösenord</label>
        <p className="field-hint" id="new-user-password-hint">
          Minst 12 tecken. Lämna tomt för inloggning bara via identitetsleverantören.
        </p>
        <input
          id="new-user-password"
          type="password"
          autoComplete="new-password"
          aria-describedby="new-user-password-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <RoleList
        roles={roles}
        units={units}
        onRemove={(index) => setRoles(roles.filter((_, i) => i !== index))}
      />
      <RolePicker idPrefix="new-user" units={units} onAdd={(grant) => setRoles([...roles, grant])} />
      <ActionMessage message={message} />
      <button type="submit" className="button" disabled={busy}>
        Skapa användare
      </button>
    </form>
  );
}

/** Search, the user list (each editable in a disclosure), and a form for a new user. */
export function UsersAdmin({
  query,
  users,
  units,
}: {
  query: string;
  users: AdminUser[];
  units: AdminUnit[];
}) {
  return (
    <>
      <search>
        <form method="get" className="field-row user-search">
          <div className="field">
            <label htmlFor="user-search">Sök på namn eller e-post</label>
            <input id="user-search" type="search" name="q" defaultValue={query} />
          </div>
          <button type="submit" className="button secondary">
            Sök
          </button>
        </form>
      </search>
      <ul className="user-list">
        {users.map((user) => (
          <li key={user.id}>
            <details>
              <summary>
                {user.name} ({user.email}){user.active ? "" : " – avaktiverad"}
                {user.passwordSignIn ? "" : " – bara identitetsleverantör"}
              </summary>
              <UserEditor user={user} units={units} />
            </details>
          </li>
        ))}
      </ul>
      {users.length === 0 && <p>Inga användare matchar sökningen.</p>}
      <NewUserForm units={units} />
      <UserImport />
    </>
  );
}
