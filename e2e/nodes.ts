import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { findFreePort } from "../tests/support/free-port";
import { startRedis, type TestRedis } from "../tests/support/redis";

const REPOSITORY = path.resolve(import.meta.dirname, "..");

export interface AppNode {
  readonly baseURL: string;
  /** SIGTERM, and the exit it leads to. */
  stop(): Promise<void>;
}

export interface TwoNodes {
  readonly nodes: readonly [AppNode, AppNode];
  /** Stops both nodes, then removes Redis and the database. */
  remove(): Promise<void>;
}

/** `node --import tsx server/main.ts` from the production build, on a free port, until /api/health answers. */
async function startAppNode(env: Record<string, string>): Promise<AppNode> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: REPOSITORY,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      ...env,
    },
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseURL = `http://127.0.0.1:${port}`;
  await untilHealthy(baseURL, child, () => errors);
  return {
    baseURL,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function untilHealthy(baseURL: string, child: ChildProcess, errors: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`App node exited before it was ready:\n${errors()}`);
    const healthy = await fetch(`${baseURL}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`App node on ${baseURL} did not answer within 120 s:\n${errors()}`);
}

/**
 * Two app nodes over a fresh database in the PostgreSQL cluster at `adminUrl` and a throwaway
 * Redis, sharing one AUTH_SECRET.
 */
export async function startTwoNodes(adminUrl: string): Promise<TwoNodes> {
  const name = `beredning_e2e_nodes_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  const redis: TestRedis = await startRedis();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "beredning-e2e-nodes-"));
  const env = {
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redis.url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    DATA_DIR: dataDir,
    SEED_DEMO: "1",
  };
  const started: AppNode[] = [];
  async function remove() {
    await Promise.all(started.map((node) => node.stop()));
    await redis.remove();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
  try {
    // One after the other: the first seeds the empty database, the second finds it seeded.
    for (let i = 0; i < 2; i++) started.push(await startAppNode(env));
  } catch (error) {
    await remove();
    throw error;
  }
  const [first, second] = started as [AppNode, AppNode];
  return { nodes: [first, second], remove };
}
