import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { ExportLinks } from "@/components/ExportLinks";
import { isUuid } from "@/contracts/common";
import { renderDocumentBody } from "@/document/html";
import { documentStyles } from "@/document/styles";
import { getDb } from "@/workflow/app-services";
import { loadStatementDocument } from "@/workflow/statement-document";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tjänsteutlåtande som dokument" };

/** The statement laid out as a tjänsteutlåtande; printing it gives the document alone. */
export default async function StatementDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/statements/${id}/dokument`);
  const loaded = isUuid(id)
    ? await loadStatementDocument(await getDb(), user, id, { approvals: false })
    : null;
  if (!loaded?.ok) notFound();
  const model = loaded.value;
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page document-page">
        <div className="document-toolbar">
          <Link href={`/statements/${id}`}>Tillbaka till redigeringen</Link>
          <ExportLinks statementId={id} />
        </div>
        {/* The document's markup comes from the shared renderer, which escapes every text. */}
        <style>{documentStyles(model)}</style>
        <div
          className="tu-document-frame"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: renderDocumentBody escapes all content
          dangerouslySetInnerHTML={{ __html: renderDocumentBody(model) }}
        />
      </main>
    </>
  );
}
