import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/* Raw y-websocket frames, for clients that misbehave on purpose. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

export interface SyncFrame {
  step: number;
  payload: Uint8Array;
}

/** A frame the server sent, as a sync message, or null for any other kind. */
export function decodeSyncFrame(data: Uint8Array): SyncFrame | null {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
  return { step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) };
}

export type ForgedAwarenessEntry = { clientId: number; clock: number } & (
  | { state: Record<string, unknown> | null }
  /** The state's JSON text exactly as given, valid or not. */
  | { stateText: string }
);

/** An awareness message as y-protocols encodes it: count, then clientID, clock and JSON state. */
export function awarenessFrame(entries: ForgedAwarenessEntry[]): Uint8Array {
  const update = frame((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, "stateText" in entry ? entry.stateText : JSON.stringify(entry.state));
    }
  });
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/**
 * The payloads of the WebSocket frames in bytes a server wrote to its socket: final, binary and
 * unmasked (RFC 6455, section 5.2), as the collaboration server writes them; anything else throws.
 */
export function readWebSocketFrames(bytes: Uint8Array): Uint8Array[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloads: Uint8Array[] = [];
  let offset = 0;
  while (offset < view.length) {
    if (view[offset] !== 0x82) throw new Error(`Not a final binary frame at byte ${offset}`);
    const lengthByte = view[offset + 1] ?? 0xff;
    if (lengthByte & 0x80) throw new Error("A server's frame is never masked");
    let length = lengthByte;
    let start = offset + 2;
    if (lengthByte === 126) {
      length = view.readUInt16BE(offset + 2);
      start = offset + 4;
    } else if (lengthByte === 127) {
      length = Number(view.readBigUInt64BE(offset + 2));
      start = offset + 10;
    }
    if (start + length > view.length) throw new Error("Frame cut short");
    payloads.push(new Uint8Array(view.subarray(start, start + length)));
    offset = start + length;
  }
  return payloads;
}
