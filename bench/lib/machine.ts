import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { cpuSeconds } from "./procfs";
import type { Background } from "./results";

const USER_HZ = 100;

interface CpuTotals {
  /** Busy CPU seconds of the whole machine (all cores), steal excluded. */
  busy: number;
  /** Seconds the hypervisor gave our cores to someone else. */
  steal: number;
}

function machineTotals(): CpuTotals {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return {
    busy: ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0)) / USER_HZ,
    steal: (steal ?? 0) / USER_HZ,
  };
}

/** CPU seconds used so far by each of the processes (those that have exited are left out). */
export function cpuOf(pids: Iterable<number>): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      used.set(pid, cpuSeconds(pid));
    } catch {
      // The process has exited; its time is no longer counted by either side.
    }
  }
  return used;
}

/** CPU the processes used between two `cpuOf` readings (a process new in `after` counts whole). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

function orchestratorCpu(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * Measures, over a window, how much of the machine was used by anyone but the bench itself (this
 * process and the processes `pids` lists, read at the start and at the end of the window).
 */
export function backgroundMeter(pids: () => number[]): { stop(): Background } {
  const machineBefore = machineTotals();
  const startPids = pids();
  const ownBefore = cpuOf(startPids);
  const orchestratorBefore = orchestratorCpu();
  const started = performance.now();
  return {
    stop() {
      const wall = (performance.now() - started) / 1000;
      const machineAfter = machineTotals();
      const own =
        cpuBetween(ownBefore, cpuOf(new Set([...startPids, ...pids()]))) +
        orchestratorCpu() -
        orchestratorBefore;
      const busy = machineAfter.busy - machineBefore.busy;
      return {
        otherCores: Math.max(0, (busy - own) / wall),
        stealCores: (machineAfter.steal - machineBefore.steal) / wall,
      };
    },
  };
}

/**
 * Waits (up to `maxWaitMs`) until other processes use less than `threshold` cores over a
 * half-second sample, so that servers are measured on as quiet a machine as this one gets.
 */
export async function waitForQuiet(
  threshold: number,
  maxWaitMs: number,
): Promise<{ waitedMs: number; otherCores: number }> {
  const started = performance.now();
  let otherCores = 0;
  for (;;) {
    const meter = backgroundMeter(() => []);
    await sleep(500);
    otherCores = meter.stop().otherCores;
    const waitedMs = performance.now() - started;
    if (otherCores < threshold || waitedMs >= maxWaitMs) return { waitedMs, otherCores };
  }
}

/**
 * Waits until the processes together use under `maxCores` over a 250 ms window, or `maxWaitMs` has
 * passed; returns how long that took.
 */
export async function waitUntilIdle(
  pids: () => number[],
  maxCores: number,
  maxWaitMs: number,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = cpuOf(pids());
    await sleep(250);
    const used = cpuBetween(before, cpuOf(pids())) / 0.25;
    const waitedMs = performance.now() - started;
    if (used < maxCores || waitedMs >= maxWaitMs) return waitedMs;
  }
}
