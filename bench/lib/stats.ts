export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of the samples (milliseconds in, milliseconds out). */
/**
 * Every typist starts at "go", while the server's code is still being compiled (the load
 * generators' is warm, see the day's warm-up in bench/run.ts): the first seconds' latencies are
 * higher than the rest. A second list, of the keystrokes typed from this long after "go" on, shows
 * the steady state.
 */
const STEADY_AFTER_MS = 3000;

/** Keystroke → seen latencies of a load generator, rounded to the microsecond, from "go" on. */
export class LatencyRecorder {
  /** Those of keystrokes typed from STEADY_AFTER_MS after "go" on: the start-up burst left out. */
  readonly steady: number[] = [];
  /** Those of keystrokes typed before then: the start-up burst alone. Together, all of them. */
  readonly startUp: number[] = [];
  goAt = 0;

  record(typedAt: number, seenAt: number): void {
    const latency = Math.round((seenAt - typedAt) * 1000) / 1000;
    if (typedAt - this.goAt >= STEADY_AFTER_MS) this.steady.push(latency);
    else this.startUp.push(latency);
  }
}

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
