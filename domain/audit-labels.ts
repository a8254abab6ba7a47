/** What each audit action means, in the words of the people reading the trail. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "statement.created": "Tjänsteutlåtandet skapades",
  "approval.granted": "Avsnittet godkändes",
  "approval.revoked": "Godkännandet återkallades",
  "approval.stale": "Texten ändrades efter godkännandet",
  "approval.fresh": "Texten återställdes till den godkända",
  "statement.finalised": "Tjänsteutlåtandet justerades",
  "comment.created": "Kommentar skrevs",
  "comment.resolved": "Kommentarstråden löstes",
  "comment.reopened": "Kommentarstråden öppnades igen",
  "comment.deleted": "Kommentar togs bort",
  "statement.details.changed": "Uppgifterna om tjänsteutlåtandet ändrades",
  "statement.exported": "Tjänsteutlåtandet exporterades",
  "section.restored": "Avsnittet återställdes från en tidigare version",
  "update.refused": "Upprepade ändringar som användaren inte får göra avvisades",
  "suggestion.created": "Ändringsförslag lämnades",
  "suggestion.accepted": "Ändringsförslaget godtogs och infördes",
  "suggestion.rejected": "Ändringsförslaget avvisades",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
