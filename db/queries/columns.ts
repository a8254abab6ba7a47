import { getTableColumns, type Table } from "drizzle-orm";

/** The named columns of a table, as a shape for `select()`. */
export function pickColumns<T extends Table, K extends keyof T["_"]["columns"]>(
  table: T,
  names: readonly K[],
): Pick<T["_"]["columns"], K> {
  const all = getTableColumns(table);
  return Object.fromEntries(names.map((name) => [name, all[name]])) as Pick<T["_"]["columns"], K>;
}
