import * as Y from "yjs";

/**
 * How a version's Yjs state is stored: a whole V2 state (a key version), or a V2 diff against the
 * statement's previous version. A key version is kept when the chain would pass MAX_CHAIN_DEPTH
 * diffs or its diffs would outweigh a whole state, so opening one applies at most about twice the
 * state's bytes.
 */
export const MAX_CHAIN_DEPTH = 32;

/** What the chain needs to know of the version a new one builds on. */
export interface ChainLink {
  id: string;
  /** The version's state vector (Yjs V1 encoding); null on rows stored before chains. */
  stateVector: Uint8Array | null;
  /** Diffs between the version and its key version (0 for a key version). */
  chainDepth: number;
  /** Bytes of those diffs, the version's own included. */
  chainBytes: number;
}

export interface EncodedVersionState {
  state: Uint8Array;
  baseVersionId: string | null;
  stateVector: Uint8Array;
  chainDepth: number;
  chainBytes: number;
}

/** True when every client's clock in `later` is at least its clock in `earlier`. */
function covers(later: Map<number, number>, earlier: Map<number, number>): boolean {
  for (const [client, clock] of earlier) if ((later.get(client) ?? 0) < clock) return false;
  return true;
}

/** Encodes a whole V2 state as a diff against `previous` when the chain allows, else whole. */
export function encodeVersionState(stateV2: Uint8Array, previous: ChainLink | null): EncodedVersionState {
  const stateVector = Y.encodeStateVectorFromUpdateV2(stateV2);
  const whole = { state: stateV2, baseVersionId: null, stateVector, chainDepth: 0, chainBytes: 0 };
  if (!previous?.stateVector || previous.chainDepth + 1 > MAX_CHAIN_DEPTH) return whole;
  if (!covers(Y.decodeStateVector(stateVector), Y.decodeStateVector(previous.stateVector))) return whole;
  const diff = Y.diffUpdateV2(stateV2, previous.stateVector);
  const chainBytes = previous.chainBytes + diff.byteLength;
  if (chainBytes > stateV2.byteLength) return whole;
  return {
    state: diff,
    baseVersionId: previous.id,
    stateVector,
    chainDepth: previous.chainDepth + 1,
    chainBytes,
  };
}

/** One stored state: whole or a diff, in the Yjs update format `encoding` (1 or 2). */
export interface StoredState {
  state: Uint8Array;
  encoding: number;
}

/** Rebuilds a version's Y.Doc from its chain, key version first. */
export function rebuildVersionDoc(chain: StoredState[]): Y.Doc {
  const doc = new Y.Doc();
  for (const link of chain) {
    if (link.encoding === 2) Y.applyUpdateV2(doc, link.state);
    else Y.applyUpdate(doc, link.state);
  }
  return doc;
}
