import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import type { BenchResults } from "./lib/results";

/**
 * The quick bench pass (`npm run bench:quick`): every server under test, every scenario, tiny sizes.
 * It checks that the bench still runs and that integrity holds; it asserts no timing.
 */
test("the quick bench pass runs every scenario and integrity holds", async () => {
  const out = path.join(os.tmpdir(), `beredning-bench-quick-${process.pid}.md`);
  const json = out.replace(/\.md$/, ".json");
  let output = "";
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts", "--quick", "--out", out], {
      cwd: path.resolve(import.meta.dirname, ".."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", resolve);
  });
  try {
    const results = JSON.parse(await readFile(json, "utf8")) as BenchResults;
    const failed = results.integrity.filter((entry) => !entry.ok);
    expect(failed, output).toEqual([]);
    const ran = new Set(results.integrity.map((entry) => `${entry.scenario}/${entry.server}`));
    // The cold-open scenario replays ../shared/data's trace; without that file it is skipped (and reported).
    const traceFile = path.resolve(
      import.meta.dirname,
      "..",
      "..",
      "shared",
      "data",
      "automerge-paper.json.gz",
    );
    const scenarios = ["day", "saturation", "many", ...(existsSync(traceFile) ? ["cold"] : [])];
    for (const scenario of scenarios) {
      for (const server of ["stock", "hocuspocus", "ours-pglite"])
        expect(ran, output).toContain(`${scenario}/${server}`);
    }
    // The day's load generators typed in a server of their clients' kind first, not the one under test.
    const warmedUp = results.day.filter((figures) => figures.server !== "floor");
    expect(warmedUp.length, output).toBeGreaterThan(0);
    for (const { server, loadWarmUp } of warmedUp) {
      expect(loadWarmUp?.against, server).toBe(server === "hocuspocus" ? "hocuspocus" : "stock");
      expect(loadWarmUp?.keystrokes, server).toBeGreaterThan(0);
    }
    // Every keystroke's latency was recorded at every other client of its room, whichever second it
    // was typed in; and every second of the typing has its p99 (a typist's last keystroke may fall
    // just past the end).
    for (const { server, latency, keystrokes, clients, rooms, p99BySecond } of results.day) {
      expect(latency.count, server).toBe(keystrokes * (clients / rooms - 1));
      const seconds = Number(server === "floor" ? results.options.floorSeconds : results.options.daySeconds);
      expect(seconds, server).toBeGreaterThan(0);
      const typed = (p99BySecond ?? []).slice(0, seconds);
      expect(typed.length, server).toBe(seconds);
      expect(
        typed.every((p99) => p99 !== null && p99 > 0),
        server,
      ).toBe(true);
      expect(p99BySecond?.length, server).toBeLessThanOrEqual(seconds + 1);
    }
    // Where the day over two nodes ran (PostgreSQL and Redis at hand), a day on one node ran beside
    // it, and the saturation of many statements ran on one node and then on two.
    if ((results.nodes ?? []).length > 0) {
      expect(
        results.day.map((figures) => figures.server),
        output,
      ).toContain("ours-postgres");
      expect(
        results.spread?.map((figures) => figures.nodes),
        output,
      ).toEqual([1, 2]);
      for (const figures of results.spread ?? []) expect(figures.keystrokes, output).toBeGreaterThan(0);
    }
    // The servers that start from the same seeded statement hold the same bytes of the trace (the
    // writer's client id is the same against all; ours on PostgreSQL has a statement seeded apart,
    // with Yjs client ids of its own), and every open has its server's part, within the open.
    const fromOneSeed = results.cold.filter((figures) => figures.server !== "ours-postgres");
    expect(new Set(fromOneSeed.map((figures) => figures.stateBytes)).size, output).toBeLessThanOrEqual(1);
    for (const { server, coldOpenMs, warmOpenMs, coldOpenServerMs, warmOpenServerMs } of results.cold) {
      const opens = [...coldOpenMs, ...warmOpenMs];
      const serverParts = [...(coldOpenServerMs ?? []), ...(warmOpenServerMs ?? [])];
      expect(serverParts.length, server).toBe(opens.length);
      serverParts.forEach((part, index) => {
        expect(part, server).toBeGreaterThan(0);
        expect(part, server).toBeLessThanOrEqual(opens[index] ?? 0);
      });
    }
    expect(exitCode, output).toBe(0);
  } finally {
    await rm(out, { force: true });
    await rm(json, { force: true });
  }
}, 900_000);
