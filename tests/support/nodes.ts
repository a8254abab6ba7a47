import { afterEach, beforeEach } from "vitest";
import {
  findFreePort,
  killServerProcesses,
  type ServerProcess,
  spawnServerProcess,
  waitForHealth,
} from "./child-server";
import { startRedis, type TestRedis } from "./redis";

export interface NodeProcess extends ServerProcess {
  readonly wsUrl: string;
}

/**
 * Per test: a throwaway Redis; nodes are server processes started over it and the given database
 * (`DATABASE_URL`). Afterwards every node still running is killed, then Redis is removed.
 */
export function nodesFixture() {
  let redis: TestRedis | undefined;
  beforeEach(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await killServerProcesses();
    await redis?.remove();
    redis = undefined;
  });
  const fixture = {
    get redis(): TestRedis {
      if (!redis) throw new Error("No Redis outside a test");
      return redis;
    },
    /** Starts a node on a free port and waits until it answers. */
    async startNode(env: Record<string, string>): Promise<NodeProcess> {
      const port = await findFreePort();
      const node = spawnServerProcess(port, { ...env, REDIS_URL: fixture.redis.url }, 110_000);
      await waitForHealth(node);
      return Object.assign(node, { wsUrl: `ws://127.0.0.1:${port}/collab` });
    },
    /** Two nodes, started side by side. */
    async startTwo(env: Record<string, string>): Promise<[NodeProcess, NodeProcess]> {
      const [one, two] = await Promise.all([fixture.startNode(env), fixture.startNode(env)]);
      return [one, two];
    },
    /** Three nodes, started side by side. */
    startThree(env: Record<string, string>): Promise<[NodeProcess, NodeProcess, NodeProcess]> {
      return Promise.all([fixture.startNode(env), fixture.startNode(env), fixture.startNode(env)]);
    },
  };
  return fixture;
}

/** SIGTERM, and the exit it leads to: 0 once the node has shut down cleanly. */
export async function stopNode(node: ServerProcess) {
  node.child.kill("SIGTERM");
  return node.exited;
}
