/** Prints the version-history cost of the trace (see bench/lib/version-cost.ts). Run: npx tsx bench/version-cost.ts [trace] */
import { measureVersionCost } from "./lib/version-cost";

const figures = measureVersionCost(process.argv[2] ?? "/work/shared/data/automerge-paper.json.gz");
console.log(JSON.stringify(figures, null, 2));
