import { types } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { parseByteaHex, serializeByteaHex } from "./bytea-hex";

const pgliteParse = types.parsers[types.BYTEA] as (text: string) => Uint8Array;
const pgliteSerialize = types.serializers[types.BYTEA] as (value: Uint8Array) => string;

describe("PGlite bytea codec", () => {
  const samples = [
    new Uint8Array(0),
    Uint8Array.of(0, 1, 15, 16, 127, 128, 254, 255),
    Uint8Array.from({ length: 10_000 }, (_, index) => (index * 7919) % 256),
  ];

  it("writes what PGlite's own serializer writes", () => {
    for (const sample of samples) expect(serializeByteaHex(sample)).toBe(pgliteSerialize(sample));
  });

  it("reads back what PGlite's own parser reads, as a Uint8Array with a buffer of its own", () => {
    for (const sample of samples) {
      const parsed = parseByteaHex(pgliteSerialize(sample));
      expect(parsed).toEqual(pgliteParse(pgliteSerialize(sample)));
      expect(parsed.buffer.byteLength).toBe(sample.byteLength);
    }
  });

  it("serializes a view into a larger buffer by its own bytes only", () => {
    const whole = Uint8Array.of(9, 1, 2, 3, 9);
    expect(serializeByteaHex(whole.subarray(1, 4))).toBe("\\x010203");
  });

  it("refuses what is not bytes, as PGlite's own serializer does", () => {
    expect(() => serializeByteaHex("010203")).toThrow("Invalid input for bytea type");
  });
});
