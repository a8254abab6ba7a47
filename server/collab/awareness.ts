import { equalityDeep } from "lib0/function";
import type { Awareness } from "y-protocols/awareness";
import type { AwarenessEntry } from "./protocol";

/**
 * Whether an entry can change `awareness`, by y-protocols' rule: a newer clock, or a removal (null
 * state) at the clock already held.
 */
export function canChangeAwareness(
  awareness: Awareness,
  clientId: number,
  clock: number,
  removal: boolean,
): boolean {
  const currentClock = awareness.meta.get(clientId)?.clock ?? 0;
  return currentClock < clock || (removal && currentClock === clock && awareness.states.has(clientId));
}

/**
 * Applies awareness entries the connection has already decoded and pinned, with the rules of
 * y-protocols' `applyAwarenessUpdate` (newer clock wins; a null state at the same clock removes),
 * so each state is parsed once instead of being re-encoded and parsed again. The server holds no
 * local state of its own, so y-protocols' guard for the local client does not apply here.
 */
export function applyAwarenessEntries(
  awareness: Awareness,
  entries: AwarenessEntry[],
  origin: unknown,
): void {
  const now = Date.now();
  const added: number[] = [];
  const updated: number[] = [];
  const changed: number[] = [];
  const removed: number[] = [];
  for (const { clientId, clock, state } of entries) {
    const meta = awareness.meta.get(clientId);
    const previous = awareness.states.get(clientId);
    if (!canChangeAwareness(awareness, clientId, clock, state === null)) continue;
    if (state === null) awareness.states.delete(clientId);
    else awareness.states.set(clientId, state);
    awareness.meta.set(clientId, { clock, lastUpdated: now });
    if (meta === undefined && state !== null) added.push(clientId);
    else if (meta !== undefined && state === null) removed.push(clientId);
    else if (state !== null) {
      if (!equalityDeep(state, previous)) changed.push(clientId);
      updated.push(clientId);
    }
  }
  if (added.length > 0 || changed.length > 0 || removed.length > 0) {
    awareness.emit("change", [{ added, updated: changed, removed }, origin]);
  }
  if (added.length > 0 || updated.length > 0 || removed.length > 0) {
    awareness.emit("update", [{ added, updated, removed }, origin]);
  }
}
