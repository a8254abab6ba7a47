import type { Metadata } from "next";
import { requirePageUser } from "@/auth/current-user";
import { UsersAdmin } from "@/components/admin/UsersAdmin";
import { getDb } from "@/db/client";
import { listAdminUnits } from "@/db/queries/admin-units";
import { listAdminUsers } from "@/db/queries/admin-users";

export const metadata: Metadata = { title: "Användare" };
export const dynamic = "force-dynamic";

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePageUser("/admin/users");
  const query = (await searchParams).q?.trim().slice(0, 200) || undefined;
  const db = await getDb();
  return (
    <>
      <h1>Användare</h1>
      <UsersAdmin
        query={query ?? ""}
        users={await listAdminUsers(db, user.organisationId, query)}
        units={await listAdminUnits(db, user.organisationId)}
      />
    </>
  );
}
