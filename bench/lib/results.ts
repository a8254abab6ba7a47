import type { Distribution } from "./stats";

export type ServerName = "ours-pglite" | "ours-postgres" | "ours-baseline" | "stock" | "hocuspocus" | "floor";
export type ScenarioName = "day" | "saturation" | "nodes" | "cold" | "many" | "export" | "versions";

export const SERVER_LABELS: Record<ServerName, string> = {
  "ours-pglite": "ours (PGlite)",
  "ours-postgres": "ours (PostgreSQL)",
  "ours-baseline": "ours (PGlite), baseline",
  stock: "stock y-websocket 2.1.0",
  hocuspocus: "Hocuspocus 4",
  floor: "ws relay floor",
};

export interface IntegrityCheck {
  scenario: ScenarioName;
  server: ServerName;
  ok: boolean;
  detail: string;
}

export interface Background {
  /** Cores used by other processes on this shared machine during the measured window. */
  otherCores: number;
  stealCores: number;
}

export interface ServerUsage {
  /** User + system CPU seconds of the server process during the measured window. */
  cpuSeconds: number;
  wallSeconds: number;
  /** VmHWM of the server process at the end of the scenario (it was started for this scenario). */
  peakRssBytes: number;
  /** CPU seconds of all load-generator processes over their lifetime, for context. */
  loadCpuSeconds: number;
  background: Background;
  /** Ours (PostgreSQL) with the bench's own cluster: CPU seconds of the PostgreSQL processes; else null. */
  databaseCpuSeconds: number | null;
}

export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export interface TypingFigures extends ServerUsage {
  server: ServerName;
  rooms: number;
  clients: number;
  typists: number;
  keystrokes: number;
  latency: Distribution;
  /** Latency of the keystrokes typed from 3 s after the start on: without the start-up burst. */
  steadyLatency?: Distribution;
  /** Latency of the keystrokes typed in the first 3 s: the start-up burst alone. */
  startUpLatency?: Distribution;
  /** The p99 of the keystrokes typed in each second after "go" (null for a second with none). */
  p99BySecond?: (number | null)[];
  /** Keystrokes visible at every peer, per second, from "go" until every client had everything. */
  updatesPerSecond: number;
  /** Keystroke × receiving client pairs per second over the same time. */
  deliveriesPerSecond: number;
  convergedAfterSeconds: number;
  converged: boolean;
  missingUpdates: number;
  unexpectedCloses: number;
  connect: Distribution;
  /**
   * How long the server and its database stayed busy after every client had synced, before typing
   * started (ours answers a new client before its room is built, so synced can come first).
   */
  settleMs?: number;
  /** The server's event-loop delay over the measured window (ms; `perf_hooks`, 1 ms resolution). */
  loopDelay?: EventLoopDelay;
  /** Server CPU microseconds per keystroke delivered to one peer. */
  cpuMicrosPerDelivery: number;
  /** The load generators' warm-up against a server not under test, before the measurement (day). */
  loadWarmUp?: LoadWarmUp | null;
}

/**
 * The Beredning day with each statement's clients split over two nodes of ours, Redis between them;
 * the server CPU and peak memory are both nodes' together.
 */
export interface TwoNodeFigures extends TypingFigures {
  /** Keystrokes typed on one node and seen by a client of the other. */
  crossNode: Distribution;
  /** Keystrokes seen by a client of the typist's own node, in the same run. */
  sameNode: Distribution;
  /** The same two, for the keystrokes typed from 3 s on (without the start-up). */
  crossNodeSteady: Distribution;
  sameNodeSteady: Distribution;
}

/**
 * Saturation of many statements, 2 clients each (one typing as fast as its window allows), on one
 * node of ours or spread over two: whole statements alternate between the nodes.
 */
export interface SpreadFigures extends TypingFigures {
  nodes: 1 | 2;
}

export interface LoadWarmUp {
  /** The server the load generators typed in while warming up. */
  against: ServerName;
  keystrokes: number;
  /** Wall time of the warm-up, connecting and leaving included. */
  seconds: number;
}

export interface ColdFigures {
  server: ServerName;
  edits: number;
  replaySeconds: number;
  /** Edits per second through the server while replaying (one Yjs update each). */
  ingestPerSecond: number;
  replayCpuSeconds: number;
  replayPeakRssBytes: number;
  /** Other processes' load during the replay. */
  background: Background;
  /** PostgreSQL's own CPU seconds during the replay (ours with the bench's cluster), else null. */
  replayDatabaseCpuSeconds: number | null;
  /** Ours: the load split, each in a freshly started server: database read, then Y.Doc rebuild. */
  serverReadMs: number[];
  serverApplyMs: number[];
  /** Ours: bytes of snapshot + update rows in the database after the graceful shutdown. */
  storedBytes: number | null;
  storedRows: number | null;
  /** Size of the document state (Y.encodeStateAsUpdate) at the writer. */
  stateBytes: number;
  shutdownMs: number | null;
  /** After a restart (ours): connect → synced of the first client, which loads the statement. */
  coldOpenMs: number[];
  /** Connect → synced of a client while the document is already loaded and the server idle. */
  warmOpenMs: number[];
  /**
   * Connect → the last message before synced, for each cold and warm open: the server's part of an
   * open (the rest is the client applying the state). Absent in results from before it was kept.
   */
  coldOpenServerMs?: number[];
  warmOpenServerMs?: number[];
  /** How long the server (and its database) stayed busy after the replay, before the warm opens. */
  settleMs: number;
  /** Ours: loadDocument (database read + Y.Doc rebuild) timed inside a freshly started server. */
  serverLoadMs: number[];
  /** Ours: Y.encodeStateAsUpdate of the loaded document (what a sync step 2 costs). */
  serverEncodeMs: number[];
  /** Peak RSS of the server that loaded the statement cold (ours) or held it warm. */
  openPeakRssBytes: number;
}

export interface ManyFigures {
  server: ServerName;
  statements: number;
  openSeconds: number;
  /** Server CPU seconds while all statements were opened. */
  openCpuSeconds: number;
  open: Distribution;
  rssStartBytes: number;
  rssLoadedBytes: number;
  bytesPerStatement: number;
  rssAfterLeaveBytes: number;
  rssAfterGcBytes: number;
  rssStartAfterGcBytes: number;
  /** V8 heap in use + external memory after a forced GC: loaded minus start, per statement. */
  heapBytesPerStatement: number;
  heapStartBytes: number;
  heapAfterLeaveBytes: number;
  roomsAfterLeave: number;
  secondsUntilUnloaded: number | null;
  peakRssBytes: number;
  mismatches: number;
  unexpectedCloses: number;
  /** Other processes' load while the statements were opened. */
  background: Background;
  databaseCpuSeconds: number | null;
}

/** The seed statement rendered to one format: `runs` timed renders after a first, untimed one. */
export interface ExportFigures {
  format: "docx" | "pdf";
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** The first render (for PDF it starts Chromium). */
  firstMs: number;
  bytes: number;
  targetMs: number;
}

/** Version history of the trace: the versions as stored (diff chains) against the final state. */
export interface VersionCostFigures {
  edits: number;
  versions: number;
  /** Versions stored as a whole state rather than a diff. */
  wholeVersions: number;
  longestChain: number;
  finalBytesV1: number;
  finalBytesV2: number;
  storedBytes: number;
  /** What the versions would take as whole V2 states. */
  wholeV2Bytes: number;
  openOldestMedianMs: number;
  openSlowestMedianMs: number;
  slowestChainDepth: number;
}

export interface BenchResults {
  quick: boolean;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  command: string;
  options: Record<string, unknown>;
  machine: Record<string, string>;
  versions: Record<string, string>;
  setup: string[];
  /** Ours' code (server, db, auth, domain, editor, events) as each run of ours started it. */
  codeVersions: { run: string; commit: string; fingerprint: string; baseline?: boolean }[];
  /** How long each server run waited for the machine to quieten down, and how busy it still was. */
  quietWaits: { run: string; waitedMs: number; otherCores: number }[];
  notes: string[];
  skipped: string[];
  day: TypingFigures[];
  saturation: TypingFigures[];
  /** Absent in results written before the two-node scenario existed. */
  nodes?: TwoNodeFigures[];
  /** Absent in results written before the saturation over nodes existed. */
  spread?: SpreadFigures[];
  cold: ColdFigures[];
  many: ManyFigures[];
  /** Absent in results written before the export scenario existed. */
  export?: ExportFigures[];
  /** Absent in results written before the versions scenario existed. */
  versionHistory?: VersionCostFigures;
  integrity: IntegrityCheck[];
  profiles: {
    server: ServerName;
    scenario: ScenarioName;
    file: string;
    top: { name: string; selfPercent: number }[];
  }[];
}
