import { digest } from "lib0/hash/sha256";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * JSON with object keys sorted and no whitespace, so equal content always has equal bytes,
 * whichever server, database or browser produced it. Undefined object members are dropped, as
 * JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const encoded = JSON.stringify(value);
    if (encoded === undefined) throw new TypeError(`Not representable as JSON: ${String(value)}`);
    return encoded;
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(",")}}`;
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** The content hash an approval is bound to: SHA-256 of the canonical JSON, prefixed with its algorithm. */
export function contentHash(content: unknown): string {
  return `sha256:${toHex(digest(new TextEncoder().encode(canonicalJson(content))))}`;
}
