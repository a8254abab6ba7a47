import type { StatementEditRules } from "../../db/queries/statements";
import { canEditSection } from "../../domain/section-editing";
import { sectionContentRules } from "../../editor/content-rules";
import { CloseCode, ProtocolViolation } from "./close-codes";
import type { RoomHooks, UpdateContext } from "./hooks";
import type { RoomMember } from "./room";
import { inspectUpdate, type RefusalKind, type UpdatePolicy } from "./update-inspection";

/** A refused update: the sender's socket is closed with this code and reason. */
export class UpdateRefused extends ProtocolViolation {
  constructor(
    readonly kind: RefusalKind,
    reason: string,
  ) {
    // A gap heals when the client resyncs; ownership and schema refusals never do.
    super(kind === "gap" ? CloseCode.resync : CloseCode.forbidden, `Refused: ${reason}`);
  }
}

export interface Refusal {
  statementId: string;
  organisationId: string;
  userId: string;
  kind: RefusalKind;
  reason: string;
}

/**
 * Lets into a statement's document only what the sender may change: the sections they may edit
 * (domain/section-editing.ts), holding only what the editor's schema allows, with every dependency
 * present (update-inspection.ts). Anything else is refused before it is applied.
 */
export class SectionGuard implements RoomHooks {
  private readonly policies = new WeakMap<RoomMember, UpdatePolicy>();
  private readonly sectionKeys: ReadonlySet<string>;

  constructor(
    private readonly statementId: string,
    private readonly rules: StatementEditRules,
    private readonly onRefused: (refusal: Refusal) => void,
  ) {
    this.sectionKeys = new Set(rules.sections.map((section) => section.key));
  }

  beforeApply({ room, member, decoded }: UpdateContext): void {
    const result = inspectUpdate(room.doc, decoded, this.policyOf(member));
    if (result.ok) return;
    this.onRefused({
      statementId: this.statementId,
      organisationId: this.rules.statement.organisationId,
      userId: member.userId,
      kind: result.kind,
      reason: result.reason,
    });
    throw new UpdateRefused(result.kind, result.reason);
  }

  /** The sections a member may change, decided once per member. */
  private policyOf(member: RoomMember): UpdatePolicy {
    let policy = this.policies.get(member);
    if (!policy) {
      const { actor } = member;
      const editable = actor
        ? this.rules.sections.filter((section) => canEditSection(actor, this.rules.statement, section))
        : [];
      policy = {
        sectionKeys: this.sectionKeys,
        editableKeys: new Set(editable.map((section) => section.key)),
        rules: sectionContentRules(),
      };
      this.policies.set(member, policy);
    }
    return policy;
  }
}
