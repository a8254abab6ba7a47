import Link from "next/link";
import type { Viewer } from "@/contracts/session";
import { isAdministrator } from "@/domain/access";
import { ROLE_LABELS } from "@/domain/roles";
import { SignOutButton } from "./SignOutButton";

/** The app's header; without a signed-in user (a page anyone may reach) it holds only the name. */
export function AppHeader({ user }: { user: Viewer | null }) {
  const roles = (user?.roles ?? []).map((grant) =>
    [ROLE_LABELS[grant.role], grant.unitName].filter(Boolean).join(", "),
  );
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Beredning
      </Link>
      {user && isAdministrator(user) && (
        <nav aria-label="Huvudmeny" className="app-nav">
          <Link href="/admin">Administration</Link>
        </nav>
      )}
      {user && (
        <div className="who">
          <span className="who-name">{user.name}</span>
          <span className="who-roles">{roles.join(" · ")}</span>
          <SignOutButton />
        </div>
      )}
    </header>
  );
}
