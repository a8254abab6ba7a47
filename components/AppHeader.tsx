import Link from "next/link";
import type { SessionUser } from "@/db/queries/users";
import { isAdministrator } from "@/domain/access";
import { ROLE_LABELS } from "@/domain/roles";
import { SignOutButton } from "./SignOutButton";

export function AppHeader({ user }: { user: SessionUser }) {
  const roles = user.roles.map((grant) =>
    [ROLE_LABELS[grant.role], grant.unitName].filter(Boolean).join(", "),
  );
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Beredning
      </Link>
      {isAdministrator(user) && (
        <nav aria-label="Huvudmeny" className="app-nav">
          <Link href="/admin">Administration</Link>
        </nav>
      )}
      <div className="who">
        <span className="who-name">{user.name}</span>
        <span className="who-roles">{roles.join(" · ")}</span>
        <SignOutButton />
      </div>
    </header>
  );
}
