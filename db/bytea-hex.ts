/*
 * bytea's hex text form ("\x" then two hex digits per byte, PostgreSQL's default output), with
 * Node's hex codec, for PGlite, whose own codec converts one byte at a time (see pglite-bytea.ts).
 */

/** Text-format bytea to bytes. */
export function parseByteaHex(text: string): Uint8Array {
  const hex = text.slice(2);
  // Its own buffer, not a view into Node's shared pool: rows are copied to the main thread whole.
  const bytes = new Uint8Array(hex.length >>> 1);
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).write(hex, "hex");
  return bytes;
}

export function serializeByteaHex(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error("Invalid input for bytea type");
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}
