import { types } from "@electric-sql/pglite";
import { parseByteaHex, serializeByteaHex } from "./bytea-hex";

/*
 * PGlite converts bytea to and from its hex text form one byte at a time; Node's hex codec is far
 * quicker on the snapshots every cold open reads (docs/decisions/0006).
 */

/** Spread into every PGlite's options: PGlite keeps its own codecs for all other types. */
export const pgliteByteaCodec = {
  parsers: { [types.BYTEA]: parseByteaHex },
  serializers: { [types.BYTEA]: serializeByteaHex },
};
