import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { hasAnyRole } from "@/domain/access";
import { getDb } from "@/workflow/app-services";
import { administratorsToAsk } from "@/workflow/no-access";

export const metadata: Metadata = { title: "Ingen behörighet ännu" };
export const dynamic = "force-dynamic";

/** For a signed-in account without any role: what that means, and whom to ask. */
export default async function NoAccessPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (hasAnyRole(user)) redirect("/");
  const administrators = await administratorsToAsk(await getDb(), user);
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page no-access">
        <h1>Du har ingen behörighet i Beredning ännu</h1>
        <p>
          Du är inloggad som {user.name} ({user.email}), men ditt konto har ännu ingen roll. Därför kan du
          inte se eller arbeta med några tjänsteutlåtanden.
        </p>
        <h2>Så får du behörighet</h2>
        {administrators.length > 0 ? (
          <>
            <p>
              Roller delas ut av förvaltningens administratörer för Beredning, direkt eller genom din
              grupptillhörighet i organisationens inloggning. Kontakta någon av dem och berätta vilken enhet
              du arbetar på och vilken roll du behöver:
            </p>
            <ul>
              {administrators.map((admin) => (
                <li key={admin.email}>
                  {admin.name}, <a href={`mailto:${admin.email}`}>{admin.email}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            Roller delas ut av förvaltningens administratörer för Beredning. Kontakta din chef eller
            förvaltningens IT-stöd och berätta vilken enhet du arbetar på och vilken roll du behöver.
          </p>
        )}
        <p>När du har fått en roll loggar du ut och sedan in igen.</p>
      </main>
    </>
  );
}
