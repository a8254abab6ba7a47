/** The report's section of the versions scenario. */
import type { VersionCostFigures } from "../lib/results";
import { VERSION_TARGETS } from "../scenarios/versions";
import { count, ms, table } from "./format";

export function versionsSection(figures: VersionCostFigures | undefined): string {
  if (!figures) return "";
  const ratio = figures.storedBytes / figures.finalBytesV1;
  let out = "## Version history of the trace\n\n";
  out += `${count(figures.edits)} edits, a version every 10 simulated minutes: ${count(figures.versions)} versions, `;
  out += `${count(figures.wholeVersions)} stored whole and the others as diffs (longest chain ${count(figures.longestChain)}).\n\n`;
  out += table(
    ["figure", "value", "target", ""],
    [
      [
        "final state bytes (V1 / V2)",
        `${count(figures.finalBytesV1)} / ${count(figures.finalBytesV2)}`,
        "",
        "",
      ],
      ["all versions stored, bytes", count(figures.storedBytes), "", ""],
      [
        "stored / final (V1)",
        `${ratio.toFixed(2)}×`,
        `< ${VERSION_TARGETS.storedToFinal}×`,
        ratio < VERSION_TARGETS.storedToFinal ? "met" : "not met",
      ],
      ["stored / final (V2)", `${(figures.storedBytes / figures.finalBytesV2).toFixed(2)}×`, "", ""],
      [
        "as whole V2 states / final (V1)",
        `${(figures.wholeV2Bytes / figures.finalBytesV1).toFixed(2)}×`,
        "",
        "",
      ],
      [
        "open the oldest, median ms",
        ms(figures.openOldestMedianMs),
        `< ${VERSION_TARGETS.openMs}`,
        figures.openOldestMedianMs < VERSION_TARGETS.openMs ? "met" : "not met",
      ],
      [
        `open the slowest (chain ${figures.slowestChainDepth}), median ms`,
        ms(figures.openSlowestMedianMs),
        `< ${VERSION_TARGETS.openMs}`,
        figures.openSlowestMedianMs < VERSION_TARGETS.openMs ? "met" : "not met",
      ],
    ],
  );
  return `${out}\n`;
}
