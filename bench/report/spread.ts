/** The report's section of the saturation of many statements on one node and spread over two. */
import type { SpreadFigures } from "../lib/results";
import { background, count, cpuCell, mib, ms, ratio, table } from "./format";

const INTRO =
  "Ours (PostgreSQL). Each statement has 2 clients, one typing as fast as a window of unacknowledged " +
  "keystrokes allows; on two nodes (one database, a throwaway Redis) whole statements alternate between " +
  "the nodes, as a load balancer would spread them. The load generators, the database, Redis and the " +
  "nodes share this machine's cores. Server CPU and peak RSS are all nodes' together.";

export function spreadSection(figures: SpreadFigures[] | undefined): string {
  if (!figures?.length) return "";
  let out = `## Saturation of many statements on one node and on two\n\n${INTRO}\n\n`;
  out += table(
    [
      "nodes",
      "statements",
      "clients",
      "keystrokes",
      "updates/s",
      "p50 / p99 / max ms",
      "missing",
      "server CPU s",
      "peak RSS MiB",
      "other load (cores)",
    ],
    figures.map((entry) => [
      String(entry.nodes),
      count(entry.rooms),
      count(entry.clients),
      count(entry.keystrokes),
      count(Math.round(entry.updatesPerSecond)),
      `${ms(entry.latency.p50)} / ${ms(entry.latency.p99)} / ${ms(entry.latency.max)}`,
      count(entry.missingUpdates),
      cpuCell(entry.cpuSeconds, entry.databaseCpuSeconds, 1),
      mib(entry.peakRssBytes),
      background(entry.background),
    ]),
  );
  const one = figures.find((entry) => entry.nodes === 1);
  const two = figures.find((entry) => entry.nodes === 2);
  if (one && two)
    out += `\nTwo nodes / one node, updates/s: ${ratio(two.updatesPerSecond, one.updatesPerSecond)}.\n`;
  return `${out}\n`;
}
