import { measureVersionCost } from "../lib/version-cost";
import { log, options, results, TRACE_FILE } from "../run/context";
import type { Scenario } from "./scenario";

/** The targets: all versions under 5× the final state's bytes, any version open under 200 ms. */
export const VERSION_TARGETS = { storedToFinal: 5, openMs: 200 } as const;

/** The version history of the trace (as the cold open replays it), stored and opened as the database does. */
async function runVersions(): Promise<void> {
  const figures = measureVersionCost(TRACE_FILE, options.traceEdits);
  results.versionHistory = figures;
  log(
    `versions: ${figures.versions}, stored ${(figures.storedBytes / figures.finalBytesV1).toFixed(2)}× the final state, ` +
      `slowest open ${figures.openSlowestMedianMs.toFixed(1)} ms`,
  );
}

export const versionsScenario: Scenario = { name: "versions", serverless: true, run: runVersions };
