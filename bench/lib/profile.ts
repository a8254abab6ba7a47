import { readFile } from "node:fs/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  /** Share of the busy (non-idle) sampled time. */
  selfPercent: number;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    ? ` ${url.replace(/^.*\/node_modules\//, "").replace(/^file:\/\/.*?\/(server|db|auth|bench)\//, "$1/")}:${lineNumber + 1}`
    : "";
  return `${functionName || "(anonymous)"}${where}`;
}

/**
 * Self and inclusive time per function of a V8 .cpuprofile, as shares of the busy (non-idle)
 * time, optionally only for samples between `fromSeconds` and `toSeconds` after the profile began.
 */
export async function analyseProfile(
  file: string,
  window: { fromSeconds?: number; toSeconds?: number } = {},
): Promise<{ busyMs: number; self: Map<string, number>; inclusive: Map<string, number> }> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    const seconds = (time - profile.startTime) / 1e6;
    if (seconds < (window.fromSeconds ?? 0) || seconds > (window.toSeconds ?? Number.POSITIVE_INFINITY))
      return;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === "(idle)") return;
    busy += delta;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + delta);
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = byId.get(current);
      if (!frame) break;
      const frameLabel = frameName(frame);
      if (seen.has(frameLabel)) continue;
      seen.add(frameLabel);
      inclusive.set(frameLabel, (inclusive.get(frameLabel) ?? 0) + delta);
    }
  });
  return { busyMs: busy / 1000, self, inclusive };
}

function top(map: Map<string, number>, busyMs: number, count: number, filter?: RegExp): ProfileEntry[] {
  return [...map.entries()]
    .filter(([name]) => !filter || filter.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => ({ name, selfPercent: busyMs > 0 ? (100 * time) / 1000 / busyMs : 0 }));
}

/** The functions with the most self time, as a share of the busy (non-idle) time. */
export async function summariseProfile(file: string, count: number): Promise<ProfileEntry[]> {
  const { busyMs, self } = await analyseProfile(file);
  return top(self, busyMs, count);
}

/**
 * `node --import tsx bench/lib/profile.ts <file.cpuprofile> [count] [fromSeconds] [toSeconds]`:
 * self time, then inclusive time of the collaboration server's own code and the libraries it
 * spends its time in (Yjs, PGlite, ws, Drizzle).
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, count, from, to] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile.ts <file.cpuprofile> [count] [fromSeconds] [toSeconds]");
  const limit = Number(count ?? 25);
  const { busyMs, self, inclusive } = await analyseProfile(file, {
    fromSeconds: from ? Number(from) : undefined,
    toSeconds: to ? Number(to) : undefined,
  });
  const print = (entries: ProfileEntry[]) => {
    for (const entry of entries)
      process.stdout.write(`${entry.selfPercent.toFixed(1).padStart(5)}%  ${entry.name}\n`);
  };
  process.stdout.write(`busy ${busyMs.toFixed(0)} ms\n-- self\n`);
  print(top(self, busyMs, limit));
  process.stdout.write("-- inclusive (server/, db/, yjs, pglite, ws sender, drizzle)\n");
  print(
    top(
      inclusive,
      busyMs,
      limit,
      /^(?!\(anonymous\))\S+ (server\/|db\/|yjs\/|@electric-sql\/pglite\/.*execProtocolRawSync|ws\/lib\/sender|drizzle-orm\/tracing)|execProtocolRawSync|sendFrame|mergeUpdates|startActiveSpan/,
    ),
  );
}
