import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, vi } from "vitest";
import { TEST_AUTH_SECRET } from "./session";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const running = new Set<ServerProcess>();

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote, for failure messages. */
  output(): string;
}

export { findFreePort } from "./free-port";

/**
 * `node --expose-gc --import tsx server/main.ts`, collaboration endpoint only, on 127.0.0.1:`port`. A guard
 * SIGKILLs it after `lifetimeMs`, so a hung process never outlives its test.
 */
export function spawnServerProcess(
  port: number,
  env: Record<string, string>,
  lifetimeMs = 55_000,
): ServerProcess {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "server/main.ts"], {
    cwd: REPOSITORY,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      BEREDNING_PARTS: "collab",
      PORT: String(port),
      HOST: "127.0.0.1",
      AUTH_SECRET: TEST_AUTH_SECRET,
      SEED_DEMO: "0",
      COLLAB_UNLOAD_GRACE_MS: "0",
      ...env,
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const guard = setTimeout(() => child.kill("SIGKILL"), lifetimeMs);
  guard.unref();
  const server: ServerProcess = {
    child,
    port,
    output: () => output,
    exited: new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        clearTimeout(guard);
        running.delete(server);
        resolve({ code, signal });
      }),
    ),
  };
  running.add(server);
  return server;
}

/**
 * Resolves once GET /api/health answers 200; fails at once if the process exits first. Three nodes
 * starting at once on a busy 2-core machine have taken over 30 s, warm-ups included.
 */
export async function waitForHealth(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const exited = server.exited.then(() => {
    throw new Error(`Server process exited before it was ready:\n${server.output()}`);
  });
  const healthy = vi.waitFor(
    async () => expect((await fetch(`http://127.0.0.1:${server.port}/api/health`)).status).toBe(200),
    { timeout: timeoutMs, interval: 50 },
  );
  await Promise.race([healthy, exited]);
}

/** For afterEach: SIGKILLs every server process still running and waits for it to exit. */
export async function killServerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map((server) => {
      server.child.kill("SIGKILL");
      return server.exited;
    }),
  );
}
