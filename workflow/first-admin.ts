import { eq } from "drizzle-orm";
import { hashPassword } from "../auth/password";
import { createAdminSchema, setupSchema } from "../contracts/admin";
import type { Database } from "../db/client";
import { hasAnyUser, insertUser, userIdByEmail } from "../db/queries/admin-users";
import { recordOrganisationEvent } from "../db/queries/organisation-events";
import { organisations } from "../db/schema";
import { validate } from "./admin-access";
import { EMAIL_TAKEN } from "./admin-users";
import { fail, type WorkflowResult } from "./result";
import { ensureTemplates } from "./templates";

export const NAME_THE_ORGANISATION =
  "Ange organisationen (--organisation): databasen har ingen, eller flera, organisationer";

/** The named organisation (created when missing), or the only one when no name is given. */
async function organisationFor(db: Database, name: string | undefined): Promise<string | null> {
  if (name) {
    const [found] = await db.select().from(organisations).where(eq(organisations.name, name));
    if (found) return found.id;
    const [created] = await db.insert(organisations).values({ name }).returning({ id: organisations.id });
    if (created) await ensureTemplates(db, created.id);
    return created?.id ?? null;
  }
  const all = await db.select({ id: organisations.id }).from(organisations).limit(2);
  return all.length === 1 ? (all[0]?.id ?? null) : null;
}

/**
 * Creates an administratör without one being signed in: for a server without a browser
 * (`npm run admin -- create-admin`), before anyone can sign in at all.
 */
export async function createAdministrator(
  db: Database,
  input: unknown,
): Promise<WorkflowResult<{ id: string; organisationId: string }>> {
  const body = validate(createAdminSchema, input);
  if (!body.ok) return body;
  const { email, name, organisation, password } = body.data;
  if (await userIdByEmail(db, email)) return fail("conflict", EMAIL_TAKEN);
  const organisationId = await organisationFor(db, organisation);
  if (!organisationId) return fail("invalid", NAME_THE_ORGANISATION);
  const passwordHash = await hashPassword(password);
  const id = await insertUser(
    db,
    organisationId,
    { name, email, title: null, telephone: null, passwordHash },
    [{ role: "admin", unitId: null }],
  );
  await recordOrganisationEvent(db, {
    organisationId,
    actorId: null,
    action: "user.created",
    targetKind: "user",
    targetId: id,
    details: { name, email, roles: [{ role: "admin", unitId: null }], by: "command line" },
  });
  return { ok: true, value: { id, organisationId } };
}

export const ALREADY_SET_UP = "Beredning är redan i gång: logga in som administratör";

/** Whether the first-run page is still needed: the database has no account. */
export async function awaitsSetUp(db: Database): Promise<boolean> {
  return !(await hasAnyUser(db));
}

/** The first-run page: the organisation and its first administratör, only while no account exists. */
export async function setUpOrganisation(
  db: Database,
  input: unknown,
): Promise<WorkflowResult<{ id: string; organisationId: string }>> {
  if (await hasAnyUser(db)) return fail("conflict", ALREADY_SET_UP);
  const body = validate(setupSchema, input);
  if (!body.ok) return body;
  return createAdministrator(db, body.data);
}
