import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { createSession } from "../../db/queries/sessions";
import { documentSnapshots, units, users } from "../../db/schema";
import { importPlainTextStatement } from "../../domain/import/plain-text-statement";
import { DEMO_ACCOUNTS, SEED_STATEMENT_FILE, seedDemoData } from "../../seed/demo";
import { importStatement } from "../../workflow/import-statement";
import { createNewStatement } from "../../workflow/new-statement";

/** What the bench created in the database; passed to the load generators. */
export interface BenchManifest {
  /** Drafting accounts (may write text), in a fixed order; clients take them in turn. */
  writers: { email: string; id: string; name: string; sessionId: string }[];
  /** Imported copies of the real seed statement (all sections filled): Beredning day rooms. */
  dayStatements: string[];
  /** One more imported seed statement for the saturation scenario. */
  saturationStatement: string;
  /** A statement started from the template; the editing trace is replayed into one of its sections. */
  traceStatement: string;
  /** Small statements started from the template: the many-statements scenario. */
  manyStatements: string[];
  /** Initial Y.Doc state of an imported seed statement (the same bytes every day room starts from). */
  seedDocument: Uint8Array;
  /** Initial Y.Doc state of a statement started from the template. */
  templateDocument: Uint8Array;
}

export interface SeedSizes {
  dayRooms: number;
  manyStatements: number;
}

const DRAFTING_ROLES = new Set(["handlaggare", "enhetschef", "avdelningschef", "stadsdelsdirektor"]);

async function initialSnapshot(db: Database, statementId: string): Promise<Uint8Array> {
  const [row] = await db
    .select({ snapshot: documentSnapshots.snapshot, encoding: documentSnapshots.encoding })
    .from(documentSnapshots)
    .where(eq(documentSnapshots.statementId, statementId));
  if (!row) throw new Error(`No initial snapshot for ${statementId}`);
  // The in-memory servers get it as their first client's update: Yjs' V1 format.
  const snapshot = new Uint8Array(row.snapshot);
  return row.encoding === 2 ? Y.convertUpdateFormatV2ToV1(snapshot) : snapshot;
}

/**
 * Fills a freshly migrated database: the demo organisation and accounts, the imported seed
 * statement copies and the small template statements, through the product's own queries.
 */
export async function seedBenchDatabase(db: Database, sizes: SeedSizes): Promise<BenchManifest> {
  const firstSeed = await seedDemoData(db);
  // Only the statements' coordinator (their creator, the first drafter) may type in every section.
  const writerAccounts = DEMO_ACCOUNTS.filter((account) => DRAFTING_ROLES.has(account.role)).slice(0, 1);
  const writers: BenchManifest["writers"] = [];
  let organisationId = "";
  for (const account of writerAccounts) {
    const [user] = await db.select().from(users).where(eq(users.email, account.email));
    if (!user) throw new Error(`Demo account ${account.email} is missing`);
    // A server-side session record per writer, as a sign-in opens: the upgrade checks it.
    const sessionId = await createSession(db, user.id, 12 * 3600);
    writers.push({ email: user.email, id: user.id, name: user.name, sessionId });
    organisationId = user.organisationId;
  }
  const creator = writers[0];
  if (!creator) throw new Error("No drafting account");
  const document = importPlainTextStatement(await readFile(SEED_STATEMENT_FILE, "utf8"));
  const dayStatements = [firstSeed];
  while (dayStatements.length < sizes.dayRooms) {
    dayStatements.push(await importStatement(db, { organisationId, createdBy: creator.id, document }));
  }
  const saturationStatement = await importStatement(db, { organisationId, createdBy: creator.id, document });

  const [unit] = await db.select().from(units).where(eq(units.organisationId, organisationId));
  if (!unit) throw new Error("The demo organisation has no unit");
  const newStatement = (title: string) =>
    createNewStatement(db, {
      organisationId,
      createdBy: creator.id,
      input: {
        recipient: "Hässelby-Vällingby stadsdelsnämnd",
        title,
        diarienummer: null,
        remissSender: null,
        deadline: null,
        extendedDeadline: null,
        preparingUnitIds: [unit.id],
      },
    });
  const traceStatement = await newStatement("Bench: editing trace");
  const manyStatements: string[] = [];
  for (let index = 0; index < sizes.manyStatements; index++) {
    manyStatements.push(await newStatement(`Bench: small statement ${index + 1}`));
  }
  return {
    writers,
    dayStatements,
    saturationStatement,
    traceStatement,
    manyStatements,
    seedDocument: await initialSnapshot(db, firstSeed),
    templateDocument: await initialSnapshot(db, traceStatement),
  };
}

/** A real next-auth session cookie (encrypted JWT), as the login flow would set it. */
export async function sessionCookie(
  writer: BenchManifest["writers"][number],
  secret: string,
): Promise<string> {
  const token = await encode({
    token: { sub: writer.id, name: writer.name, email: writer.email, sid: writer.sessionId },
    secret,
    maxAge: 12 * 3600,
  });
  return `next-auth.session-token=${token}`;
}
