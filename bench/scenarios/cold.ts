import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { openStored, type StoredLocation, storedDigest, storedSize } from "../lib/databases";
import { digestUpdate } from "../lib/digest";
import type { Message } from "../lib/ipc";
import { backgroundMeter } from "../lib/machine";
import type { NodeChild } from "../lib/processes";
import { cpuSeconds, memory } from "../lib/procfs";
import type { ColdFigures, ServerName } from "../lib/results";
import type { OpenResult, ReplayResult, ReplaySpec, TraceTarget } from "../load/trace";
import { check, log, options, results, runFolder, TRACE_FILE } from "../run/context";
import * as harness from "../run/servers";
import { oneServerAtATime } from "./scenario";

// Cold open of the long trace

/** The one document state a server persisting to files (Hocuspocus here) left in `folder`. */
export async function storedStateFile(folder: string): Promise<Uint8Array> {
  const files = (await readdir(folder)).filter((file) => file.endsWith(".ystate"));
  if (files.length !== 1) throw new Error(`Expected one stored state in ${folder}, found ${files.length}`);
  return new Uint8Array(await readFile(path.join(folder, files[0] as string)));
}

/**
 * Untimed opens before the timed ones. Applying the trace's state is most of an open, and the
 * opener's JIT keeps speeding it up over its first few opens (one run, Hocuspocus: 83, 43, 26 ms
 * after an untimed first): every server's opens are timed with an equally warm client.
 */
export const OPENER_WARM_UP_OPENS = 3;

/** One server's cold-open run: its processes, the current server process and what went wrong. */
interface ColdRun {
  server: ServerName;
  rooms: ReturnType<typeof harness.roomsFor>;
  serverEnv: Record<string, string>;
  /** Where Hocuspocus persists, so that it too can be restarted and open cold. */
  stateFolder: string | null;
  running: harness.RunningServer;
  writer: NodeChild;
  opener: NodeChild;
  problems: string[];
}

function traceTarget(run: ColdRun, baseUrl: string): TraceTarget {
  const kind = harness.isOurs(run.server) ? "ours" : (run.server as TraceTarget["kind"]);
  return {
    kind,
    baseUrl,
    room: run.rooms.traceRoom,
    cookie: run.rooms.cookie(1),
    sectionKey: "sammanfattning",
  };
}

/** Opens the trace's statement with a fresh client, checking it holds what the writer wrote. */
async function openTrace(run: ColdRun, replay: ReplayResult): Promise<OpenResult> {
  const { result } = await run.opener.request<Message & { result: OpenResult }>(
    {
      type: "open",
      target: traceTarget(run, run.running.baseUrl),
      expectedTextLength: 0,
      keep: false,
      timeoutMs: 120_000,
    },
    "opened",
    180_000,
  );
  if (!result.textOk) run.problems.push("an opened client does not hold the trace's final text");
  if (result.digest.hash !== replay.digest.hash)
    run.problems.push("an opened client differs from the writer");
  return result;
}

/** Replays the editing trace into the server through one writer; the figures start from its costs. */
async function replayTrace(run: ColdRun): Promise<{ replay: ReplayResult; figures: MeasuredCold }> {
  const { server, running, writer, opener } = run;
  const spec: ReplaySpec = {
    ...traceTarget(run, running.baseUrl),
    cookie: run.rooms.cookie(0),
    traceFile: TRACE_FILE,
    limit: options.traceEdits,
    initialDocumentFile: run.rooms.templateFile,
    chunk: options.traceChunk,
    flowEvery: options.traceFlow,
    timeoutMs: 900_000,
  };
  const cpuBefore = cpuSeconds(running.node.pid);
  const meter = backgroundMeter(() => [
    running.node.pid,
    writer.pid,
    opener.pid,
    ...harness.databasePids(server),
  ]);
  const database = harness.databaseCpuMeter(server);
  const { result: replay } = await writer.request<Message & { result: ReplayResult }>(
    { type: "replay", spec },
    "replayed",
    1_200_000,
  );
  const figures = emptyColdFigures(server, replay, {
    replayCpuSeconds: cpuSeconds(running.node.pid) - cpuBefore,
    replayPeakRssBytes: memory(running.node.pid).peakRss,
    background: meter.stop(),
    replayDatabaseCpuSeconds: database.stop(),
  });
  log(
    `cold ${server}: replayed ${replay.edits} edits in ${figures.replaySeconds.toFixed(1)} s ` +
      `(server CPU ${figures.replayCpuSeconds.toFixed(1)} s)`,
  );
  if (!replay.textOk) run.problems.push("the writer's text is not the trace's final text");
  if (replay.unexpectedCloses > 0)
    run.problems.push(`the writer was disconnected ${replay.unexpectedCloses} times`);
  return { replay, figures };
}

/** A cold run's figures, with the server-side open times it always measures. */
type MeasuredCold = ColdFigures & { coldOpenServerMs: number[]; warmOpenServerMs: number[] };

/** The figures of a replay, before any open is timed. */
function emptyColdFigures(
  server: ServerName,
  replay: ReplayResult,
  costs: Pick<
    ColdFigures,
    "replayCpuSeconds" | "replayPeakRssBytes" | "background" | "replayDatabaseCpuSeconds"
  >,
): MeasuredCold {
  return {
    server,
    edits: replay.edits,
    replaySeconds: replay.replayMs / 1000,
    ingestPerSecond: replay.edits / (replay.replayMs / 1000),
    ...costs,
    serverReadMs: [],
    serverApplyMs: [],
    storedBytes: null,
    storedRows: null,
    stateBytes: replay.stateBytes,
    shutdownMs: null,
    coldOpenMs: [],
    warmOpenMs: [],
    coldOpenServerMs: [],
    warmOpenServerMs: [],
    settleMs: 0,
    serverLoadMs: [],
    serverEncodeMs: [],
    openPeakRssBytes: 0,
  };
}

/**
 * Warm opens: the writer is still connected, so the document is in memory. Timed once the server
 * has finished with the replay (ours persists and compacts it), so an open is timed, not that work.
 */
async function timeWarmOpens(run: ColdRun, replay: ReplayResult, figures: MeasuredCold): Promise<void> {
  figures.settleMs = await harness.serverSettled(run.running);
  for (let index = 0; index < Math.max(1, options.warmOpens) + OPENER_WARM_UP_OPENS; index++) {
    const result = await openTrace(run, replay);
    if (index < OPENER_WARM_UP_OPENS) continue;
    figures.warmOpenMs.push(result.connectToSyncedMs);
    figures.warmOpenServerMs.push(result.connectToLastMessageMs);
  }
  figures.openPeakRssBytes = memory(run.running.node.pid).peakRss;
}

/** Runs `measure` `--cold-repeats` times, each in a freshly started server on the stored data. */
async function inFreshServers(
  run: ColdRun,
  location: StoredLocation | null,
  measure: (running: harness.RunningServer) => Promise<void>,
): Promise<void> {
  for (let index = 0; index < Math.max(1, options.coldRepeats); index++) {
    run.running = await harness.startServer(run.server, "cold", location, run.serverEnv);
    await measure(run.running);
    await harness.stopServer(run.running);
  }
}

/** Cold: a freshly started server, the statement not loaded; the first client loads it. */
async function timeColdOpens(
  run: ColdRun,
  location: StoredLocation | null,
  replay: ReplayResult,
  figures: MeasuredCold,
) {
  await inFreshServers(run, location, async (running) => {
    const result = await openTrace(run, replay);
    figures.coldOpenMs.push(result.connectToSyncedMs);
    figures.coldOpenServerMs.push(result.connectToLastMessageMs);
    figures.openPeakRssBytes = Math.max(figures.openPeakRssBytes, memory(running.node.pid).peakRss);
  });
}

/** Ours: checks the database against the writer, then times cold opens and where a load's time goes. */
async function measureOursStored(
  run: ColdRun,
  location: StoredLocation,
  replay: ReplayResult,
  figures: MeasuredCold,
) {
  figures.shutdownMs = await harness.stopServer(run.running);
  const connection = await openStored(location);
  try {
    const size = await storedSize(connection.db, run.rooms.traceRoom);
    figures.storedBytes = size.snapshotBytes + size.updateBytes;
    figures.storedRows = size.updateRows;
    if ((await storedDigest(connection.db, run.rooms.traceRoom)).hash !== replay.digest.hash) {
      run.problems.push("the database differs from the writer");
    }
  } finally {
    await connection.close();
  }
  await timeColdOpens(run, location, replay, figures);
  // The load alone, inside freshly started servers (database read and Y.Doc rebuild), then its two steps.
  for (const step of ["load", "loadSplit"] as const) {
    await inFreshServers(run, location, async (running) => {
      const timed = await running.node.request<Message & Record<string, number>>(
        { type: step, statementId: run.rooms.traceRoom },
        step === "load" ? "loaded" : "load-split",
        120_000,
      );
      if (step === "load") {
        figures.serverLoadMs.push(timed.loadMs ?? Number.NaN);
        figures.serverEncodeMs.push(timed.encodeMs ?? Number.NaN);
      } else {
        figures.serverReadMs.push(timed.readMs ?? Number.NaN);
        figures.serverApplyMs.push(timed.applyMs ?? Number.NaN);
      }
    });
  }
}

/** Stops the server, checks what it stored, and times cold opens where it can restart on it. */
async function measureStored(run: ColdRun, replay: ReplayResult, figures: MeasuredCold): Promise<void> {
  const location = run.running.location;
  if (location) return measureOursStored(run, location, replay, figures);
  if (!run.stateFolder) {
    await harness.stopServer(run.running);
    return;
  }
  figures.shutdownMs = await harness.stopServer(run.running);
  const stored = await storedStateFile(run.stateFolder);
  figures.storedBytes = stored.byteLength;
  if (digestUpdate(stored).hash !== replay.digest.hash)
    run.problems.push("the stored state differs from the writer");
  await timeColdOpens(run, null, replay, figures);
}

function recordCold(run: ColdRun, replay: ReplayResult, figures: MeasuredCold): void {
  const { server, problems } = run;
  results.cold.push(figures);
  const joined = (values: number[]) => values.map((ms) => ms.toFixed(0)).join("/");
  log(
    `cold ${server}: warm open ${joined(figures.warmOpenMs)} ms` +
      (figures.coldOpenMs.length > 0
        ? `, cold open ${joined(figures.coldOpenMs)} ms, load ${joined(figures.serverLoadMs)} ms, ` +
          `stored ${figures.storedBytes} bytes`
        : ""),
  );
  check(
    "cold",
    server,
    problems.length === 0,
    problems.length === 0
      ? `${replay.edits} edits; writer = every opened client${harness.isOurs(server) ? " = database" : ""} = trace text`
      : [...new Set(problems)].join("; "),
  );
}

export async function runCold(server: ServerName): Promise<void> {
  if (server === "floor") return;
  const location = harness.isOurs(server) ? await harness.freshLocation(server, `cold-${server}`) : null;
  const stateFolder = server === "hocuspocus" ? path.join(runFolder, "data", `cold-${server}`) : null;
  const serverEnv: Record<string, string> = stateFolder ? { HOCUSPOCUS_DATA_DIR: stateFolder } : {};
  const run: ColdRun = {
    server,
    rooms: harness.roomsFor(server, "cold"),
    serverEnv,
    stateFolder,
    writer: harness.spawnLoad("bench/load/trace.ts", `cold-${server}-writer`),
    opener: harness.spawnLoad("bench/load/trace.ts", `cold-${server}-opener`),
    running: await harness.startServer(server, "cold", location, serverEnv),
    problems: [],
  };
  try {
    await Promise.all([run.writer.next("spawned", 30_000), run.opener.next("spawned", 30_000)]);
    const { replay, figures } = await replayTrace(run);
    await run.opener.request(
      { type: "setExpected", traceFile: TRACE_FILE, limit: options.traceEdits },
      "expected-set",
      120_000,
    );
    await timeWarmOpens(run, replay, figures);
    await run.writer.request({ type: "closeWriter" }, "writer-closed", 30_000);
    await measureStored(run, replay, figures);
    recordCold(run, replay, figures);
  } finally {
    await Promise.all([harness.closeLoad(run.writer), harness.closeLoad(run.opener)]);
    if (run.running.node.child.exitCode === null) await harness.stopServer(run.running);
  }
}

// ---------------------------------------------------------------------------------------------

export const coldScenario = oneServerAtATime("cold", runCold);
