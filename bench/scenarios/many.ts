import { setTimeout as sleep } from "node:timers/promises";
import { openStored, type StoredLocation, storedDigest } from "../lib/databases";
import { digestUpdate } from "../lib/digest";
import type { Message } from "../lib/ipc";
import { backgroundMeter } from "../lib/machine";
import type { NodeChild } from "../lib/processes";
import { cpuSeconds, memory } from "../lib/procfs";
import type { ManyFigures, ServerName } from "../lib/results";
import { distribution } from "../lib/stats";
import type { ManyResult, ManySpec } from "../load/many";
import { check, log, options, results } from "../run/context";
import * as harness from "../run/servers";
import { oneServerAtATime } from "./scenario";

// Many statements

/** Polls the server until every room has unloaded (ours waits out its grace and writes first). */
async function waitUntilUnloaded(
  running: harness.RunningServer,
): Promise<{ stats: { rooms: number }; secondsUntilUnloaded: number | null }> {
  const left = performance.now();
  const unloadDeadline = left + (harness.isOurs(running.server) ? 60_000 : 5_000);
  let stats = await harness.serverStats(running);
  while (performance.now() < unloadDeadline) {
    stats = await harness.serverStats(running);
    if (stats.rooms === 0) return { stats, secondsUntilUnloaded: (performance.now() - left) / 1000 };
    await sleep(100);
  }
  return { stats, secondsUntilUnloaded: null };
}

/** Compares the stored statements with what the clients hold: all when few, else an even sample of 200. */
async function compareStored(
  location: StoredLocation,
  rooms: ReturnType<typeof harness.roomsFor>,
  names: string[],
): Promise<{ differs: number; compared: number }> {
  const step = Math.max(1, Math.floor(names.length / 200));
  const expected = digestUpdate(rooms.manifest.templateDocument).hash;
  const connection = await openStored(location);
  let differs = 0;
  let compared = 0;
  try {
    for (let index = 0; index < names.length; index += step) {
      const name = names[index];
      if (!name) continue;
      compared++;
      if ((await storedDigest(connection.db, name)).hash !== expected) differs++;
    }
  } finally {
    await connection.close();
  }
  return { differs, compared };
}

/** Every load generator opens its share of the statements, a room each, and keeps them open. */
function openStatements(
  loads: NodeChild[],
  given: {
    kind: ManySpec["kind"];
    baseUrl: string;
    names: string[];
    rooms: ReturnType<typeof harness.roomsFor>;
    expectedFile: string;
  },
): Promise<(Message & { result: ManyResult })[]> {
  const { rooms, names } = given;
  return Promise.all(
    loads.map((load, index) => {
      const spec: ManySpec = {
        kind: given.kind,
        baseUrl: given.baseUrl,
        rooms: names
          .filter((_, roomIndex) => roomIndex % loads.length === index)
          .map((name, roomIndex) => ({ name, cookie: rooms.cookie(roomIndex) })),
        initialDocumentFile: rooms.templateFile,
        expectedDocumentFile: given.expectedFile,
        concurrency: 16,
        timeoutMs: 120_000,
      };
      return load.request<Message & { result: ManyResult }>({ type: "start", spec }, "ready", 600_000);
    }),
  );
}

export async function runMany(server: ServerName): Promise<void> {
  if (server === "floor") return;
  const rooms = harness.roomsFor(server, "many");
  const kind = harness.isOurs(server) ? "ours" : server;
  const location = harness.isOurs(server) ? await harness.freshLocation(server, `many-${server}`) : null;
  const graceMs = 200;
  const running = await harness.startServer(server, "many", location, {
    COLLAB_UNLOAD_GRACE_MS: String(graceMs),
  });
  const names = rooms.manyRooms.slice(0, options.many);
  const procs = Math.max(1, Math.min(options.loadProcs, names.length));
  const loads = Array.from({ length: procs }, (_, index) =>
    harness.spawnLoad("bench/load/many.ts", `many-${server}-load${index}`),
  );
  const problems: string[] = [];
  try {
    await Promise.all(loads.map((load) => load.next("spawned", 30_000)));
    await sleep(1000);
    const start = memory(running.node.pid);
    const heapStart = await harness.collectGarbage(running);
    const startAfterGc = memory(running.node.pid);
    const expectedFile =
      rooms.templateFile ?? harness.writeDocumentFile("template-expected", rooms.manifest.templateDocument);
    const started = performance.now();
    const cpuBefore = cpuSeconds(running.node.pid);
    const meter = backgroundMeter(() => [
      running.node.pid,
      ...loads.map((load) => load.pid),
      ...harness.databasePids(server),
    ]);
    const database = harness.databaseCpuMeter(server);
    const ready = await openStatements(loads, { kind, baseUrl: running.baseUrl, names, rooms, expectedFile });
    const openSeconds = (performance.now() - started) / 1000;
    const openCpuSeconds = cpuSeconds(running.node.pid) - cpuBefore;
    const background = meter.stop();
    const databaseCpuSeconds = database.stop();
    const loaded = memory(running.node.pid);
    const heapLoaded = await harness.collectGarbage(running);
    const statsLoaded = await harness.serverStats(running);
    if (statsLoaded.rooms !== names.length) {
      results.notes.push(`many ${server}: ${statsLoaded.rooms} rooms loaded for ${names.length} statements`);
    }
    await Promise.all(loads.map((load) => load.request({ type: "leave" }, "left", 60_000)));
    const { stats, secondsUntilUnloaded } = await waitUntilUnloaded(running);
    await sleep(3000);
    const after = memory(running.node.pid);
    const heapAfter = await harness.collectGarbage(running);
    const afterGc = memory(running.node.pid);
    const outcomes = ready.map((message) => message.result);
    const figures: ManyFigures = {
      server,
      statements: names.length,
      openSeconds,
      openCpuSeconds,
      open: distribution(outcomes.flatMap((outcome) => outcome.openMs)),
      rssStartBytes: start.rss,
      rssLoadedBytes: loaded.rss,
      bytesPerStatement: (loaded.rss - start.rss) / names.length,
      rssAfterLeaveBytes: after.rss,
      rssAfterGcBytes: afterGc.rss,
      rssStartAfterGcBytes: startAfterGc.rss,
      heapBytesPerStatement: (heapLoaded - heapStart) / names.length,
      heapStartBytes: heapStart,
      heapAfterLeaveBytes: heapAfter,
      roomsAfterLeave: stats.rooms,
      secondsUntilUnloaded,
      peakRssBytes: afterGc.peakRss,
      mismatches: outcomes.reduce((sum, outcome) => sum + outcome.mismatches, 0),
      unexpectedCloses: outcomes.reduce((sum, outcome) => sum + outcome.unexpectedCloses, 0),
      background,
      databaseCpuSeconds,
    };
    results.many.push(figures);
    await Promise.all(loads.map(harness.closeLoad));
    await harness.stopServer(running);
    log(
      `many ${server}: ${names.length} statements opened in ${openSeconds.toFixed(1)} s, ` +
        `${(figures.bytesPerStatement / 1024).toFixed(1)} KiB each, RSS ${(start.rss / 2 ** 20).toFixed(0)} → ` +
        `${(loaded.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MiB (rooms left ${stats.rooms})`,
    );
    if (figures.mismatches > 0) problems.push(`${figures.mismatches} clients hold a different document`);
    if (figures.unexpectedCloses > 0) problems.push(`${figures.unexpectedCloses} connections dropped`);
    const stored = running.location ? await compareStored(running.location, rooms, names) : null;
    if (stored && stored.differs > 0) {
      problems.push(`${stored.differs} of ${stored.compared} stored statements differ from the clients`);
    }
    const passed = stored
      ? `${names.length} clients = statement; ${stored.compared} stored statements compared = clients`
      : `${names.length} clients = statement (server memory)`;
    check("many", server, problems.length === 0, problems.length === 0 ? passed : problems.join("; "));
  } finally {
    for (const load of loads) if (load.child.exitCode === null) load.child.kill("SIGKILL");
    if (running.node.child.exitCode === null) await harness.stopServer(running);
  }
}

// ---------------------------------------------------------------------------------------------

export const manyScenario = oneServerAtATime("many", runMany);
