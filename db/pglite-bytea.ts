import { types } from "@electric-sql/pglite";
import { parseByteaHex, serializeByteaHex } from "./bytea-hex";

/*
 * PGlite converts bytea to and from its hex text form one byte at a time (Uint8Array.from with
 * parseInt per byte, and a join of padded strings). Reading a 300 KB document snapshot took
 * 30–70 ms that way, against under 1 ms with Node's hex codec, and it delayed every cold open.
 */

/** Spread into every PGlite's options: PGlite keeps its own codecs for all other types. */
export const pgliteByteaCodec = {
  parsers: { [types.BYTEA]: parseByteaHex },
  serializers: { [types.BYTEA]: serializeByteaHex },
};
