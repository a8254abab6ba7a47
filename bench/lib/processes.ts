import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import path from "node:path";
import { REPOSITORY } from "./databases";
import { type Message, nextMessage, send } from "./ipc";

const running = new Set<ChildProcess>();

/** Kills every child still running (at exit of the orchestrator, or after a failure). */
export function killChildren(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

export interface NodeChild {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  request<T extends Message>(message: Message, reply: T["type"], timeoutMs: number): Promise<T>;
  next<T extends Message>(reply: T["type"], timeoutMs: number): Promise<T>;
  send(message: Message): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with how long the exit took. */
  stop(graceMs: number): Promise<number>;
}

/**
 * `node [nodeArgs] --import tsx <script>` in the repository (or in `root`, another checkout of it),
 * output to `logFile`, with an IPC channel.
 */
export function spawnNode(
  script: string,
  options: { env?: Record<string, string>; nodeArgs?: string[]; logFile: string; root?: string },
): NodeChild {
  const root = options.root ?? REPOSITORY;
  const log = openSync(options.logFile, "a");
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "--import", "tsx", path.join(root, script)],
    {
      cwd: root,
      stdio: ["ignore", log, log, "ipc"],
      // Only what the child needs: no secrets or settings of the orchestrator's environment leak in.
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        NODE_ENV: "production",
        ...options.env,
      } as NodeJS.ProcessEnv,
    },
  );
  closeSync(log);
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  if (child.pid === undefined) throw new Error(`Could not start ${script}`);
  const pid = child.pid;
  return {
    child,
    pid,
    logFile: options.logFile,
    exited,
    request(message, reply, timeoutMs) {
      const answer = nextMessage(child, reply, timeoutMs);
      send(child, message);
      return answer;
    },
    next: (reply, timeoutMs) => nextMessage(child, reply, timeoutMs),
    send: (message) => send(child, message),
    async stop(graceMs) {
      if (child.exitCode !== null || child.signalCode !== null) return 0;
      const started = performance.now();
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      return performance.now() - started;
    },
  };
}
