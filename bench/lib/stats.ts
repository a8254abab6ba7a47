export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * Every typist starts at "go", while the server's code is still being compiled (the load
 * generators' is warm, see the day's warm-up in bench/run.ts): the first seconds' latencies are
 * higher than the rest. The report shows the keystrokes typed in these first seconds apart from
 * the steady rest.
 */
export const START_UP_SECONDS = 3;

/**
 * Keystroke → seen latencies of a load generator, rounded to the microsecond, by the second of its
 * server's typing the keystroke was typed in (the seconds after "go", or, with the day's servers
 * typed at in turns, the seconds of that server's own turns): the report takes the whole run's
 * distribution, the start-up's, the steady state's and each second's p99 (where a slow second came
 * from) from them.
 */
export class LatencyRecorder {
  readonly bySecond: number[][] = [];

  record(second: number, latencyMs: number): void {
    const latency = Math.round(latencyMs * 1000) / 1000;
    const index = Math.max(0, Math.floor(second));
    for (let missing = this.bySecond.length; missing <= index; missing++) this.bySecond.push([]);
    this.bySecond[index]?.push(latency);
  }
}

/** Several load generators' latencies by second, joined second by second. */
export function joinSeconds(perGenerator: readonly (readonly number[][])[]): number[][] {
  const seconds = Math.max(0, ...perGenerator.map((bySecond) => bySecond.length));
  return Array.from({ length: seconds }, (_, second) =>
    perGenerator.flatMap((bySecond) => bySecond[second] ?? []),
  );
}

/** Nearest-rank percentiles of the samples (milliseconds in, milliseconds out). */
export function distribution(samples: readonly number[]): Distribution {
  if (samples.length === 0)
    return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? Number.NaN;
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sum / sorted.length,
  };
}

/** The median of a few values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
