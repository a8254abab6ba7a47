import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { REPOSITORY } from "../lib/databases";
import { results } from "./context";
import { sources } from "./servers";

// Machine and versions

export function gitCommit(repository = REPOSITORY): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repository }).toString().trim();
  } catch {
    return "?";
  }
}

export function packageVersion(name: string): string {
  try {
    const file = path.join(REPOSITORY, "node_modules", name, "package.json");
    return (JSON.parse(execFileSync("cat", [file]).toString()) as { version: string }).version;
  } catch {
    return "?";
  }
}

export async function describeMachine(): Promise<void> {
  const cpus = os.cpus();
  results.machine = {
    cpu: `${cpus[0]?.model ?? "?"} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    "load average at start": os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" "),
  };
  let commit = "?";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPOSITORY }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "server", "db", "auth", "domain", "editor"], {
      cwd: REPOSITORY,
    })
      .toString()
      .trim();
    if (dirty) commit += " (with uncommitted changes in server/db/auth/domain/editor)";
  } catch {
    // Not a git checkout.
  }
  results.versions = {
    "ours (git)": commit,
    yjs: packageVersion("yjs"),
    "y-protocols": packageVersion("y-protocols"),
    "y-websocket (client)": packageVersion("y-websocket"),
    "y-websocket-stock (server utils)": packageVersion("y-websocket-stock"),
    "@hocuspocus/server": packageVersion("@hocuspocus/server"),
    "@hocuspocus/provider": packageVersion("@hocuspocus/provider"),
    ws: packageVersion("ws"),
    "@electric-sql/pglite": packageVersion("@electric-sql/pglite"),
    "postgres (driver)": packageVersion("postgres"),
    "next-auth": packageVersion("next-auth"),
  };
  const source = sources.get("postgres");
  if (source?.postgres) {
    const { connectDatabase } = await import("../../db/client");
    const connection = await connectDatabase({
      kind: "postgres",
      url: source.postgres.adminUrl,
      maxConnections: 1,
    });
    try {
      const rows = await (connection.client as import("postgres").Sql)`show server_version`;
      const fsync = await (connection.client as import("postgres").Sql)`show fsync`;
      results.versions["PostgreSQL server"] =
        `${String(rows[0]?.server_version ?? "?")} (fsync ${String(fsync[0]?.fsync ?? "?")})`;
    } finally {
      await connection.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------
