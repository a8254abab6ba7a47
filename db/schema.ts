import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../domain/roles";

/**
 * bytea as Uint8Array on both drivers: PGlite returns Uint8Array, postgres-js a Buffer,
 * and postgres-js only recognises Buffers as bytea parameters.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** Every point in time is stored with its time zone. */
const timestamptz = <N extends string>(name: N) => timestamp(name, { withTimezone: true });
const createdAt = () => timestamptz("created_at").notNull().defaultNow();
const uuidPrimaryKey = () => uuid("id").primaryKey().defaultRandom();
/** For the append-only logs, whose ids also order their rows. */
const serialPrimaryKey = () => bigserial("id", { mode: "number" }).primaryKey();
/** A row's place in its parent's list. */
const position = () => integer("position").notNull();
/** An event's free-form details, `{}` when it has none. */
const eventDetails = () =>
  jsonb("details").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`);

/** A child row's parent: required, and the child is deleted with it. */
const parentRef = <N extends string>(name: N, parent: () => AnyPgColumn) =>
  uuid(name).notNull().references(parent, { onDelete: "cascade" });
const organisationRef = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id);
const userRef = <N extends string>(name: N) => uuid(name).references(() => users.id);
const unitRef = () => uuid("unit_id").references(() => units.id);
/**
 * A role, and for a unit role the unit it applies in; the unit is null for organisation-wide roles
 * (granskare, stadsdelsdirektör, administratör).
 */
const roleInUnit = { role: text("role", { enum: ROLES }).notNull(), unitId: unitRef() };

export const organisations = pgTable("organisations", {
  id: uuidPrimaryKey(),
  name: text("name").notNull().unique(),
  createdAt: createdAt(),
});

export const units = pgTable(
  "units",
  {
    id: uuidPrimaryKey(),
    organisationId: organisationRef(),
    /** The avdelning an enhet belongs to; null for top-level units. */
    parentId: uuid("parent_id"),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["avdelning", "enhet"] }).notNull(),
    /** Set when an administratör deactivates the unit: it keeps its history but gets no new use. */
    deactivatedAt: timestamptz("deactivated_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("units_org_name_idx").on(t.organisationId, t.name)],
);

export const users = pgTable("users", {
  id: uuidPrimaryKey(),
  organisationId: organisationRef(),
  /** Always stored lower-case: logins compare case-insensitively. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  title: text("title"),
  /** Shown with the handläggare's name in the document. */
  telephone: text("telephone"),
  /** Null for accounts that only sign in through the organisation's identity provider. */
  passwordHash: text("password_hash"),
  /** Set when an administratör deactivates the account: it cannot sign in, and its sessions are ended. */
  deactivatedAt: timestamptz("deactivated_at"),
  createdAt: createdAt(),
});

export const userRoles = pgTable(
  "user_roles",
  {
    id: uuidPrimaryKey(),
    userId: parentRef("user_id", () => users.id),
    ...roleInUnit,
  },
  (t) => [index("user_roles_user_idx").on(t.userId)],
);

/**
 * The section templates a new statement is started from. A statement copies its template's
 * sections when it is created, so a later change of the template never alters it.
 */
export const sectionTemplates = pgTable(
  "section_templates",
  {
    id: uuidPrimaryKey(),
    organisationId: organisationRef(),
    name: text("name").notNull(),
    description: text("description"),
    /** Set when an administratör deactivates the template: new statements can no longer use it. */
    deactivatedAt: timestamptz("deactivated_at"),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("section_templates_org_name_idx").on(t.organisationId, t.name)],
);

/** A template's sections in order. */
export const sectionTemplateSections = pgTable(
  "section_template_sections",
  {
    id: uuidPrimaryKey(),
    templateId: parentRef("template_id", () => sectionTemplates.id),
    position: position(),
    key: text("key").notNull(),
    title: text("title").notNull(),
    guidance: text("guidance"),
    /** Who owns the section: the preparing avdelning, the preparing enheter, or the listed units. */
    ownership: text("ownership", { enum: ["avdelning", "enheter", "units"] }).notNull(),
    /** The section's text in a new statement (content blocks); null when it starts empty. */
    startingContent: jsonb("starting_content").$type<unknown[]>(),
  },
  (t) => [uniqueIndex("section_template_sections_key_idx").on(t.templateId, t.key)],
);

/** The units that own a template section whose ownership is `units`. */
export const sectionTemplateOwners = pgTable(
  "section_template_owners",
  {
    templateSectionId: parentRef("template_section_id", () => sectionTemplateSections.id),
    unitId: unitRef().notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateSectionId, t.unitId] })],
);

/**
 * A template section's required approvals: a role and the unit whose holder approves. A unit role
 * without a unit means its holder in each owning unit.
 */
export const sectionTemplateApprovals = pgTable(
  "section_template_approvals",
  {
    id: uuidPrimaryKey(),
    templateSectionId: parentRef("template_section_id", () => sectionTemplateSections.id),
    position: position(),
    ...roleInUnit,
  },
  (t) => [index("section_template_approvals_section_idx").on(t.templateSectionId)],
);

export const statements = pgTable(
  "statements",
  {
    id: uuidPrimaryKey(),
    organisationId: organisationRef(),
    recipient: text("recipient").notNull(),
    title: text("title").notNull(),
    diarienummer: text("diarienummer"),
    remissSender: text("remiss_sender"),
    deadline: date("deadline", { mode: "string" }),
    extendedDeadline: date("extended_deadline", { mode: "string" }),
    /** The date the statement bears (its "Datum"). */
    statementDate: date("statement_date", { mode: "string" }),
    status: text("status", { enum: ["draft", "finalised"] })
      .notNull()
      .default("draft"),
    createdBy: userRef("created_by"),
    /** The coordinating handläggare, who may edit every section (its creator by default). */
    coordinatorId: userRef("coordinator_id"),
    createdAt: createdAt(),
    finalisedAt: timestamptz("finalised_at"),
    finalisedBy: userRef("finalised_by"),
    /** The section template the statement was started from; null for imported and older statements. */
    templateId: uuid("template_id").references(() => sectionTemplates.id),
  },
  (t) => [index("statements_org_idx").on(t.organisationId)],
);

export const statementPreparingUnits = pgTable(
  "statement_preparing_units",
  {
    statementId: parentRef("statement_id", () => statements.id),
    unitId: unitRef().notNull(),
    position: position(),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.unitId] })],
);

export const statementSignatories = pgTable(
  "statement_signatories",
  {
    statementId: parentRef("statement_id", () => statements.id),
    position: position(),
    name: text("name").notNull(),
    title: text("title").notNull(),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.position] })],
);

/** The statement's handläggare (contact persons printed on it), in order. */
export const statementContacts = pgTable(
  "statement_contacts",
  {
    statementId: parentRef("statement_id", () => statements.id),
    position: position(),
    name: text("name").notNull(),
    title: text("title"),
    phone: text("phone"),
    email: text("email"),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.position] })],
);

export const sections = pgTable(
  "sections",
  {
    id: uuidPrimaryKey(),
    statementId: parentRef("statement_id", () => statements.id),
    /** Names the section's Y.XmlFragment in the statement's Y.Doc. */
    key: text("key").notNull(),
    title: text("title").notNull(),
    position: position(),
    /** What belongs in the section, copied from its template; shown while the section is empty. */
    guidance: text("guidance"),
  },
  (t) => [uniqueIndex("sections_statement_key_idx").on(t.statementId, t.key)],
);

export const sectionOwners = pgTable(
  "section_owners",
  {
    sectionId: parentRef("section_id", () => sections.id),
    unitId: unitRef().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.unitId] })],
);

export const sectionApprovalRequirements = pgTable(
  "section_approval_requirements",
  {
    id: uuidPrimaryKey(),
    sectionId: parentRef("section_id", () => sections.id),
    /** For unit roles, the unit whose holder must approve. */
    ...roleInUnit,
  },
  (t) => [index("section_approval_requirements_section_idx").on(t.sectionId)],
);

/** Append-only log of Yjs updates applied by the collaboration server. */
export const documentUpdates = pgTable(
  "document_updates",
  {
    id: serialPrimaryKey(),
    statementId: parentRef("statement_id", () => statements.id),
    update: bytea("update").notNull(),
    authorId: userRef("author_id"),
    createdAt: createdAt(),
  },
  (t) => [index("document_updates_statement_idx").on(t.statementId, t.id)],
);

/** Compacted state: the document as of `lastUpdateId`; later updates are replayed on top. */
export const documentSnapshots = pgTable("document_snapshots", {
  statementId: uuid("statement_id")
    .primaryKey()
    .references(() => statements.id, { onDelete: "cascade" }),
  snapshot: bytea("snapshot").notNull(),
  /**
   * The Yjs update format of `snapshot`: 1 (what compaction writes: a new client is sent it as it
   * is), or 2 (Yjs' V2 encoding, which compactions wrote before; still read, converted when sent).
   */
  encoding: smallint("encoding").notNull().default(1),
  lastUpdateId: bigint("last_update_id", { mode: "number" }).notNull(),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

/** Allmän handling: what was decided, by whom, when. Rows are never updated or deleted (a trigger enforces it). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: serialPrimaryKey(),
    organisationId: organisationRef(),
    statementId: uuid("statement_id").references(() => statements.id),
    actorId: userRef("actor_id"),
    action: text("action").notNull(),
    sectionKey: text("section_key"),
    details: eventDetails(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_statement_idx").on(t.statementId, t.id)],
);

/**
 * Sign-offs. An approval is bound to the exact content it approved (hash and the content itself);
 * it is never deleted: revoking or re-approving ends it, and a later text change marks it stale.
 */
export const sectionApprovals = pgTable(
  "section_approvals",
  {
    id: uuidPrimaryKey(),
    sectionId: parentRef("section_id", () => sections.id),
    requirementId: parentRef("requirement_id", () => sectionApprovalRequirements.id),
    approverId: userRef("approver_id").notNull(),
    role: text("role").notNull(),
    unitId: unitRef(),
    contentHash: text("content_hash").notNull(),
    approvedContent: jsonb("approved_content").$type<Record<string, unknown>>().notNull(),
    approvedText: text("approved_text").notNull(),
    /** How many comment threads on the section were open when it was approved. */
    openThreads: integer("open_threads").notNull().default(0),
    createdAt: createdAt(),
    /** Set while the section's content differs from the approved content. */
    staleSince: timestamptz("stale_since"),
    endedAt: timestamptz("ended_at"),
    endReason: text("end_reason", { enum: ["revoked", "superseded"] }),
    endedBy: userRef("ended_by"),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    index("section_approvals_section_idx").on(t.sectionId),
    uniqueIndex("section_approvals_one_active_idx").on(t.requirementId).where(sql`ended_at is null`),
  ],
);

/**
 * Frozen versions of a statement: the final (justerad) one, one at each approval, one after a quiet
 * spell of editing, and the ones drafters name. Never touched by compaction.
 */
export const statementVersions = pgTable(
  "statement_versions",
  {
    id: uuidPrimaryKey(),
    statementId: parentRef("statement_id", () => statements.id),
    kind: text("kind", { enum: ["final", "approval", "quiet", "named"] }).notNull(),
    /** Set for named versions. */
    name: text("name"),
    note: text("note"),
    documentState: bytea("document_state").notNull(),
    /** The Yjs update format of `document_state`: 1 (the final version) or 2 (the others). */
    encoding: smallint("encoding").notNull().default(1),
    /** Set when `document_state` is a diff against that version's state, not a whole state. */
    baseVersionId: uuid("base_version_id").references((): AnyPgColumn => statementVersions.id),
    /** The version's Yjs state vector; null on the final version and rows stored before diffs. */
    stateVector: bytea("state_vector"),
    /** Diffs from the version back to its whole state, and their bytes: when to store whole again. */
    chainDepth: smallint("chain_depth").notNull().default(0),
    chainBytes: integer("chain_bytes").notNull().default(0),
    /** Each section's key, title, canonical content, hash and text at the time. */
    sections: jsonb("sections").$type<unknown[]>().notNull(),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("statement_versions_final_idx").on(t.statementId, t.kind).where(sql`kind = 'final'`),
    index("statement_versions_statement_idx").on(t.statementId, t.createdAt),
  ],
);

/**
 * Inline comments. A thread's first comment carries the anchor: Yjs relative positions in the
 * section's fragment (never marks in the text, so commenting needs no write access) and the quoted
 * text, kept so a thread whose passage was deleted still shows what it was about. Replies point to
 * the thread's first comment. Deleted comments keep their row (the audit trail refers to them).
 */
export const comments = pgTable(
  "comments",
  {
    id: uuidPrimaryKey(),
    statementId: parentRef("statement_id", () => statements.id),
    sectionId: parentRef("section_id", () => sections.id),
    /** Null for a thread's first comment; otherwise that comment's id. */
    threadId: uuid("thread_id").references((): AnyPgColumn => comments.id),
    authorId: userRef("author_id").notNull(),
    body: text("body").notNull(),
    anchorStart: bytea("anchor_start"),
    anchorEnd: bytea("anchor_end"),
    quote: text("quote"),
    createdAt: createdAt(),
    editedAt: timestamptz("edited_at"),
    deletedAt: timestamptz("deleted_at"),
    resolvedAt: timestamptz("resolved_at"),
    resolvedBy: userRef("resolved_by"),
    /** A suggestion's replacement for the quoted passage; null for an ordinary comment thread. */
    proposedText: text("proposed_text"),
    /** How a suggestion was decided (with resolvedAt/resolvedBy): accepted or rejected. */
    suggestionOutcome: text("suggestion_outcome", { enum: ["accepted", "rejected"] }),
    /** Why a suggestion was rejected, if the one rejecting said. */
    decisionReason: text("decision_reason"),
  },
  (t) => [
    index("comments_statement_idx").on(t.statementId, t.createdAt),
    index("comments_thread_idx").on(t.threadId),
  ],
);

/**
 * Server-side sign-in sessions: the session cookie's JWT carries the id, and a session that is
 * revoked or past `expires_at` is refused by the API and the collaboration server alike.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuidPrimaryKey(),
    userId: parentRef("user_id", () => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    revokedAt: timestamptz("revoked_at"),
    /** Why it ended: `signed-out`, `ended-by-user`, `ended-by-admin`, `deactivated`. */
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/**
 * Account-level events (sign-ins, failed attempts, lockouts, ended sessions): the audit trail of
 * statements names an organisation and a statement, which an attempt on an unknown address has not.
 * The login throttle counts failed attempts here, per e-mail address and per client address.
 */
export const accountEvents = pgTable(
  "account_events",
  {
    id: serialPrimaryKey(),
    /** Null when the e-mail address belongs to no account. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The address as typed, lower-cased. */
    email: text("email").notNull(),
    clientAddress: text("client_address"),
    action: text("action", {
      enum: [
        "login.succeeded",
        "login.failed",
        "login.locked",
        "session.signed-out",
        "sessions.ended",
        "user.deactivated",
        "user.reactivated",
      ],
    }).notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    details: eventDetails(),
    createdAt: createdAt(),
  },
  (t) => [
    index("account_events_email_idx").on(t.email, t.createdAt),
    index("account_events_client_idx").on(t.clientAddress, t.createdAt),
  ],
);

/** Which user each Yjs client id of a statement's document belongs to: who wrote which text. */
export const documentAuthors = pgTable(
  "document_authors",
  {
    statementId: parentRef("statement_id", () => statements.id),
    clientId: bigint("client_id", { mode: "number" }).notNull(),
    userId: userRef("user_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.clientId] })],
);

/**
 * The organisation's administration trail: every change an administratör makes to units and users.
 * Account events stay per account (sign-ins, sessions); this one is per organisation.
 */
export const organisationEvents = pgTable(
  "organisation_events",
  {
    id: serialPrimaryKey(),
    organisationId: organisationRef(),
    actorId: userRef("actor_id"),
    /** `unit.created`, `unit.updated`, `unit.deleted`, `user.created`, `template.created`, … */
    action: text("action").notNull(),
    targetKind: text("target_kind", { enum: ["unit", "user", "oidc-mapping", "template"] }).notNull(),
    targetId: uuid("target_id").notNull(),
    details: eventDetails(),
    createdAt: createdAt(),
  },
  (t) => [index("organisation_events_org_idx").on(t.organisationId, t.id)],
);

/**
 * "Members of the identity provider's group X get role R in unit U": at every sign-in through the
 * identity provider, the user's roles become the ones their groups map to (workflow/oidc-sign-in.ts).
 */
export const oidcGroupMappings = pgTable(
  "oidc_group_mappings",
  {
    id: uuidPrimaryKey(),
    organisationId: organisationRef(),
    /** A value of the groups claim, as the identity provider sends it (a name or an object id). */
    groupName: text("group_name").notNull(),
    ...roleInUnit,
    createdAt: createdAt(),
  },
  (t) => [
    unique("oidc_group_mappings_grant_key")
      .on(t.organisationId, t.groupName, t.role, t.unitId)
      .nullsNotDistinct(),
  ],
);
