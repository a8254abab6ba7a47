import { readFile } from "node:fs/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time in a V8 .cpuprofile, as a share of the busy (non-idle) time. */
export async function summariseProfile(
  file: string,
  count: number,
): Promise<{ name: string; selfPercent: number }[]> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const names = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url
      ? ` ${url.replace(/^.*\/node_modules\//, "").replace(/^file:\/\/.*\/main\//, "")}:${lineNumber + 1}`
      : "";
    names.set(node.id, `${functionName || "(anonymous)"}${where}`);
  }
  const self = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const name = names.get(id) ?? "?";
    const delta = profile.timeDeltas[index] ?? 0;
    if (name.startsWith("(idle)")) return;
    busy += delta;
    self.set(name, (self.get(name) ?? 0) + delta);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => ({ name, selfPercent: busy > 0 ? (100 * time) / busy : 0 }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile.ts <file.cpuprofile> [count]");
  for (const entry of await summariseProfile(file, Number(top ?? 25))) {
    process.stdout.write(`${entry.selfPercent.toFixed(1).padStart(5)}%  ${entry.name}\n`);
  }
}
