/** The report's section of the Beredning day over two nodes. */
import type { TwoNodeFigures, TypingFigures } from "../lib/results";
import { background, count, cpuCell, find, mib, ms, ratio, table } from "./format";

export function nodesSection(figures: TwoNodeFigures[] | undefined, day: TypingFigures[]): string {
  if (!figures || figures.length === 0) return "";
  const oneNode = find(day, "ours-postgres");
  let out = "## Beredning day over two nodes\n\n";
  out +=
    "Ours (PostgreSQL) as two processes on one database with a throwaway Redis between them " +
    "(`REDIS_URL`); each statement's clients alternate between the nodes, so both typists' keystrokes " +
    "reach receivers on their own node and on the other. Cross-node and same-node latencies come " +
    "from the same run. Server CPU and peak RSS are both nodes' together. One node is the Beredning day of " +
    "ours (PostgreSQL) on one node in the same bench run, with the same statements and clients.\n\n";
  out += table(
    [
      "server",
      "statements",
      "clients",
      "keystrokes",
      "cross-node p50 / p99 / max ms",
      "same-node p50 / p99 / max ms",
      "cross / same p99",
      "one node p99 ms",
      "cross-node / one node p99",
      "from 3 s on: cross-node / same-node p99 ms",
      "all p99 ms",
      "missing",
      "server CPU s (both nodes)",
      "peak RSS MiB (both)",
      "other load (cores)",
    ],
    figures.map((entry) => [
      "ours (PostgreSQL) × 2",
      count(entry.rooms),
      count(entry.clients),
      count(entry.keystrokes),
      `${ms(entry.crossNode.p50)} / ${ms(entry.crossNode.p99)} / ${ms(entry.crossNode.max)}`,
      `${ms(entry.sameNode.p50)} / ${ms(entry.sameNode.p99)} / ${ms(entry.sameNode.max)}`,
      ratio(entry.crossNode.p99, entry.sameNode.p99),
      oneNode ? ms(oneNode.latency.p99) : "–",
      ratio(entry.crossNode.p99, oneNode?.latency.p99),
      `${ms(entry.crossNodeSteady.p99)} / ${ms(entry.sameNodeSteady.p99)}`,
      ms(entry.latency.p99),
      count(entry.missingUpdates),
      cpuCell(entry.cpuSeconds, entry.databaseCpuSeconds, 1),
      mib(entry.peakRssBytes),
      background(entry.background),
    ]),
  );
  return `${out}\n`;
}
