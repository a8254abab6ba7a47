import { describe, expect, test } from "vitest";
import { balancedOrders, scheduleEndMs, turnEvents, typingSchedule } from "./pace";

/** How often each target comes right after each other one within the rounds, as "a>b" → count. */
function successions(orders: number[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const order of orders) {
    for (let position = 1; position < order.length; position++) {
      const pair = `${order[position - 1]}>${order[position]}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  return counts;
}

describe("balancedOrders", () => {
  test.each([2, 3, 4, 5, 6])("every one of %i targets follows every other equally often", (count) => {
    const orders = balancedOrders(count);
    expect(orders).toHaveLength(count % 2 === 0 ? count : 2 * count);
    const everyTarget = Array.from({ length: count }, (_, target) => target);
    for (const order of orders) expect([...order].sort((a, b) => a - b)).toEqual(everyTarget);
    const counts = successions(orders);
    expect(counts.size).toBe(count * (count - 1));
    expect(new Set(counts.values())).toEqual(new Set([count % 2 === 0 ? 1 : 2]));
    // Each target also opens a round equally often.
    const openers = orders.map((order) => order[0]);
    for (const target of everyTarget) {
      expect(openers.filter((opener) => opener === target)).toHaveLength(orders.length / count);
    }
  });
});

describe("typingSchedule", () => {
  test("one target is typed at for the whole duration at once", () => {
    expect(typingSchedule(1, 30_000, 1000)).toEqual([
      { target: 0, typedBeforeMs: 0, startsAtMs: 0, durationMs: 30_000 },
    ]);
  });

  test("without turns every target is typed at for the whole duration, all at once", () => {
    expect(scheduleEndMs(typingSchedule(2, 5000, 0))).toBe(5000);
    expect(typingSchedule(2, 5000, 0)).toEqual([
      { target: 0, typedBeforeMs: 0, startsAtMs: 0, durationMs: 5000 },
      { target: 1, typedBeforeMs: 0, startsAtMs: 0, durationMs: 5000 },
    ]);
  });

  test("several targets take turns, each typed at for the whole duration in all", () => {
    const turns = typingSchedule(4, 2500, 1000);
    expect(turns).toHaveLength(12);
    for (let target = 0; target < 4; target++) {
      const own = turns.filter((turn) => turn.target === target);
      expect(own.map((turn) => turn.typedBeforeMs)).toEqual([0, 1000, 2000]);
      expect(own.map((turn) => turn.durationMs)).toEqual([1000, 1000, 500]);
    }
    // One after the other, without gaps.
    expect(turns.map((turn) => turn.startsAtMs)).toEqual([
      0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 8500, 9000, 9500,
    ]);
    expect(scheduleEndMs(turns)).toBe(10_000);
    // Round by round, in the balanced orders.
    const orders = balancedOrders(4);
    for (let round = 0; round < 3; round++) {
      expect(turns.slice(round * 4, round * 4 + 4).map((turn) => turn.target)).toEqual(orders[round]);
    }
  });

  test("a pause after each turn of the first round leaves the turns themselves as they were", () => {
    const paused = typingSchedule(4, 2500, 1000, 1000);
    const plain = typingSchedule(4, 2500, 1000);
    const withoutStart = (turns: typeof plain) => turns.map(({ startsAtMs: _, ...turn }) => turn);
    expect(withoutStart(paused)).toEqual(withoutStart(plain));
    // First round: a turn, a pause of 1 s, the next turn. Later rounds: no gaps.
    expect(paused.map((turn) => turn.startsAtMs)).toEqual([
      0, 2000, 4000, 6000, 8000, 9000, 10_000, 11_000, 12_000, 12_500, 13_000, 13_500,
    ]);
    expect(scheduleEndMs(paused)).toBe(14_000);
  });
});

describe("turnEvents", () => {
  test("a turn ends before the next one starts at the same moment, even of the same target", () => {
    // Three targets: the fifth round's order begins with the target that ended the fourth.
    const turns = typingSchedule(3, 5000, 1000);
    expect(turns[12]?.target).toBe(turns[11]?.target);
    const events = turnEvents(turns);
    expect(events).toHaveLength(2 * turns.length);
    let typing = 0;
    for (const event of events) {
      typing += event.starts ? 1 : -1;
      expect(typing).toBeLessThanOrEqual(1);
      expect(typing).toBeGreaterThanOrEqual(0);
    }
    expect(events.map((event) => event.atMs)).toEqual(
      [...events.map((event) => event.atMs)].sort((a, b) => a - b),
    );
  });
});
