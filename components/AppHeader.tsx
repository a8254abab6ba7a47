import Link from "next/link";
import type { Viewer } from "@/contracts/session";
import { ROLE_LABELS } from "@/domain/roles";
import { SignOutButton } from "./SignOutButton";

export function AppHeader({ user }: { user: Viewer }) {
  const roles = user.roles.map((grant) =>
    [ROLE_LABELS[grant.role], grant.unitName].filter(Boolean).join(", "),
  );
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Beredning
      </Link>
      <div className="who">
        <span className="who-name">{user.name}</span>
        <span className="who-roles">{roles.join(" · ")}</span>
        <SignOutButton />
      </div>
    </header>
  );
}
