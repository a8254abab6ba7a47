import type { BenchResults } from "../lib/results";
import { coldSection } from "./cold";
import { exportSection } from "./export";
import { manySection } from "./many";
import { nodesSection } from "./nodes";
import { spreadSection } from "./spread";
import { daySection, saturationSection } from "./typing";
import { versionsSection } from "./versions";

/** The report's scenario sections, in order: a new scenario adds its section here. */
export const REPORT_SECTIONS: readonly ((results: BenchResults) => string)[] = [
  daySection,
  saturationSection,
  (results) => nodesSection(results.nodes, results.day),
  (results) => spreadSection(results.spread),
  (results) => coldSection(results.cold),
  (results) => manySection(results.many),
  (results) => exportSection(results.export),
  (results) => versionsSection(results.versionHistory),
];
