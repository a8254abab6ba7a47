import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { organisations, userRoles, users } from "../../db/schema";
import { attemptLogin } from "../../workflow/login";
import { type ChildProcessDatabase, createChildProcessDatabase } from "../support/database";

/* `npm run admin -- create-admin`, run as a process of its own against a database of the test's. */
let database: ChildProcessDatabase;

beforeEach(async () => {
  database = await createChildProcessDatabase();
});

afterEach(() => database.drop());

async function runAdmin(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/admin.ts", ...args],
      { env: { ...process.env, ...database.env, ...env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run admin -- create-admin", () => {
  it("creates an administratör in a new organisation who can sign in; a second run with the address fails", async () => {
    const args = [
      "create-admin",
      "--email",
      "Chef@Ny.test",
      "--name",
      "Ny Chef",
      "--organisation",
      "Ny förvaltning",
    ];
    const created = await runAdmin(args, { ADMIN_PASSWORD: "ett-langt-losenord" });
    expect(created).toMatchObject({ code: 0, stdout: "Administratören Chef@Ny.test är skapad.\n" });

    const again = await runAdmin(args, { ADMIN_PASSWORD: "ett-langt-losenord" });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Det finns redan ett konto med den e-postadressen");

    await database.withConnection(async (db) => {
      const [user] = await db
        .select({ role: userRoles.role, organisation: organisations.name })
        .from(users)
        .innerJoin(userRoles, eq(userRoles.userId, users.id))
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(eq(users.email, "chef@ny.test"));
      expect(user).toEqual({ role: "admin", organisation: "Ny förvaltning" });
      const login = { email: "chef@ny.test", password: "ett-langt-losenord", clientAddress: "10.8.0.1" };
      expect(await attemptLogin(db, login)).toMatchObject({ ok: true });
    });
  });

  it("prints a generated password once, and refuses bad usage", async () => {
    const created = await runAdmin(["create-admin", "--email", "it@demo.test", "--name", "IT"]);
    expect(created.code).toBe(0);
    const password = /Lösenord \(visas bara nu\): (\S+)/.exec(created.stdout)?.[1] ?? "";
    await database.withConnection(async (db) => {
      const login = { email: "it@demo.test", password, clientAddress: "10.8.0.2" };
      expect(await attemptLogin(db, login)).toMatchObject({ ok: true });
    });
    expect((await runAdmin(["create-user"])).code).toBe(2);
    const bad = await runAdmin(["create-admin", "--email", "inte-en-adress", "--name", "X"]);
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.stderr).toContain("Ange en giltig e-postadress.");
  });
});
