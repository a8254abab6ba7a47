import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * What nodes tell each other about one statement, on its channel. Every message names the node
 * that sent it; a reply also names the node it answers.
 */
export type RelayMessage =
  /** An update the sender applied to its document (guarded and logged there). */
  | { kind: "update"; from: string; update: Uint8Array }
  /** An awareness update of the sender's own clients. */
  | { kind: "awareness"; from: string; update: Uint8Array }
  /** The sender holds the statement with this state vector and wants what it lacks. */
  | { kind: "syncRequest"; from: string; stateVector: Uint8Array }
  /** What `to` lacked, the replier's state vector, and the awareness of the replier's clients. */
  | {
      kind: "syncReply";
      from: string;
      to: string;
      update: Uint8Array;
      stateVector: Uint8Array;
      awareness: Uint8Array;
    }
  /** The sender is finalising the statement: holders freeze their room until `thaw` with this id. */
  | { kind: "freeze"; from: string; id: string }
  /** Sent by a holder to `to` once frozen, after every update it applied before. */
  | { kind: "frozen"; from: string; to: string; id: string }
  /** The finalisation `id` is decided; `finalised`: the holders keep their room frozen for good. */
  | { kind: "thaw"; from: string; id: string; finalised: boolean };

const KINDS = ["update", "awareness", "syncRequest", "syncReply", "freeze", "frozen", "thaw"] as const;

export function encodeRelayMessage(message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  encoding.writeVarString(encoder, message.from);
  switch (message.kind) {
    case "update":
    case "awareness":
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "syncRequest":
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
    case "syncReply":
      encoding.writeVarString(encoder, message.to);
      encoding.writeVarUint8Array(encoder, message.update);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      encoding.writeVarUint8Array(encoder, message.awareness);
      break;
    case "freeze":
      encoding.writeVarString(encoder, message.id);
      break;
    case "frozen":
      encoding.writeVarString(encoder, message.to);
      encoding.writeVarString(encoder, message.id);
      break;
    case "thaw":
      encoding.writeVarString(encoder, message.id);
      encoding.writeUint8(encoder, message.finalised ? 1 : 0);
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a message of another node; throws on one this version does not know. */
export function decodeRelayMessage(data: Uint8Array): RelayMessage {
  const decoder = decoding.createDecoder(data);
  const kind = KINDS[decoding.readVarUint(decoder)];
  const from = decoding.readVarString(decoder);
  switch (kind) {
    case "update":
    case "awareness":
      return { kind, from, update: decoding.readVarUint8Array(decoder) };
    case "syncRequest":
      return { kind, from, stateVector: decoding.readVarUint8Array(decoder) };
    case "syncReply":
      return {
        kind,
        from,
        to: decoding.readVarString(decoder),
        update: decoding.readVarUint8Array(decoder),
        stateVector: decoding.readVarUint8Array(decoder),
        awareness: decoding.readVarUint8Array(decoder),
      };
    case "freeze":
      return { kind, from, id: decoding.readVarString(decoder) };
    case "frozen":
      return { kind, from, to: decoding.readVarString(decoder), id: decoding.readVarString(decoder) };
    case "thaw":
      return {
        kind,
        from,
        id: decoding.readVarString(decoder),
        finalised: decoding.readUint8(decoder) === 1,
      };
    default:
      throw new Error("Unknown relay message");
  }
}
