import { type UserImportResponse, userImportSchema } from "../contracts/admin";
import type { Database } from "../db/client";
import { listAdminUnits } from "../db/queries/admin-units";
import { existingEmails, insertUsers } from "../db/queries/admin-users";
import type { SessionUser } from "../db/queries/users";
import { parseCsv } from "../domain/csv";
import { checkUserImport } from "../domain/user-import";
import { adminInput } from "./admin-access";
import { fail, type WorkflowResult } from "./result";

export const IMPORT_HAS_ERRORS = "Inga användare har skapats: rätta raderna med fel och försök igen";

/** Every e-mail-like cell of the file, lower-cased, to ask the database which have accounts. */
function candidateEmails(csv: string): string[] {
  const cells = (parseCsv(csv) ?? []).flatMap(({ fields }) => fields);
  return [...new Set(cells.map((cell) => cell.trim().toLowerCase()).filter((cell) => cell.includes("@")))];
}

/**
 * The CSV import of users: checks every row (the preview) and, with `commit`, creates them all,
 * identity-provider-only, or none when any row has a problem (400 with the rows).
 */
export async function importUsers(
  db: Database,
  actor: SessionUser,
  input: unknown,
): Promise<WorkflowResult<UserImportResponse>> {
  const body = adminInput(actor, userImportSchema, input);
  if (!body.ok) return body;
  const { csv, commit } = body.data;
  const units = await listAdminUnits(db, actor.organisationId);
  const checked = checkUserImport(csv, units, await existingEmails(db, candidateEmails(csv)));
  if ("error" in checked) return fail("invalid", checked.error);
  const rows = checked.rows.map(({ grant: _grant, ...row }) => row);
  const valid = rows.every((row) => row.errors.length === 0);
  if (!commit) return { ok: true, value: { rows, valid, created: 0 } };
  if (!valid) return fail("invalid", IMPORT_HAS_ERRORS, { rows, valid, created: 0 });
  await insertUsers(
    db,
    actor.organisationId,
    actor.id,
    checked.rows.map(({ name, email, title, grant }) => ({
      name,
      email,
      title,
      roles: grant ? [grant] : [],
    })),
  );
  return { ok: true, value: { rows, valid, created: rows.length } };
}
