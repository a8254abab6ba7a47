import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { findFreePort } from "./free-port";

export const REDIS_SERVER = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGKILL: nothing of it is kept) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, as after a Redis outage. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  remove(): Promise<void>;
}

/** A throwaway redis-server on a free loopback port, in a folder of its own, with no persistence. */
export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "beredning-redis-"));
  const port = await findFreePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  async function start() {
    const started = spawn(
      REDIS_SERVER,
      ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    child = started;
    exited = new Promise((resolve) => started.once("exit", () => resolve()));
    await untilAnswering(url, exited);
  }

  async function stop() {
    if (!child) return;
    child.kill("SIGKILL");
    child = null;
    await exited;
  }

  await start();
  return {
    url,
    port,
    stop,
    restart: start,
    async remove() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once the server answers PING; rejects if it exits first or does not answer in 10 s. */
async function untilAnswering(url: string, exited: Promise<void>): Promise<void> {
  const client = new Redis(url, { retryStrategy: () => 50, maxRetriesPerRequest: null });
  // Refused connections are expected until the server listens; ioredis retries them.
  client.on("error", () => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.ping(),
      exited.then(() => {
        throw new Error(`redis-server on ${url} exited before it answered`);
      }),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`redis-server on ${url} did not answer within 10 s`)),
          10_000,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
