import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";

export interface PostgresServer {
  /** URL of the `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  /** Where it came from, for the report. */
  description: string;
  /** The server's processes (postmaster and its children) when the bench started it; else empty. */
  pids(): number[];
  stop(): void;
}

/** A process and all its descendants, from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index] ?? -1) ?? []));
  return tree;
}

function findPgBin(): string | null {
  if (process.env.PG_BIN && existsSync(path.join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b));
  for (const version of versions.reverse()) {
    const bin = path.join(root, version, "bin");
    if (existsSync(path.join(bin, "initdb"))) return bin;
  }
  return null;
}

/**
 * A throwaway cluster on 127.0.0.1 with PostgreSQL's default durability (fsync on, synchronous
 * commit), unlike scripts/with-postgres.sh, which turns fsync off for tests: the bench measures
 * durable persistence. initdb refuses root, so as root the cluster belongs to `postgres`.
 */
async function startThrowawayCluster(bin: string): Promise<PostgresServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "beredning-bench-pg-"));
  const port = await getPort({ host: "127.0.0.1" });
  const isRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const command = path.join(bin, program);
    if (isRoot) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "ignore" });
    else execFileSync(command, args, { stdio: "ignore" });
  };
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dataDir, uid, gid);
  }
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  run("pg_ctl", [
    "-D",
    dataDir,
    "-l",
    path.join(dataDir, "server.log"),
    "-w",
    "-o",
    `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    "start",
  ]);
  const version = execFileSync(path.join(bin, "postgres"), ["--version"]).toString().trim();
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    description: `throwaway cluster (${version}, default durability: fsync on) on 127.0.0.1:${port}`,
    pids() {
      try {
        const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
        return processTree(postmaster);
      } catch {
        return [];
      }
    },
    stop() {
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * PostgreSQL for ours: BENCH_DATABASE_URL when set; else a throwaway cluster when the server
 * binaries are installed; else TEST_DATABASE_URL (scripts/with-postgres.sh); else none.
 * `preferTestUrl` (the quick pass inside `npm test`) takes TEST_DATABASE_URL first.
 */
export async function findPostgres(preferTestUrl: boolean): Promise<PostgresServer | null> {
  const fromEnv = (variable: string): PostgresServer | null => {
    const url = process.env[variable];
    return url ? { adminUrl: url, description: `${variable}`, pids: () => [], stop() {} } : null;
  };
  const bench = fromEnv("BENCH_DATABASE_URL");
  if (bench) return bench;
  if (preferTestUrl) {
    const test = fromEnv("TEST_DATABASE_URL");
    if (test) return { ...test, description: "TEST_DATABASE_URL (scripts/with-postgres.sh, fsync off)" };
  }
  const bin = findPgBin();
  if (bin) return startThrowawayCluster(bin);
  const test = fromEnv("TEST_DATABASE_URL");
  return test ? { ...test, description: "TEST_DATABASE_URL (scripts/with-postgres.sh, fsync off)" } : null;
}
