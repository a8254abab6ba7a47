import type { Metadata } from "next";
import { ColumnHeads } from "@/components/ColumnHeads";
import { listAdministrationEvents } from "@/workflow/admin-events";
import { adminPageData } from "./admin-page-data";

export const metadata: Metadata = { title: "Administration" };
export const dynamic = "force-dynamic";

const ACTION_LABELS: Record<string, string> = {
  "unit.created": "Enhet skapad",
  "unit.updated": "Enhet ändrad",
  "unit.deleted": "Enhet borttagen",
  "user.created": "Användare skapad",
  "user.updated": "Användare ändrad",
  "user.roles-synced": "Roller från inloggningens grupper",
  "oidc-mapping.created": "Gruppkoppling skapad",
  "oidc-mapping.deleted": "Gruppkoppling borttagen",
  "template.created": "Mall skapad",
  "template.updated": "Mall ändrad",
  "template.deleted": "Mall borttagen",
};

const when = new Intl.DateTimeFormat("sv-SE", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Stockholm",
});

export default async function AdminPage() {
  const { events } = await adminPageData("/admin", (db, user) => listAdministrationEvents(db, user, 50));
  return (
    <>
      <h1>Administration</h1>
      <h2>Senaste ändringar</h2>
      {events.length === 0 ? (
        <p>Inga ändringar ännu.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Administrationens ändringslogg, senaste först</caption>
          <ColumnHeads names={["Tid", "Händelse", "Vem", "Uppgifter"]} />
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{when.format(new Date(event.createdAt))}</td>
                <td>{ACTION_LABELS[event.action] ?? event.action}</td>
                <td>{event.actorName ?? "–"}</td>
                <td>
                  <code className="event-details">{JSON.stringify(event.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
