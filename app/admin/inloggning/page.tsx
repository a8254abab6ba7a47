import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { isOidcEnabled } from "@/auth/options";
import { OidcMappingsAdmin } from "@/components/admin/OidcMappingsAdmin";
import { listUnitsForAdmin } from "@/workflow/admin-units";
import { getDb } from "@/workflow/app-services";
import { listGroupMappings } from "@/workflow/oidc-mappings";

export const metadata: Metadata = { title: "Inloggning och grupper" };
export const dynamic = "force-dynamic";

function SettingsSummary() {
  if (!isOidcEnabled()) {
    return <p>Inloggning via identitetsleverantör är inte påslagen (OIDC_ISSUER med flera är inte satta).</p>;
  }
  const claim = process.env.OIDC_GROUPS_CLAIM ?? "groups";
  return (
    <p>
      Grupperna läses från anspråket <code>{claim}</code>.{" "}
      {process.env.OIDC_AUTO_CREATE === "1"
        ? "Ett konto skapas vid första inloggningen."
        : "Konton skapas inte automatiskt: bara den som redan har ett konto kan logga in."}
    </p>
  );
}

export default async function AdminOidcPage() {
  const user = await requirePageUser("/admin/inloggning");
  const db = await getDb();
  const [units, mappings] = [await listUnitsForAdmin(db, user), await listGroupMappings(db, user)];
  if (!units.ok || !mappings.ok) forbidden();
  return (
    <>
      <h1>Inloggning och grupper</h1>
      <SettingsSummary />
      <p>
        Den som loggar in via identitetsleverantören får vid varje inloggning de roller som hens grupper är
        kopplade till här, och förlorar de andra. Finns ingen koppling alls sätts rollerna bara under
        Användare.
      </p>
      <OidcMappingsAdmin mappings={mappings.value.mappings} units={units.value} />
    </>
  );
}
