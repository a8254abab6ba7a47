/** The report's section of the export scenario. */
import type { ExportFigures } from "../lib/results";
import { count, ms, table } from "./format";

export function exportSection(figures: ExportFigures[] | undefined): string {
  if (!figures || figures.length === 0) return "";
  let out = "## Export of the seed statement\n\n";
  out += table(
    ["format", "runs", "median ms", "min ms", "max ms", "first ms", "target ms", "target", "bytes"],
    figures.map((entry) => [
      entry.format.toUpperCase(),
      count(entry.runs),
      ms(entry.medianMs),
      ms(entry.minMs),
      ms(entry.maxMs),
      ms(entry.firstMs),
      ms(entry.targetMs),
      entry.medianMs < entry.targetMs ? "met" : "not met",
      count(entry.bytes),
    ]),
  );
  return `${out}\n`;
}
