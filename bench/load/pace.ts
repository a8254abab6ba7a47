/** A typist whose keystrokes a timer drives. */
export interface PacedTypist {
  timer: NodeJS.Timeout | null;
}

/** Each typist types `cps` keystrokes a second, starting at a random phase, as people do. */
export function typeAtRate<T extends PacedTypist>(
  typists: T[],
  cps: number,
  typeOne: (typist: T) => void,
): void {
  const interval = 1000 / cps;
  for (const typist of typists) {
    typist.timer = setTimeout(() => {
      typeOne(typist);
      typist.timer = setInterval(() => typeOne(typist), interval);
    }, Math.random() * interval);
  }
}

export function stopTyping(typists: PacedTypist[]): void {
  for (const typist of typists) {
    if (typist.timer) clearTimeout(typist.timer);
    typist.timer = null;
  }
}

/** One turn of the schedule: which target is typed at, from which second of its typing, when and for how long. */
export interface Turn {
  target: number;
  typedBeforeMs: number;
  /** Milliseconds after "go" the turn begins. */
  startsAtMs: number;
  durationMs: number;
}

/**
 * The orders of a Williams design for `count` targets: over its rounds every target comes right
 * after every other one equally often (an odd count needs twice as many rounds, the second half
 * reversed). A server typed at just after another may still be busy with that one's last
 * keystrokes or be slowed by its garbage; this spreads that over all servers alike.
 */
export function balancedOrders(count: number): number[][] {
  const first: number[] = [0];
  for (let step = 1; first.length < count; step++) {
    first.push(step);
    if (first.length < count) first.push(count - step);
  }
  const rows = Array.from({ length: count }, (_, shift) => first.map((target) => (target + shift) % count));
  return count % 2 === 0 ? rows : [...rows, ...rows.map((row) => [...row].reverse())];
}

/**
 * Each target is typed at for `durationMs` in all. One target, or no turns: all at once. Several:
 * in turns of `turnMs`, one after the other, round after round, each round in the next order of
 * `balancedOrders`, so that a slow spell of the machine falls on every server alike and no server
 * always follows the same one.
 * The first round, the only one in which each server is typed at cold, may pause `firstRoundPauseMs`
 * after every turn. Without a pause each server's first turn but the first one's comes right after
 * another server's first turn and shares the cores with its after-effects (its last writes, the JIT
 * compiling its code). With one, every first turn starts like the first server's, after a rest.
 */
export function typingSchedule(
  targetCount: number,
  durationMs: number,
  turnMs: number,
  firstRoundPauseMs = 0,
): Turn[] {
  if (targetCount <= 1 || turnMs <= 0 || turnMs >= durationMs) {
    return Array.from({ length: targetCount }, (_, target) => ({
      target,
      typedBeforeMs: 0,
      startsAtMs: 0,
      durationMs,
    }));
  }
  const orders = balancedOrders(targetCount);
  const turns: Turn[] = [];
  let startsAtMs = 0;
  for (let round = 0; round * turnMs < durationMs; round++) {
    const typedBeforeMs = round * turnMs;
    const length = Math.min(turnMs, durationMs - typedBeforeMs);
    const pauseAfterMs = round === 0 ? firstRoundPauseMs : 0;
    for (const target of orders[round % orders.length] ?? []) {
      turns.push({ target, typedBeforeMs, startsAtMs, durationMs: length });
      startsAtMs += length + pauseAfterMs;
    }
  }
  return turns;
}

/** When the last turn of a schedule ends, in milliseconds after "go". */
export function scheduleEndMs(turns: readonly Turn[]): number {
  return Math.max(0, ...turns.map((turn) => turn.startsAtMs + turn.durationMs));
}

/** The schedule as start and end events in time order, an end before a start at the same time. */
export function turnEvents(turns: readonly Turn[]): { atMs: number; turn: Turn; starts: boolean }[] {
  return turns
    .flatMap((turn) => [
      { atMs: turn.startsAtMs, turn, starts: true },
      { atMs: turn.startsAtMs + turn.durationMs, turn, starts: false },
    ])
    .sort((a, b) => a.atMs - b.atMs || Number(a.starts) - Number(b.starts));
}
