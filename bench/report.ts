/**
 * Renders bench results as markdown. `node --import tsx bench/report.ts results.json [out.md]`
 * re-renders a report from the JSON that `npm run bench` writes beside it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { BenchResults } from "./lib/results";
import { label, table } from "./report/format";
import { REPORT_SECTIONS } from "./report/sections";
import { targetsSection } from "./report/targets";

/** How the servers were run and measured, and what disturbed this run. */
function setupSection(results: BenchResults): string {
  let out = "";
  out += "\n## Setup\n\n";
  out +=
    "- Each server under test runs in its own Node process (`node --expose-gc --import tsx " +
    "bench/servers/<name>.ts`) on 127.0.0.1, started fresh for every scenario, alone on the machine except in a " +
    "Beredning day typed in turns (see there); the load generators are separate " +
    "processes (`bench/load/*.ts`). Server CPU is read from `/proc/<pid>/stat` (user + system) over the measured " +
    'window, peak RSS is `VmHWM` from `/proc/<pid>/status`. `--expose-gc` serves the figures "after a forced GC"; ' +
    "ours also uses it itself, as `npm start` runs it: after 100 statements have unloaded and a second has passed " +
    "without another unload, it runs two full collections, so the memory goes back to the system " +
    "(`server/collab/memory-release.ts`).\n" +
    "- **ours**: `server/app.ts` (collaboration part, `BEREDNING_PARTS=collab`, `NODE_ENV=production`, default " +
    "`COLLAB_*` settings) with real next-auth session cookies minted for the demo drafters, persisting to PGlite " +
    "(a copy of a seeded data folder) or PostgreSQL (a database copied from a seeded template). For " +
    "ours (PostgreSQL), the PostgreSQL server's own CPU and memory are not counted. As after any start, ours " +
    "warms up its Yjs codec, database reads and update-log writes before it listens " +
    "(`server/collab/warm-up.ts`); the other servers have no such step.\n" +
    "- **stock**: `y-websocket@2.1.0` `bin/utils.cjs` (`setupWSConnection`, in memory, gc on) wired as its " +
    "`bin/server.cjs` does, on `ws` 8 like ours.\n" +
    "- **Hocuspocus 4**: `@hocuspocus/server` `Server` with its defaults (no extensions: in memory), driven by " +
    "`@hocuspocus/provider` (one socket per client). In the cold-open scenario only, it persists with its own " +
    "`@hocuspocus/extension-database`, storing each document's state in a file, so that it too can be " +
    "restarted and open the trace cold.\n" +
    "- **floor**: a plain `ws` relay forwarding each frame to the other sockets of its room (no Yjs): the cost " +
    "of the network, `ws` and the harness alone.\n" +
    "- Clients: ours and stock get the y-websocket 3.1 `WebsocketProvider` (ours with the Cookie header), " +
    "Hocuspocus its own provider. Ours load statements from the database; the in-memory servers get the very " +
    "same initial document bytes from their first client. Typists append to a paragraph, one character per Yjs " +
    "update; latency is keystroke → the keystroke is in another client's document (its state vector covers " +
    "it), both ends timed with one clock in the load generator that holds sender and receiver.\n";
  for (const line of results.setup) out += `- ${line}\n`;
  const sources = new Map<string, { commits: Set<string>; runs: string[] }>();
  const baselines = new Set(
    (results.codeVersions ?? []).filter((version) => version.baseline).map((version) => version.commit),
  );
  if (baselines.size > 0)
    out += `- **${label("ours-baseline")}**: ours at commit ${[...baselines].join(", ")}, from a checkout of its own (\`--baseline\`), on the same seeded PGlite database and clients as ours (PGlite).\n`;
  for (const version of (results.codeVersions ?? []).filter((version) => !version.baseline)) {
    const entry = sources.get(version.fingerprint) ?? { commits: new Set<string>(), runs: [] };
    entry.commits.add(version.commit);
    entry.runs.push(version.run);
    sources.set(version.fingerprint, entry);
  }
  if (sources.size === 1) {
    const [[fingerprint, entry]] = [...sources] as [[string, { commits: Set<string>; runs: string[] }]];
    out +=
      `- Ours' code (server, db, auth, domain, editor, events) was the same in every run: source ${fingerprint}` +
      ` (commit ${[...entry.commits].join(", then ")}${entry.commits.size > 1 ? "; HEAD moved during the run, ours' code did not" : ""}).\n`;
  } else if (sources.size > 1) {
    out +=
      "- **Ours' code changed during this run** (others work in this checkout), so figures of ours come from " +
      `different versions: ${[...sources]
        .map(
          ([fingerprint, entry]) =>
            `source ${fingerprint} (commit ${[...entry.commits].join(", ")}): ${entry.runs.join(", ")}`,
        )
        .join("; ")}.\n`;
  }
  if (results.quietWaits.length > 0) {
    const waited = results.quietWaits.reduce((sum, wait) => sum + wait.waitedMs, 0) / 1000;
    const busy = results.quietWaits.filter((wait) => wait.otherCores >= 0.3);
    out +=
      `- Waiting for a quiet machine: ${waited.toFixed(0)} s in all over ${results.quietWaits.length} server starts; ` +
      `${busy.length} started while other processes still used ≥ 0.3 cores` +
      (busy.length > 0
        ? ` (${busy.map((wait) => `${wait.run}: ${wait.otherCores.toFixed(1)}`).join(", ")})`
        : "") +
      ".\n";
  }
  for (const line of results.skipped) out += `- **Skipped**: ${line}\n`;
  for (const line of results.notes) out += `- Note: ${line}\n`;
  out += `- Options: \`${JSON.stringify(results.options)}\`\n`;
  return out;
}

/** What was checked after every scenario, and what was found. */
function integritySection(results: BenchResults): string {
  let out = "";
  out += "## Integrity\n\n";
  out +=
    "After every scenario: no keystroke missing at any client, all clients of a statement hold the same " +
    "document (every section's full XML), a freshly connected client holds it too (what the server has), and " +
    "for ours the database (snapshot + update log, read after a graceful shutdown) holds it too.\n\n";
  out += table(
    ["scenario", "server", "result", "detail"],
    results.integrity.map((entry) => [
      entry.scenario,
      label(entry.server),
      entry.ok ? "ok" : "**FAILED**",
      entry.detail,
    ]),
  );

  return out;
}

/** The top functions of ours' CPU profiles, when the run took them (`--profile`). */
function profilesSection(results: BenchResults): string {
  if (results.profiles.length === 0) return "";
  let out = "";

  out += "\n## CPU profiles of ours (`--profile`)\n\n";
  for (const profile of results.profiles) {
    out += `**${profile.scenario}, ${label(profile.server)}** (\`${profile.file}\`), self time as a share of busy time:\n\n`;
    out += table(
      ["self %", "function"],
      profile.top.map((entry) => [entry.selfPercent.toFixed(1), `\`${entry.name}\``]),
    );
    out += "\n";
  }
  return out;
}

export function renderReport(results: BenchResults): string {
  let out = "# Beredning collaboration benchmark\n\n";
  if (results.quick) {
    out +=
      "> **Quick pass**: tiny sizes to check that the bench works and that integrity holds. The timings below are " +
      "not meaningful and no target is judged on them.\n\n";
  }
  out +=
    `Run ${results.startedAt} → ${results.finishedAt} (${(results.durationSeconds / 60).toFixed(1)} min) with ` +
    `\`${results.command}\`.\n\n` +
    "The machine is a shared, noisy 2-core virtual machine: every figure below comes from one run, and figures " +
    "of the same server move between runs by tens of percent (tail latencies more). Ratios compare servers " +
    "measured minutes apart in the same run, or, in a Beredning day typed in turns, side by side in the same " +
    "minutes. Servers and load generators share the two cores, so the load " +
    "generators' CPU is listed beside each figure, and so is the CPU other processes on the machine used " +
    'during the measured window ("other load", in cores of 2; **bold** from 0.3 cores: that figure was ' +
    "disturbed). Before each server start the bench waits (a bounded time) for other load to drop below " +
    "0.3 cores.\n\n";

  out += "## Machine\n\n";
  out += table(["", ""], Object.entries(results.machine));
  out += "\n## Versions\n\n";
  out += table(["", ""], Object.entries(results.versions));

  out += setupSection(results);
  out += targetsSection(results);

  out += "\n";
  for (const section of REPORT_SECTIONS) out += section(results);

  out += integritySection(results);
  out += profilesSection(results);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output] = process.argv.slice(2);
  if (!input) throw new Error("usage: report.ts results.json [out.md]");
  const markdown = renderReport(JSON.parse(readFileSync(input, "utf8")) as BenchResults);
  if (output) writeFileSync(output, markdown);
  else process.stdout.write(markdown);
}
