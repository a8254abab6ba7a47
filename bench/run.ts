/**
 * `npm run bench` (and `npm run bench:quick`): starts each server under test on 127.0.0.1 in its own
 * process, drives it with real clients from separate load-generator processes, checks integrity
 * after every scenario, and writes the report (+ .json). See bench/README.md.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pruneOldRuns, REPOSITORY } from "./lib/databases";
import { summariseProfile } from "./lib/profile";
import { type ScenarioName, SERVER_LABELS, type ServerName } from "./lib/results";
import { renderReport } from "./report";
import {
  check,
  jsonFile,
  log,
  options,
  outFile,
  profileFolder,
  quick,
  results,
  runFolder,
  startedAt,
  TRACE_FILE,
} from "./run/context";
import { describeMachine } from "./run/machine-info";
import { abortServers, cleanUpServers, prepareStatements } from "./run/servers";
import { SCENARIOS } from "./scenarios";
import type { Scenario } from "./scenarios/scenario";

// Main

/**
 * The servers measured together: the day's Yjs servers are typed at in turns in one run (the floor,
 * with clients of its own, alone before them); everything else is run one server after the other.
 */
function serverGroups(scenario: ScenarioName): ServerName[][] {
  if (scenarioNamed(scenario).serverless) return [[]];
  if (scenario !== "day" || options.dayTurn <= 0) return options.servers.map((server) => [server]);
  const inTurns = options.servers.filter((server) => server !== "floor");
  return [
    ...(options.servers.includes("floor") ? [["floor" as ServerName]] : []),
    ...(inTurns.length > 0 ? [inTurns] : []),
  ];
}

function scenarioNamed(name: ScenarioName): Scenario {
  const scenario = SCENARIOS.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`Unknown scenario ${name}`);
  return scenario;
}

async function main(): Promise<void> {
  if (options.scenarios.length === 0) options.scenarios = SCENARIOS.map((scenario) => scenario.name);
  for (const name of options.scenarios) scenarioNamed(name);
  await pruneOldRuns(6);
  log(`${quick ? "quick pass" : "full run"}; scratch folder ${path.relative(REPOSITORY, runFolder)}`);
  if (!existsSync(TRACE_FILE)) {
    for (const [name, label] of [
      ["cold", "Cold open"],
      ["versions", "Version history"],
    ] as const) {
      if (!options.scenarios.includes(name)) continue;
      options.scenarios = options.scenarios.filter((scenario) => scenario !== name);
      results.skipped.push(
        `${label}: the editing trace ${path.relative(REPOSITORY, TRACE_FILE)} is absent, so the scenario was skipped`,
      );
    }
  }
  await prepareStatements();
  await describeMachine();

  for (const scenario of options.scenarios) {
    for (const servers of serverGroups(scenario)) {
      log(`${scenario}: ${servers.map((server) => SERVER_LABELS[server]).join(", ") || "no server"}`);
      try {
        await scenarioNamed(scenario).run(servers);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`FAILED ${scenario} ${servers.join(", ")}: ${message}`);
        // A serverless scenario records its integrity under ours (PGlite), as its checks do.
        for (const server of servers.length > 0 ? servers : (["ours-pglite"] as const))
          check(scenario, server, false, `the run failed: ${message.split("\n")[0]}`);
      }
    }
  }

  if (options.profile && existsSync(profileFolder)) {
    for (const run of (await readdir(profileFolder)).sort()) {
      const [scenario, ...rest] = run.split("-");
      const server = rest.slice(0, -1).join("-") as ServerName;
      // The main thread's profile is the one with the most samples.
      const profiles = await Promise.all(
        (await readdir(path.join(profileFolder, run))).map(async (file) => {
          const full = path.join(profileFolder, run, file);
          return { full, size: (await stat(full)).size };
        }),
      );
      const main = profiles.sort((a, b) => b.size - a.size)[0];
      if (!main) continue;
      const top = await summariseProfile(main.full, 12);
      results.profiles.push({
        server,
        scenario: scenario as ScenarioName,
        file: path.relative(REPOSITORY, main.full),
        top,
      });
    }
  }

  results.machine["load average at end"] = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
  results.finishedAt = new Date().toISOString();
  results.durationSeconds = (performance.now() - startedAt) / 1000;
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(outFile, renderReport(results));
  log(`report: ${path.relative(process.cwd(), outFile)} (${results.durationSeconds.toFixed(0)} s)`);
  const failed = results.integrity.filter((entry) => !entry.ok);
  if (failed.length > 0) {
    log(`${failed.length} integrity check(s) failed`);
    process.exitCode = 1;
  }
}

async function cleanUp(): Promise<void> {
  await cleanUpServers();
  await rm(path.join(runFolder, "data"), { recursive: true, force: true });
}

process.on("SIGINT", () => {
  abortServers();
  process.exit(130);
});

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
