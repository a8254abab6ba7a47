import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { decodeUtf8 } from "lib0/string";
import * as Y from "yjs";
import { CloseCode, ProtocolViolation } from "./close-codes";

/* The y-websocket wire format: a varUint message type, then its payload. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type ClientMessage =
  | { kind: "syncStep1"; stateVector: Uint8Array }
  | { kind: "syncStep2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "queryAwareness" };

function malformed(reason: string): ProtocolViolation {
  return new ProtocolViolation(CloseCode.malformedMessage, reason);
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw malformed("Trailing bytes after message");
  return payload;
}

function decodeSyncMessage(decoder: decoding.Decoder): ClientMessage {
  const step = decoding.readVarUint(decoder);
  switch (step) {
    case SYNC_STEP_1:
      return { kind: "syncStep1", stateVector: readPayload(decoder) };
    case SYNC_STEP_2:
      return { kind: "syncStep2", update: readPayload(decoder) };
    case SYNC_UPDATE:
      return { kind: "update", update: readPayload(decoder) };
    default:
      throw malformed(`Unknown sync message type ${step}`);
  }
}

/** Decodes one frame completely, before anything touches a document; throws ProtocolViolation. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return decodeSyncMessage(decoder);
      case MESSAGE_AWARENESS:
        return { kind: "awareness", update: readPayload(decoder) };
      case MESSAGE_QUERY_AWARENESS:
        if (decoding.hasContent(decoder)) throw malformed("Trailing bytes after message");
        return { kind: "queryAwareness" };
      default:
        throw malformed(`Unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolViolation) throw error;
    throw malformed("Malformed message");
  }
}

function encodeMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeMessage((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_STEP_1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  });
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  let missing: Uint8Array;
  try {
    missing = Y.encodeStateAsUpdate(doc, stateVector);
  } catch {
    throw malformed("Malformed state vector");
  }
  return encodeSyncStep2Message(missing);
}

/** A sync step 2 carrying `update` (V1): what the receiver lacks, or the whole state. */
export function encodeSyncStep2Message(update: Uint8Array): Uint8Array {
  return encodeMessage((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_STEP_2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** The state vector of a client that holds nothing yet (a count of zero clients). */
export const EMPTY_STATE_VECTOR = Uint8Array.of(0);

/**
 * A sync step 1 from a client that holds nothing yet: its answer is the whole state. Yjs writes an
 * empty state vector as this one byte; any other spelling is simply answered the usual way.
 */
export function isFromEmptyClient(message: ClientMessage): boolean {
  if (message.kind !== "syncStep1") return false;
  const { stateVector } = message;
  return stateVector.length === EMPTY_STATE_VECTOR.length && stateVector[0] === EMPTY_STATE_VECTOR[0];
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return encodeMessage((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_UPDATE);
    encoding.writeVarUint8Array(encoder, update);
  });
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  return encodeMessage((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessUpdate);
  });
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null removes the client's state. */
  state: Record<string, unknown> | null;
}

/**
 * Whether an entry may matter, judged before its state is parsed. `maybeRemoval` is false when the
 * state's JSON text is an object, so it cannot be the null that removes a client's state.
 */
export type AwarenessEntryFilter = (clientId: number, clock: number, maybeRemoval: boolean) => boolean;

/**
 * Decodes an awareness update (count, then clientID, clock and JSON state per client). Entries
 * `mayMatter` turns down are skipped unparsed: every y-websocket client sends back each state it
 * receives, so most entries a server gets are echoes it already holds, and parsing them was the
 * larger part of handling presence.
 */
export function decodeAwarenessUpdate(
  update: Uint8Array,
  mayMatter: AwarenessEntryFilter,
  /** Largest state's JSON, in bytes (0: any); a larger one closes the connection with 4429. */
  maxStateBytes = 0,
): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarUint8Array(decoder);
      if (maxStateBytes > 0 && json.byteLength > maxStateBytes) {
        throw new ProtocolViolation(CloseCode.tooManyMessages, "Awareness state too large");
      }
      if (!mayMatter(clientId, clock, !isJsonObjectText(json))) continue;
      const state: unknown = JSON.parse(decodeUtf8(json));
      if (state !== null && (typeof state !== "object" || Array.isArray(state)))
        throw malformed("Bad awareness state");
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    if (decoding.hasContent(decoder)) throw malformed("Trailing bytes after awareness update");
    return entries;
  } catch (error) {
    if (error instanceof ProtocolViolation) throw error;
    throw malformed("Malformed awareness update");
  }
}

const JSON_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const OPENING_BRACE = 0x7b;

/** Whether a JSON text starts (after whitespace) with `{`: an object, or malformed, never null. */
function isJsonObjectText(json: Uint8Array): boolean {
  for (const byte of json) if (!JSON_WHITESPACE.has(byte)) return byte === OPENING_BRACE;
  return false;
}
