import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { AdminNav } from "@/components/admin/AdminNav";
import { isAdministrator } from "@/domain/access";

export const dynamic = "force-dynamic";

/** The admin area: administratörer only; everyone else gets the 403 page. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("/admin");
  if (!isAdministrator(user)) forbidden();
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page admin">
        <AdminNav />
        {children}
      </main>
    </>
  );
}
