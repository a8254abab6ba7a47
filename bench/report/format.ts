/** Cells, tables and ratios shared by every section of the report. */
import { type Background, SERVER_LABELS, type ServerName } from "../lib/results";

export const OURS: ServerName[] = ["ours-pglite", "ours-postgres"];

export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : value.toFixed(0);
}

export function mib(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return "–";
  return (bytes / 2 ** 20).toFixed(1);
}

export function kib(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return "–";
  return (bytes / 1024).toFixed(1);
}

export function count(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function ratio(ours: number | null | undefined, theirs: number | null | undefined): string {
  if (ours === null || ours === undefined || theirs === null || theirs === undefined) return "–";
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return "–";
  return `${(ours / theirs).toFixed(2)}×`;
}

export function table(header: string[], rows: string[][]): string {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => " --- ").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return `${lines.join("\n")}\n`;
}

export function find<T extends { server: ServerName }>(list: T[], server: ServerName): T | undefined {
  return list.find((entry) => entry.server === server);
}

export const label = (server: ServerName) => SERVER_LABELS[server];

/** One row per pair (ours, theirs) both measured: the pair's label, then `cells` of the two. */
export function ratioRows<T extends { server: ServerName }>(
  figures: T[],
  others: ServerName[],
  cells: (mine: T, theirs: T) => string[],
): string[][] {
  const rows: string[][] = [];
  for (const ours of OURS) {
    const mine = find(figures, ours);
    if (!mine) continue;
    for (const other of others) {
      const theirs = find(figures, other);
      if (theirs) rows.push([`${label(ours)} / ${label(other)}`, ...cells(mine, theirs)]);
    }
  }
  return rows;
}

/** Server CPU seconds, with PostgreSQL's own beside it when it was measured. */
export function cpuCell(seconds: number, database: number | null | undefined, digits = 2): string {
  return database === null || database === undefined
    ? seconds.toFixed(digits)
    : `${seconds.toFixed(digits)} (+${database.toFixed(digits)} PostgreSQL)`;
}

/** Other processes' CPU during the window; marked when it was enough to disturb the figure. */
export function background(value: Background | undefined): string {
  if (!value) return "–";
  const text =
    value.otherCores.toFixed(2) +
    (value.stealCores >= 0.05 ? ` (+${value.stealCores.toFixed(2)} steal)` : "");
  return value.otherCores >= 0.3 ? `**${text}**` : text;
}

export interface Target {
  target: string;
  measured: string;
  met: boolean | null;
}

export const verdict = (met: boolean | null) =>
  met === null ? "not measured" : met ? "**met**" : "**not met**";
