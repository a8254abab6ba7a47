import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { UsersAdmin } from "@/components/admin/UsersAdmin";
import { listUnitsForAdmin } from "@/workflow/admin-units";
import { searchUsers } from "@/workflow/admin-users";
import { getDb } from "@/workflow/app-services";

export const metadata: Metadata = { title: "Användare" };
export const dynamic = "force-dynamic";

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePageUser("/admin/users");
  const query = (await searchParams).q?.trim().slice(0, 200) || undefined;
  const db = await getDb();
  const [users, units] = await Promise.all([searchUsers(db, user, query), listUnitsForAdmin(db, user)]);
  if (!users.ok || !units.ok) forbidden();
  return (
    <>
      <h1>Användare</h1>
      <UsersAdmin query={query ?? ""} users={users.value} units={units.value} />
    </>
  );
}
