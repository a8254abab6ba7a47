import { grantProblem } from "./admin";
import { parseCsv } from "./csv";
import { ROLE_LABELS, ROLES, type Role } from "./roles";

/* The CSV import of users: the columns, and each row's checks against the organisation. */

const COLUMNS = {
  name: ["namn", "name"],
  email: ["e-post", "epost", "e-mail", "email"],
  title: ["titel", "title"],
  unit: ["enhet", "unit"],
  role: ["roll", "role"],
} as const;

type Column = keyof typeof COLUMNS;

export interface ImportUnit {
  id: string;
  name: string;
  active: boolean;
}

export interface CheckedRow {
  line: number;
  name: string;
  email: string;
  title: string | null;
  unit: string | null;
  role: string;
  errors: string[];
  grant: { role: Role; unitId: string | null } | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function roleOf(text: string): Role | null {
  const wanted = text.trim().toLocaleLowerCase("sv");
  return (
    ROLES.find((role) => role === wanted || ROLE_LABELS[role].toLocaleLowerCase("sv") === wanted) ?? null
  );
}

/** The column indexes of the header line, or the problem with it. */
function columnIndexes(header: string[]): Record<Column, number> | string {
  const names = header.map((cell) => cell.trim().toLocaleLowerCase("sv"));
  const indexes = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const index = names.findIndex((name) => (COLUMNS[column] as readonly string[]).includes(name));
    if (index < 0)
      return `Kolumnen ${COLUMNS[column][0]} saknas i första raden (namn, e-post, titel, enhet, roll).`;
    indexes[column] = index;
  }
  return indexes;
}

/**
 * Reads and checks every row: a name, a valid e-mail address that has no account and is not
 * repeated in the file, a known role, and the unit it needs (by name), or none for organisation roles.
 */
export function checkUserImport(
  csv: string,
  units: ImportUnit[],
  takenEmails: ReadonlySet<string>,
): { rows: CheckedRow[] } | { error: string } {
  const records = parseCsv(csv);
  if (!records) return { error: "Filen har ett citattecken som aldrig avslutas." };
  const [header, ...data] = records;
  if (!header) return { error: "Filen är tom." };
  const indexes = columnIndexes(header.fields);
  if (typeof indexes === "string") return { error: indexes };
  if (data.length === 0) return { error: "Filen har inga användare, bara rubrikraden." };
  const byName = new Map(units.map((unit) => [unit.name.toLocaleLowerCase("sv"), unit]));
  const seen = new Set<string>();
  const rows = data.map(({ line, fields }): CheckedRow => {
    const cell = (column: Column) => (fields[indexes[column]] ?? "").trim();
    const errors: string[] = [];
    const email = cell("email").toLowerCase();
    if (!cell("name")) errors.push("Namn saknas.");
    if (!EMAIL.test(email)) errors.push("E-postadressen är inte giltig.");
    else if (takenEmails.has(email)) errors.push("Det finns redan ett konto med e-postadressen.");
    else if (seen.has(email)) errors.push("E-postadressen finns på en tidigare rad.");
    seen.add(email);
    const role = roleOf(cell("role"));
    const unit = cell("unit") ? (byName.get(cell("unit").toLocaleLowerCase("sv")) ?? null) : null;
    if (!role) errors.push(`Okänd roll: "${cell("role")}".`);
    else if (cell("unit") && !unit) errors.push(`Enheten "${cell("unit")}" finns inte.`);
    else {
      const problem = grantProblem(role, unit, cell("unit") !== "");
      if (problem) errors.push(problem);
    }
    return {
      line,
      name: cell("name"),
      email,
      title: cell("title") || null,
      unit: cell("unit") || null,
      role: cell("role"),
      errors,
      grant: role && errors.length === 0 ? { role, unitId: unit?.id ?? null } : null,
    };
  });
  return { rows };
}
