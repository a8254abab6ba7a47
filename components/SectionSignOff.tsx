"use client";

import { useState } from "react";
import type * as Y from "yjs";
import type { SectionWorkflow } from "@/contracts/statements";
import { formatSwedishDateTime } from "@/domain/deadline";
import { SECTION_STATE_LABELS } from "@/domain/signoff";
import { sectionHash } from "@/editor/section-hash";
import { api, problemOf } from "./api-client";
import { useStatementScope } from "./statement-scope";
import { TextDiff } from "./TextDiff";
import { useSectionText } from "./useSectionText";

interface SectionSignOffProps {
  section: SectionWorkflow;
  fragment: Y.XmlFragment | null;
  /** Unresolved comment threads on the section: approving them asks for confirmation. */
  openThreads: number;
  onChanged: () => Promise<void>;
}

/**
 * A section's sign-off: its state, who approved which version, the diff when the text changed
 * after approval, and the approve/revoke actions for those whose role the section names. The
 * approval is bound to the hash of the text shown here, so a chef never approves unseen text.
 */
export function SectionSignOff(props: SectionSignOffProps) {
  const { section, fragment, openThreads, onChanged } = props;
  const { statementId, myUserId, finalised } = useStatementScope();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const staleApprovals = section.approvals.filter((approval) => !approval.fresh);
  const currentText = useSectionText(
    fragment as Y.XmlFragment,
    fragment !== null && staleApprovals.length > 0,
  );
  const mine = section.approvals.filter((approval) => approval.approver.id === myUserId);
  const myFreshApproval = mine.some((approval) => approval.fresh);

  async function act(send: () => Promise<string | null>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await send());
      await onChanged();
    } catch {
      setMessage("Servern kunde inte nås. Försök igen.");
    } finally {
      setBusy(false);
    }
  }

  const approve = () => {
    setConfirming(false);
    // The approval is bound to the text shown: without it there is nothing to approve yet.
    if (!fragment) {
      setMessage("Texten är inte hämtad än. Försök igen om en stund.");
      return;
    }
    void act(async () => problemOf(await api.approve(statementId, section.key, sectionHash(fragment))));
  };
  const revoke = () => void act(async () => problemOf(await api.revoke(statementId, section.key)));

  return (
    <div className={`sign-off state-${section.state}`} data-state={section.state}>
      <p className="section-state">
        <span className="state-badge">{SECTION_STATE_LABELS[section.state]}</span>
        {section.requiredApprovals.length > 0 && (
          <span className="muted">
            {" "}
            · Godkänns av {section.requiredApprovals.map((r) => r.label).join(" och ")}
          </span>
        )}
      </p>
      {section.approvals.length > 0 && (
        <ul className="approvals">
          {section.approvals.map((approval) => (
            <li key={approval.id} className={approval.fresh ? "fresh" : "stale"}>
              {approval.fresh ? "Godkänt" : "Godkänt (före ändring)"} av {approval.approver.name},{" "}
              {section.requiredApprovals.find((r) => r.id === approval.requirementId)?.label ?? approval.role}
              , {formatSwedishDateTime(approval.approvedAt)}
            </li>
          ))}
        </ul>
      )}
      {staleApprovals.length > 0 && fragment && (
        <details className="stale-diff" open>
          <summary>Ändrad efter godkännande – visa ändringarna</summary>
          <TextDiff approved={staleApprovals[0]?.approvedText ?? ""} current={currentText} />
        </details>
      )}
      {!finalised && confirming && (
        <fieldset className="confirm-approval" aria-labelledby={`${section.key}-confirm`}>
          <p id={`${section.key}-confirm`}>
            Avsnittet har{" "}
            {openThreads === 1 ? "en olöst kommentarstråd" : `${openThreads} olösta kommentarstrådar`}. Vill
            du godkänna det ändå?
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void approve()}>
            Godkänn ändå
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            Avbryt
          </button>
        </fieldset>
      )}
      {!finalised && !confirming && (
        <div className="sign-off-actions">
          {section.approvableByMe.length > 0 && !myFreshApproval && (
            <button
              type="button"
              className="button"
              disabled={busy || !fragment}
              onClick={() => (openThreads > 0 ? setConfirming(true) : void approve())}
            >
              {mine.length > 0 ? "Godkänn igen" : "Godkänn avsnittet"}
            </button>
          )}
          {mine.length > 0 && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => void revoke()}>
              Återkalla mitt godkännande
            </button>
          )}
        </div>
      )}
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
