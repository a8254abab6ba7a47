import { eq } from "drizzle-orm";
import { afterEach } from "vitest";
import type * as Y from "yjs";
import type { Database } from "../../db/client";
import { type AuditView, listAuditEvents } from "../../db/queries/audit";
import type { ThreadView } from "../../db/queries/comments";
import { loadSessionUser, type SessionUser } from "../../db/queries/users";
import { organisations, units, userRoles, users } from "../../db/schema";
import { listComments, startThread } from "../../workflow/comments";
import { createNewStatement } from "../../workflow/new-statement";
import type { FailureKind, WorkflowResult } from "../../workflow/result";
import { passageAnchor } from "./anchors";
import { connectClient, type TestClient, waitForSynced } from "./clients";
import type { CollabFixture } from "./fixture";
import {
  expectOk,
  expectRefusal as expectWorkflowRefusal,
  GRANSKARE,
  HANDLAGGARE_BOU,
  sessionUserOf,
} from "./workflow";

/** The message of a workflow refusal, after checking its kind. */
export function expectRefusal<T>(result: WorkflowResult<T>, kind: FailureKind): string {
  return expectWorkflowRefusal(result, kind).error;
}

/** Comment helpers bound to a collaboration fixture: its database, server and seed statement. */
export function commentHelpers(collab: CollabFixture) {
  const db = (): Database => collab.database.connection.db;
  const seed = () => collab.database.seedStatementId;
  const ownClients: TestClient[] = [];
  afterEach(() => {
    for (const client of ownClients.splice(0)) client.destroy();
  });

  const helpers = {
    db,
    seed,
    user: (email: string): Promise<SessionUser> => sessionUserOf(collab, email),
    /** A synced client of any statement (the fixture's own clients only open the seed). */
    async connectTo(statementId: string, email: string): Promise<TestClient> {
      const client = connectClient(collab.server.wsUrl, statementId, await collab.cookieFor(email));
      ownClients.push(client);
      await waitForSynced(client);
      return client;
    },
    /** Starts a thread on a passage as the user, with an anchor built on `doc`. */
    async startOn(
      doc: Y.Doc,
      email: string,
      sectionKey: string,
      passage: string,
      body = `Om ${passage}`,
      statementId = seed(),
    ): Promise<string> {
      const anchor = passageAnchor(doc, sectionKey, passage);
      const input = { sectionKey, anchor, quote: passage, body };
      return expectOk(await startThread(db(), await helpers.user(email), statementId, input)).id;
    },
    async threads(statementId = seed(), email = GRANSKARE): Promise<ThreadView[]> {
      return expectOk(await listComments(db(), await helpers.user(email), statementId)).threads;
    },
    async thread(id: string, statementId = seed()): Promise<ThreadView> {
      const thread = (await helpers.threads(statementId)).find((candidate) => candidate.id === id);
      if (!thread) throw new Error(`No thread ${id}`);
      return thread;
    },
    async audit(action: string, statementId = seed()): Promise<AuditView[]> {
      return (await listAuditEvents(db(), statementId)).filter((event) => event.action === action);
    },
    /** The hash of the section as the live document holds it: what an approval must name. */
    async currentHash(statementId: string, key: string): Promise<string> {
      const [section] = await collab.server.services.documents.sections(statementId, [key]);
      if (!section) throw new Error(`No section ${key}`);
      return section.hash;
    },
    /** A new statement of the seed's organisation, prepared by both enheter. */
    async newStatement(): Promise<string> {
      const creator = await helpers.user(HANDLAGGARE_BOU);
      const rows = await db().select().from(units).where(eq(units.organisationId, creator.organisationId));
      return createNewStatement(db(), {
        organisationId: creator.organisationId,
        createdBy: creator.id,
        input: {
          recipient: "Hässelby-Vällingby stadsdelsnämnd",
          title: "Remiss om kommentarer",
          diarienummer: null,
          remissSender: null,
          deadline: null,
          extendedDeadline: null,
          preparingUnitIds: rows.filter((unit) => unit.kind === "enhet").map((unit) => unit.id),
        },
      });
    },
    /** A granskare of another organisation. */
    async outsider(): Promise<SessionUser> {
      const [organisation] = await db()
        .insert(organisations)
        .values({ name: "Annan stadsdelsförvaltning" })
        .returning();
      if (!organisation) throw new Error("Organisation insert returned no row");
      const [user] = await db()
        .insert(users)
        .values({ organisationId: organisation.id, email: "granskare@annan.test", name: "Olle Annan" })
        .returning();
      if (!user) throw new Error("User insert returned no row");
      await db().insert(userRoles).values({ userId: user.id, role: "granskare", unitId: null });
      const outsider = await loadSessionUser(db(), user.id);
      if (!outsider) throw new Error("No session user for the outsider");
      return outsider;
    },
  };
  return helpers;
}
