import { type UserImportResponse, userImportSchema } from "../contracts/admin";
import { listAdminUnits } from "../db/queries/admin-units";
import { existingEmails, insertUsers } from "../db/queries/admin-users";
import { parseCsv } from "../domain/csv";
import { checkUserImport } from "../domain/user-import";
import { adminRequest } from "./admin-access";
import { fail, succeed, type WorkflowResult } from "./result";

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
export const importUsers = adminRequest(
  userImportSchema,
  async (db, actor, { csv, commit }): Promise<WorkflowResult<UserImportResponse>> => {
    const units = await listAdminUnits(db, actor.organisationId);
    const checked = checkUserImport(csv, units, await existingEmails(db, candidateEmails(csv)));
    if ("error" in checked) return fail("invalid", checked.error);
    const rows = checked.rows.map(({ grant: _grant, ...row }) => row);
    const valid = rows.every((row) => row.errors.length === 0);
    if (!commit) return succeed({ rows, valid, created: 0 });
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
    return succeed({ rows, valid, created: rows.length });
  },
);
