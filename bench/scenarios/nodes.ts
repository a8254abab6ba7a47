import { existsSync } from "node:fs";
import { REDIS_SERVER, startRedis } from "../../tests/support/redis";
import { results } from "../run/context";
import type { Scenario } from "./scenario";
import { runTyping } from "./typing";

/**
 * Ours (PostgreSQL) over nodes; the other servers are not run here. First the Beredning day on one
 * node, unless the day scenario measured it in this run, then over two nodes on one database, with a
 * throwaway Redis between them (multi-node mode): each statement's clients alternate between the
 * nodes. Then the saturation of `--spread-rooms` statements on one node, and spread over two (whole
 * statements alternate between the nodes).
 */
async function runTwoNodes(servers: Parameters<Scenario["run"]>[0]): Promise<void> {
  if (!servers.includes("ours-postgres")) return;
  if (!existsSync(REDIS_SERVER)) {
    results.skipped.push(`two nodes: no ${REDIS_SERVER} (apt-get install redis-server, or set REDIS_SERVER)`);
    return;
  }
  const redis = await startRedis();
  try {
    if (!results.day.some((figures) => figures.server === "ours-postgres")) {
      await runTyping("day", ["ours-postgres"]);
    }
    await runTyping("day", ["ours-postgres"], redis);
    await runTyping("spread", ["ours-postgres"]);
    await runTyping("spread", ["ours-postgres"], redis);
  } finally {
    await redis.remove();
  }
}

export const nodesScenario: Scenario = { name: "nodes", run: runTwoNodes };
