import { readFile } from "node:fs/promises";
import path from "node:path";
import { count } from "drizzle-orm";
import { hashPassword } from "../auth/password";
import type { Database } from "../db/client";
import { organisations, units, userRoles, users } from "../db/schema";
import { importPlainTextStatement } from "../domain/import/plain-text-statement";
import type { Role } from "../domain/roles";
import { importStatement } from "../workflow/import-statement";
import { ensureTemplates } from "../workflow/templates";

export const DEMO_PASSWORD = "beredning-demo";
export const DEMO_ORGANISATION = "Hässelby-Vällingby stadsdelsförvaltning";
export const SEED_STATEMENT_FILE = path.join(
  process.cwd(),
  "seed",
  "tjansteutlatande-remiss-jamlikhet-2011.txt",
);

const AVDELNING = "Socialtjänstavdelningen";
const BOU = "Barn- och ungdomsenheten";
const EB = "Enheten för ekonomiskt bistånd";

interface DemoAccount {
  email: string;
  name: string;
  title: string;
  role: Role;
  unit: string | null;
}

/** The demo accounts listed in README.md; the chefs are the statement's real signatories. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "handlaggare.bou@demo.test",
    name: "Sara Lindqvist",
    title: "Socialsekreterare",
    role: "handlaggare",
    unit: BOU,
  },
  {
    email: "handlaggare.eb@demo.test",
    name: "Ahmed Yilmaz",
    title: "Socialsekreterare",
    role: "handlaggare",
    unit: EB,
  },
  { email: "granskare@demo.test", name: "Maria Ek", title: "Utredare", role: "granskare", unit: null },
  {
    email: "enhetschef.bou@demo.test",
    name: "Johan Berg",
    title: "Enhetschef",
    role: "enhetschef",
    unit: BOU,
  },
  {
    email: "enhetschef.eb@demo.test",
    name: "Elin Nordström",
    title: "Enhetschef",
    role: "enhetschef",
    unit: EB,
  },
  {
    email: "avdelningschef@demo.test",
    name: "Ingrid Brännström",
    title: "Avdelningschef",
    role: "avdelningschef",
    unit: AVDELNING,
  },
  {
    email: "direktor@demo.test",
    name: "Leif Spjuth",
    title: "Stadsdelsdirektör",
    role: "stadsdelsdirektor",
    unit: null,
  },
  { email: "admin@demo.test", name: "Kim Andersson", title: "Systemförvaltare", role: "admin", unit: null },
];

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ organisations: count() }).from(organisations);
  return (row?.organisations ?? 0) === 0;
}

/**
 * Creates the demo organisation, its units, accounts and default templates, and imports the real
 * seed statement.
 * Returns the seed statement's id. Meant for an empty database.
 */
export async function seedDemoData(db: Database): Promise<string> {
  // Each account gets its own salt, as real accounts would.
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  const { organisationId, creatorId } = await db.transaction(async (tx) => {
    const [organisation] = await tx.insert(organisations).values({ name: DEMO_ORGANISATION }).returning();
    if (!organisation) throw new Error("Organisation insert returned no row");
    const [avdelning] = await tx
      .insert(units)
      .values({ organisationId: organisation.id, name: AVDELNING, kind: "avdelning" })
      .returning();
    if (!avdelning) throw new Error("Unit insert returned no row");
    const enheter = await tx
      .insert(units)
      .values(
        [BOU, EB].map((name) => ({
          organisationId: organisation.id,
          parentId: avdelning.id,
          name,
          kind: "enhet" as const,
        })),
      )
      .returning();
    const unitIds = new Map([avdelning, ...enheter].map((unit) => [unit.name, unit.id]));
    let creatorId: string | null = null;
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      const passwordHash = passwordHashes[index] ?? null;
      const [user] = await tx
        .insert(users)
        .values({
          organisationId: organisation.id,
          email: account.email,
          name: account.name,
          title: account.title,
          passwordHash,
        })
        .returning();
      if (!user) throw new Error("User insert returned no row");
      await tx.insert(userRoles).values({
        userId: user.id,
        role: account.role,
        unitId: account.unit ? (unitIds.get(account.unit) ?? null) : null,
      });
      if (account.email === "handlaggare.bou@demo.test") creatorId = user.id;
    }
    return { organisationId: organisation.id, creatorId };
  });
  await ensureTemplates(db, organisationId);
  const document = importPlainTextStatement(await readFile(SEED_STATEMENT_FILE, "utf8"));
  return importStatement(db, { organisationId, createdBy: creatorId, document });
}
