/** Links to the document view and the statement's exports (see GET /api/statements/:id/export). */
export function ExportLinks({
  statementId,
  showDocumentLink = false,
}: {
  statementId: string;
  showDocumentLink?: boolean;
}) {
  const exportUrl = (format: "docx" | "pdf") => `/api/statements/${statementId}/export?format=${format}`;
  return (
    <nav className="export-links" aria-label="Dokument och export">
      {showDocumentLink && <a href={`/statements/${statementId}/dokument`}>Visa som dokument</a>}
      <a className="button secondary" href={exportUrl("docx")} download>
        Ladda ned Word (DOCX)
      </a>
      <a className="button secondary" href={exportUrl("pdf")} download>
        Ladda ned PDF
      </a>
      <a href={`${exportUrl("pdf")}&approvals=1`} download>
        PDF med godkännanden
      </a>
    </nav>
  );
}
