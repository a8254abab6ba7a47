import type { TestRedis } from "../../tests/support/redis";
import { openStored, storedDigest } from "../lib/databases";
import type { Message } from "../lib/ipc";
import { backgroundMeter } from "../lib/machine";
import type { NodeChild } from "../lib/processes";
import { cpuSeconds, memory } from "../lib/procfs";
import {
  type Background,
  type EventLoopDelay,
  type LoadWarmUp,
  type ScenarioName,
  SERVER_LABELS,
  type ServerName,
  type TypingFigures,
} from "../lib/results";
import { distribution, joinSeconds, START_UP_SECONDS } from "../lib/stats";
import type { YjsServerKind } from "../load/clients";
import { scheduleEndMs, typingSchedule } from "../load/pace";
import type { SenderReport, TypingResult, TypingRoomSpec, TypingSpec, TypingTarget } from "../load/typing";
import { check, log, options, quick, results } from "../run/context";
import * as harness from "../run/servers";
import type { Scenario } from "./scenario";

// Typing scenarios: Beredning day, saturation, and saturation of many statements over nodes

/** The kind of client a server is driven by (the floor's own sockets aside). */
export const clientKindOf = (server: ServerName): YjsServerKind =>
  server === "floor" ? "stock" : harness.isOurs(server) ? "ours" : (server as YjsServerKind);

/** The server a kind of client is warmed up against: never the one under test. */
export const warmUpServerFor = (kind: YjsServerKind): ServerName =>
  kind === "hocuspocus" ? "hocuspocus" : "stock";

/**
 * Has the load generators type for `--day-warm-up` seconds in rooms of servers of their clients'
 * kinds that are not under test (stock's for y-websocket clients, Hocuspocus' for its provider),
 * started for this and stopped before the measurement. The load generators' code is then as warm
 * as in a long day, the servers under test still as cold as after a deploy. Returns the warm-up of
 * each server's load generators, by the server's index.
 */
export async function warmUpLoads(
  loads: LoadProcess[],
  kinds: YjsServerKind[],
  baseSpec: Omit<TypingSpec, "targets">,
): Promise<Map<number, LoadWarmUp>> {
  const warmUpServers = [...new Set(kinds.map(warmUpServerFor))];
  const running: harness.RunningServer[] = [];
  const started = performance.now();
  try {
    for (const server of warmUpServers) running.push(await harness.startServer(server, "day-warm-up", null));
    const warmed = await Promise.all(
      loads.map((load) => {
        // Each process types in copies of its own rooms, in the warm-up server of its clients' kind.
        const own = warmUpServerFor(kinds[load.target] ?? "stock");
        const targets: TypingTarget[] = warmUpServers.map((server, serverIndex) => ({
          kind: clientKindOf(server),
          baseUrl: running[serverIndex]?.baseUrl ?? "",
          initialDocumentFile: harness.seedDocumentFile,
          rooms:
            server === own
              ? load.rooms.map((room) => ({
                  name: `warm-up-${load.target}-${room.name}`,
                  clients: room.clients.map(({ baseUrl: _node, ...client }) => ({ ...client, cookie: null })),
                }))
              : [],
        }));
        return load.child.request<Message & { keystrokes: number[] }>(
          { type: "warm-up", spec: { ...baseSpec, targets }, durationMs: options.dayWarmUp * 1000 },
          "warmed-up",
          options.dayWarmUp * 1000 + 240_000,
        );
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const warmUps = new Map(
      kinds.map((kind, target): [number, LoadWarmUp] => [
        target,
        { against: warmUpServerFor(kind), keystrokes: 0, seconds },
      ]),
    );
    for (const [index, load] of loads.entries()) {
      const warmUp = warmUps.get(load.target);
      for (const count of warmed[index]?.keystrokes ?? []) if (warmUp) warmUp.keystrokes += count;
    }
    return warmUps;
  } finally {
    for (const server of running) await harness.stopServer(server);
  }
}

/** Time for the "go" message to reach every load generator before typing starts. */
export const GO_DELAY_MS = 100;

/** A load-generator process: it holds the clients of one server under test (`target`), `rooms` of them. */
export interface LoadProcess {
  child: NodeChild;
  target: number;
  rooms: TypingRoomSpec[];
}

/** One server's rooms, split over the load-generator processes, and how its clients are set up. */
export interface TypingLayout {
  roomNames: string[];
  clientsPerRoom: number;
  typistsPerRoom: number;
  perProcess: TypingRoomSpec[][];
  seedFile: string | null;
}

/** The day; saturation of one statement; "spread": saturation of many statements, 2 clients each. */
export type TypingKind = "day" | "saturation" | "spread";

/** Clients and typists per room, and the rooms typed in, of each kind of typing. */
function roomsOfKind(kind: TypingKind, rooms: ReturnType<typeof harness.roomsFor>) {
  if (kind === "day") {
    const clients = options.dayClients;
    return {
      clients,
      typists: Math.min(options.dayTypists, clients),
      names: rooms.dayRooms.slice(0, options.dayRooms),
    };
  }
  if (kind === "spread")
    return { clients: 2, typists: 1, names: rooms.dayRooms.slice(0, options.spreadRooms) };
  return { clients: options.satClients, typists: options.satClients, names: [rooms.saturationRoom] };
}

export function typingLayout(scenario: TypingKind, server: ServerName, procs: number): TypingLayout {
  const rooms = harness.roomsFor(server, scenario === "saturation" ? "saturation" : "day");
  const { clients: clientsPerRoom, typists: typistsPerRoom, names: roomNames } = roomsOfKind(scenario, rooms);
  // Whole rooms per process (day, spread); the one room's clients in contiguous blocks (saturation).
  const perProcess: TypingRoomSpec[][] = Array.from({ length: procs }, () => []);
  for (const [roomIndex, name] of roomNames.entries()) {
    const clients = Array.from({ length: clientsPerRoom }, (_, index) => ({
      cookie: rooms.cookie(index),
      userName: rooms.userName(index),
      typist: index < typistsPerRoom,
      typistSlot: index,
      seeds: index === 0,
    }));
    if (scenario !== "saturation") {
      perProcess[roomIndex % procs]?.push({ name, clients });
    } else {
      for (let proc = 0; proc < procs; proc++) {
        const from = Math.floor((proc * clients.length) / procs);
        const to = Math.floor(((proc + 1) * clients.length) / procs);
        perProcess[proc]?.push({ name, clients: clients.slice(from, to) });
      }
    }
  }
  return { roomNames, clientsPerRoom, typistsPerRoom, perProcess, seedFile: rooms.seedFile };
}

/** A typing scenario's servers and load generators, as they are started. */
interface TypingRun {
  scenario: TypingKind;
  /** The scenario the figures are recorded under: "nodes" for the day and the spread over nodes. */
  label: ScenarioName;
  /** With two nodes: the Redis between them, and each server's second node. */
  redis: TestRedis | null;
  secondNodes: harness.RunningServer[];
  isDay: boolean;
  isFloor: boolean;
  servers: ServerName[];
  started: harness.RunningServer[];
  loads: LoadProcess[];
  layouts: TypingLayout[];
  kinds: YjsServerKind[];
  baseSpec: Omit<TypingSpec, "targets">;
  warmUps: Map<number, LoadWarmUp>;
}

/** What the load generators and the servers report once the typing is over. */
interface TypingMeasurement {
  durationMs: number;
  settleMs: number[];
  typed: (Message & { senders: SenderReport[]; typedAfterMs: number })[];
  senders: SenderReport[];
  done: (Message & { results: TypingResult[] })[];
  cpu: number[];
  loopDelays: EventLoopDelay[];
  background: Background;
  databaseCpu: (number | null)[];
  peakRss: number[];
  verified: (Message & { targets: { name: string; digest: { hash: string } }[][] })[];
}

function newTypingRun(scenario: TypingKind, servers: ServerName[], redis: TestRedis | null): TypingRun {
  const isDay = scenario === "day";
  const isFloor = servers.includes("floor");
  if (isFloor && servers.length > 1) throw new Error("The floor is measured alone");
  return {
    scenario,
    label: redis || scenario === "spread" ? "nodes" : scenario,
    redis,
    secondNodes: [],
    isDay,
    isFloor,
    servers,
    started: [],
    loads: [],
    layouts: [],
    kinds: servers.map(clientKindOf),
    baseSpec: {
      mode: isDay ? "rate" : "saturate",
      cps: options.dayCps,
      window: options.satWindow,
      awareness: isDay && options.dayAwareness,
      connectTimeoutMs: 120_000,
      convergeTimeoutMs: quick ? 20_000 : 60_000,
    },
    warmUps: new Map(),
  };
}

/** Starts the servers and their load generators, warms the day's generators up, and connects every client. */
async function startTyping(run: TypingRun): Promise<void> {
  const { scenario, servers, isDay, isFloor } = run;
  const procs = isDay
    ? Math.max(1, Math.min(options.loadProcs, options.dayRooms))
    : scenario === "spread"
      ? Math.max(1, options.loadProcs)
      : Math.max(1, options.satProcs);
  const env: Record<string, string> = run.redis ? { REDIS_URL: run.redis.url } : {};
  for (const server of servers) {
    const location = harness.isOurs(server)
      ? await harness.freshLocation(server, `${runName(run)}-${server}`)
      : null;
    run.started.push(await harness.startServer(server, run.label, location, env));
    if (run.redis) run.secondNodes.push(await harness.startServer(server, run.label, location, env));
  }
  run.layouts = servers.map((server, target) =>
    splitOverNodes(
      typingLayout(scenario, server, procs),
      run.started[target],
      run.secondNodes[target],
      scenario,
    ),
  );
  const script = isFloor ? "bench/load/floor.ts" : "bench/load/typing.ts";
  const loadName = servers.length === 1 ? `${runName(run)}-${servers[0]}` : `${runName(run)}-in-turns`;
  // Each server's clients live in load generators of their own, so that one generator's garbage
  // collection never shows in another server's latency.
  for (const [target, layout] of run.layouts.entries()) {
    for (const [proc, rooms] of layout.perProcess.entries()) {
      const name =
        servers.length === 1 ? `${loadName}-load${proc}` : `${loadName}-${servers[target]}-load${proc}`;
      run.loads.push({ child: harness.spawnLoad(script, name), target, rooms });
    }
  }
  await Promise.all(run.loads.map((load) => load.child.next("spawned", 30_000)));
  if (isDay && !isFloor && options.dayWarmUp > 0) {
    run.warmUps = await warmUpLoads(run.loads, run.kinds, run.baseSpec);
  }
  for (const [target, warmUp] of run.warmUps) {
    log(
      `${scenario} ${servers[target]}: load generators warmed up against ${SERVER_LABELS[warmUp.against]}, ` +
        `${warmUp.keystrokes} keystrokes in ${warmUp.seconds.toFixed(1)} s`,
    );
  }
  // Every process gets every server as a target, in the same order, with its own rooms in its
  // own server only: the turns are taken by index. A server's first process seeds rooms for
  // servers that start empty, so it is ready first.
  for (const load of run.loads) {
    const targets: TypingTarget[] = run.started.map((running, target) => ({
      kind: run.kinds[target] ?? "stock",
      baseUrl: running.baseUrl,
      initialDocumentFile: run.layouts[target]?.seedFile ?? null,
      rooms: target === load.target ? load.rooms : [],
    }));
    await load.child.request({ type: "start", spec: { ...run.baseSpec, targets } }, "ready", 180_000);
  }
}

/** A server's processes: one node, or two in the day over two nodes. */
const nodesOf = (run: TypingRun, index: number) =>
  [run.started[index], run.secondNodes[index]].filter((node) => node !== undefined);
const allNodes = (run: TypingRun) => [...run.started, ...run.secondNodes];
/** A server's CPU seconds so far: all its nodes'. */
const nodesCpu = (run: TypingRun, index: number) =>
  nodesOf(run, index).reduce((sum, node) => sum + cpuSeconds(node.node.pid), 0);

/** Types for the scenario's time, waits for every keystroke to arrive, and reads the servers' figures. */
async function measureTyping(run: TypingRun): Promise<TypingMeasurement> {
  const { isDay, isFloor, started, loads, servers, secondNodes } = run;
  const seconds = isDay ? (isFloor ? options.floorSeconds : options.daySeconds) : options.satSeconds;
  const durationMs = seconds * 1000;
  const turnMs = isDay ? options.dayTurn * 1000 : 0;
  const firstRoundPauseMs = isDay ? options.dayFirstPause * 1000 : 0;
  // Typing starts once each server has admitted every client into its room, not merely once every
  // client has synced: ours answers a new client before the room is built.
  const settleMs: number[] = [];
  for (const running of started) settleMs.push(await harness.serverSettled(running));
  for (const running of secondNodes) await harness.serverSettled(running);
  const cpuBefore = started.map((_, index) => nodesCpu(run, index));
  const meter = backgroundMeter(() => [
    ...allNodes(run).flatMap((running) => [running.node.pid, ...harness.databasePids(running.server)]),
    ...loads.map((load) => load.child.pid),
  ]);
  const databases = servers.map(harness.databaseCpuMeter);
  for (const running of started) {
    await running.node.request({ type: "loop-delay-start" }, "loop-delay-started", 10_000);
  }
  // One schedule for every process, which all hold every server as a target, in the same order.
  const turns = typingSchedule(servers.length, durationMs, turnMs, firstRoundPauseMs);
  // Typing starts at one moment on the wall clock every process shares.
  const startAt = Date.now() + GO_DELAY_MS;
  const typed = await Promise.all(
    loads.map(({ child }) =>
      child.request<Message & { senders: SenderReport[]; typedAfterMs: number }>(
        { type: "go", durationMs, turns, startAt },
        "typed",
        scheduleEndMs(turns) + 60_000,
      ),
    ),
  );
  const senders = typed.flatMap((message) => message.senders);
  const done = await Promise.all(
    loads.map(({ child }) =>
      child.request<Message & { results: TypingResult[] }>({ type: "expect", senders }, "done", 180_000),
    ),
  );
  const cpu = started.map((_, index) => nodesCpu(run, index) - (cpuBefore[index] ?? 0));
  const loopDelays: EventLoopDelay[] = [];
  for (const running of started) {
    loopDelays.push(
      await running.node.request<Message & EventLoopDelay>({ type: "loop-delay-stop" }, "loop-delay", 10_000),
    );
  }
  const background = meter.stop();
  const databaseCpu = databases.map((database) => database.stop());
  const peakRss = started.map((_, index) =>
    nodesOf(run, index).reduce((sum, node) => sum + memory(node.node.pid).peakRss, 0),
  );
  const verified = await Promise.all(
    loads.map(({ child }) =>
      child.request<Message & { targets: { name: string; digest: { hash: string } }[][] }>(
        { type: "verify" },
        "verified",
        120_000,
      ),
    ),
  );
  await Promise.all(loads.map((load) => harness.closeLoad(load.child)));
  for (const running of allNodes(run)) await harness.stopServer(running);

  return {
    durationMs,
    settleMs,
    typed,
    senders,
    done,
    cpu,
    loopDelays,
    background,
    databaseCpu,
    peakRss,
    verified,
  };
}

/**
 * With two nodes, in the day every room's clients alternate between the nodes, so that each room
 * has typists and receivers on both and every keystroke reaches some receivers across Redis; in
 * the spread whole rooms alternate, as statements spread over nodes behind a load balancer would.
 */
function splitOverNodes(
  layout: TypingLayout,
  first: harness.RunningServer | undefined,
  second: harness.RunningServer | undefined,
  scenario: TypingKind,
): TypingLayout {
  if (!first || !second) return layout;
  const roomIndex = new Map(layout.roomNames.map((name, index) => [name, index]));
  const nodeOf = (room: string, client: number) =>
    (scenario === "spread" ? (roomIndex.get(room) ?? 0) : client) % 2 === 0 ? first : second;
  const perProcess = layout.perProcess.map((rooms) =>
    rooms.map((room) => ({
      ...room,
      clients: room.clients.map((client, index) => ({
        ...client,
        baseUrl: nodeOf(room.name, index).baseUrl,
      })),
    })),
  );
  return { ...layout, perProcess };
}

/** Names this run's databases and load generators apart from the other runs of its scenario. */
const runName = (run: TypingRun) =>
  run.scenario === "spread" ? `${run.label}-spread-${run.redis ? 2 : 1}` : run.label;

/** The day over two nodes: its figures, with the cross-node and same-node deliveries apart. */
function recordTwoNodes(figures: TypingFigures, outcomes: TypingResult[]): void {
  const cross = joinSeconds(outcomes.map((outcome) => outcome.crossNodeLatenciesBySecond));
  const same = joinSeconds(outcomes.map((outcome) => outcome.sameNodeLatenciesBySecond));
  const [crossNode, sameNode] = [distribution(cross.flat()), distribution(same.flat())];
  const crossNodeSteady = distribution(cross.slice(START_UP_SECONDS).flat());
  const sameNodeSteady = distribution(same.slice(START_UP_SECONDS).flat());
  results.nodes = [
    ...(results.nodes ?? []),
    { ...figures, crossNode, sameNode, crossNodeSteady, sameNodeSteady },
  ];
  log(
    `nodes ${figures.server}: cross-node p99 ${crossNode.p99.toFixed(1)} ms (${crossNode.count} deliveries), ` +
      `same-node p99 ${sameNode.p99.toFixed(1)} ms (${sameNode.count}); from 3 s on ` +
      `${crossNodeSteady.p99.toFixed(1)} / ${sameNodeSteady.p99.toFixed(1)} ms; missing ${figures.missingUpdates}`,
  );
}

/** Records each server's figures and checks its integrity. */
async function recordTyping(run: TypingRun, measured: TypingMeasurement): Promise<void> {
  const { label, isDay, servers, started, loads, layouts, warmUps } = run;
  const { durationMs, typed, senders, done, cpu, settleMs, loopDelays, peakRss } = measured;
  const { background, databaseCpu, verified } = measured;
  const typedAfterMs = Math.max(...typed.map((message) => message.typedAfterMs));
  for (const [index, server] of servers.entries()) {
    const layout = layouts[index];
    const running = started[index];
    if (!layout || !running) continue;
    // From the processes holding this server's clients: the others report an empty result for it.
    const outcomes = done.flatMap((message, load) =>
      loads[load]?.target === index ? (message.results[index] ?? []) : [],
    );
    const figures = typingFigures({
      server,
      layout,
      outcomes,
      senders: senders.filter((sender) => sender.target === index),
      // This server's own typing time, and its wait for the last keystrokes after all typing ended.
      ownSeconds:
        (durationMs + Math.max(...outcomes.map((outcome) => outcome.convergedAfterMs)) - typedAfterMs) / 1000,
      cpuSeconds: cpu[index] ?? Number.NaN,
      settleMs: settleMs[index] ?? 0,
      loopDelay: loopDelays[index] ?? { p50: Number.NaN, p99: Number.NaN, max: Number.NaN },
      peakRssBytes: peakRss[index] ?? 0,
      loadWarmUp: warmUps.get(index) ?? null,
      background,
      databaseCpuSeconds: databaseCpu[index] ?? null,
    });
    if (run.scenario === "spread")
      results.spread = [...(results.spread ?? []), { ...figures, nodes: run.redis ? 2 : 1 }];
    else if (run.redis) recordTwoNodes(figures, outcomes);
    else (isDay ? results.day : results.saturation).push(figures);
    log(
      `${runName(run)} ${server}: ${figures.keystrokes} keystrokes, p50 ${figures.latency.p50.toFixed(1)} ms, ` +
        `p99 ${figures.latency.p99.toFixed(1)} ms, ${figures.updatesPerSecond.toFixed(0)} updates/s, ` +
        `server CPU ${figures.cpuSeconds.toFixed(1)} s, missing ${figures.missingUpdates}, other load ${background.otherCores.toFixed(2)} cores`,
    );
    await checkTypingIntegrity(
      label,
      running,
      figures,
      outcomes,
      verified.flatMap((message) => message.targets[index] ?? []),
    );
  }
}

/**
 * Runs a typing scenario against `servers`, each started fresh, with the same load generators. The
 * day's servers are typed at in turns (`--day-turn`): each for the day's seconds in all, so that the
 * machine's slow spells, which last many seconds on this shared machine, fall on all of them alike.
 */
export async function runTyping(
  scenario: TypingKind,
  servers: ServerName[],
  redis: TestRedis | null = null,
): Promise<void> {
  const run = newTypingRun(scenario, servers, redis);
  try {
    await startTyping(run);
    await recordTyping(run, await measureTyping(run));
  } finally {
    for (const { child } of run.loads) if (child.child.exitCode === null) child.child.kill("SIGKILL");
    for (const running of allNodes(run))
      if (running.node.child.exitCode === null) await harness.stopServer(running);
  }
}

/** One server's figures of a typing scenario, from what its load generators measured. */
export function typingFigures(measured: {
  server: ServerName;
  layout: TypingLayout;
  outcomes: TypingResult[];
  senders: SenderReport[];
  ownSeconds: number;
  cpuSeconds: number;
  settleMs: number;
  loopDelay: EventLoopDelay;
  peakRssBytes: number;
  loadWarmUp: LoadWarmUp | null;
  background: TypingFigures["background"];
  databaseCpuSeconds: number | null;
}): TypingFigures {
  const { server, layout, outcomes, ownSeconds, cpuSeconds: cpu } = measured;
  const keystrokes = measured.senders.reduce((sum, sender) => sum + sender.sent, 0);
  const deliveries = keystrokes * (layout.clientsPerRoom - 1);
  const bySecond = joinSeconds(outcomes.map((outcome) => outcome.latenciesBySecond));
  return {
    server,
    rooms: layout.roomNames.length,
    clients: layout.roomNames.length * layout.clientsPerRoom,
    typists: layout.roomNames.length * layout.typistsPerRoom,
    keystrokes,
    latency: distribution(bySecond.flat()),
    steadyLatency: distribution(bySecond.slice(START_UP_SECONDS).flat()),
    startUpLatency: distribution(bySecond.slice(0, START_UP_SECONDS).flat()),
    p99BySecond: bySecond.map((latencies) => (latencies.length > 0 ? distribution(latencies).p99 : null)),
    updatesPerSecond: keystrokes / ownSeconds,
    deliveriesPerSecond: deliveries / ownSeconds,
    convergedAfterSeconds: ownSeconds,
    converged: outcomes.every((outcome) => outcome.converged),
    missingUpdates: outcomes.reduce((sum, outcome) => sum + outcome.missingUpdates, 0),
    unexpectedCloses: outcomes.reduce((sum, outcome) => sum + outcome.unexpectedCloses, 0),
    connect: distribution(outcomes.flatMap((outcome) => outcome.connectMs)),
    settleMs: measured.settleMs,
    loopDelay: measured.loopDelay,
    cpuSeconds: cpu,
    wallSeconds: ownSeconds,
    peakRssBytes: measured.peakRssBytes,
    loadCpuSeconds: outcomes.reduce((sum, outcome) => sum + outcome.loadCpuSeconds, 0),
    cpuMicrosPerDelivery: deliveries > 0 ? (cpu * 1e6) / deliveries : Number.NaN,
    loadWarmUp: measured.loadWarmUp,
    background: measured.background,
    databaseCpuSeconds: measured.databaseCpuSeconds,
  };
}

/** Integrity: nothing lost, every client agrees, the server (and for ours the database) agrees. */
export async function checkTypingIntegrity(
  scenario: ScenarioName,
  running: harness.RunningServer,
  figures: TypingFigures,
  outcomes: TypingResult[],
  verifiedRooms: { name: string; digest: { hash: string } }[],
): Promise<void> {
  const { server } = running;
  const problems: string[] = [];
  if (!figures.converged || figures.missingUpdates > 0) {
    problems.push(`${figures.missingUpdates} keystroke deliveries missing`);
  }
  if (figures.unexpectedCloses > 0) problems.push(`${figures.unexpectedCloses} connections dropped`);
  if (server === "floor") {
    check(
      scenario,
      server,
      problems.length === 0,
      problems.length === 0 ? "every frame relayed" : problems.join("; "),
    );
    return;
  }
  const clientDigests = new Map<string, string | null>();
  for (const outcome of outcomes) {
    for (const room of outcome.rooms) {
      const hash = room.clientsAgree ? (room.digest?.hash ?? null) : null;
      const earlier = clientDigests.get(room.name);
      clientDigests.set(room.name, earlier === undefined || earlier === hash ? hash : null);
    }
  }
  const disagreeing = [...clientDigests.values()].filter((hash) => hash === null).length;
  if (disagreeing > 0) problems.push(`clients disagree in ${disagreeing} rooms`);
  const serverDiffers = verifiedRooms.filter(
    (room) => clientDigests.get(room.name) !== room.digest.hash,
  ).length;
  if (serverDiffers > 0)
    problems.push(`a fresh client differs from the clients in ${serverDiffers} room checks`);
  if (running.location) {
    const connection = await openStored(running.location);
    let databaseDiffers = 0;
    try {
      for (const [name, hash] of clientDigests) {
        if ((await storedDigest(connection.db, name)).hash !== hash) databaseDiffers++;
      }
    } finally {
      await connection.close();
    }
    if (databaseDiffers > 0)
      problems.push(`the database differs from the clients in ${databaseDiffers} rooms`);
  }
  const checked = harness.isOurs(server)
    ? "clients = fresh client = database"
    : "clients = fresh client (server memory)";
  check(
    scenario,
    server,
    problems.length === 0,
    problems.length === 0
      ? `${clientDigests.size} room${clientDigests.size === 1 ? "" : "s"}: ${checked}, no keystroke missing`
      : problems.join("; "),
  );
}

// ---------------------------------------------------------------------------------------------

export const dayScenario: Scenario = { name: "day", run: (servers) => runTyping("day", servers) };
export const saturationScenario: Scenario = {
  name: "saturation",
  run: (servers) => runTyping("saturation", servers),
};
