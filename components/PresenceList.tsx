import type { PresentUser } from "./presence";

export function PresenceList({
  users,
  sectionTitles,
}: {
  users: PresentUser[];
  sectionTitles: Map<string, string>;
}) {
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">I utlåtandet nu ({users.length})</h2>
      <ul>
        {users.map((user) => (
          <li key={user.userId} data-user={user.userId}>
            <span className="presence-swatch" style={{ background: user.color }} aria-hidden="true" />
            <span className="presence-name">
              {user.name}
              {user.isMe && " (du)"}
            </span>
            {user.unit && <span className="presence-unit">{user.unit}</span>}
            <span className="presence-section">
              {user.section ? `i ${sectionTitles.get(user.section) ?? user.section}` : "läser"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
