import * as Y from "yjs";

/*
 * Y.mergeUpdates re-sorts all of its inputs for every struct it writes, so its cost grows with the
 * square of the number of updates: merging thousands of keystrokes at once took seconds. Merging
 * in rounds of a few at a time keeps each sort tiny and the whole merge close to linear.
 */
const UPDATES_PER_MERGE = 16;

/** One update equivalent to all of `updates` (in any order, as Yjs updates commute). */
export function mergeUpdatesInRounds(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 0) throw new Error("mergeUpdatesInRounds needs at least one update");
  let round: readonly Uint8Array[] = updates;
  while (round.length > 1) {
    const next: Uint8Array[] = [];
    for (let start = 0; start < round.length; start += UPDATES_PER_MERGE) {
      const group = round.slice(start, start + UPDATES_PER_MERGE);
      next.push(group.length === 1 ? (group[0] as Uint8Array) : Y.mergeUpdates(group));
    }
    round = next;
  }
  return round[0] as Uint8Array;
}
