import { describe, expect, it } from "vitest";
import { decodeRelayMessage, encodeRelayMessage, type RelayMessage } from "./wire";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("relay wire format", () => {
  const messages: RelayMessage[] = [
    { kind: "update", from: "node-a", update: bytes(1, 2, 3) },
    { kind: "awareness", from: "node-b", update: bytes(4) },
    { kind: "syncRequest", from: "node-c", stateVector: bytes(0) },
    {
      kind: "syncReply",
      from: "node-a",
      to: "node-c",
      update: bytes(5, 6),
      stateVector: bytes(1, 7, 8),
      awareness: bytes(),
    },
    { kind: "freeze", from: "node-a", id: "f-1" },
    { kind: "frozen", from: "node-b", to: "node-a", id: "f-1" },
    { kind: "thaw", from: "node-a", id: "f-1", finalised: true },
    { kind: "thaw", from: "node-a", id: "f-2", finalised: false },
  ];

  it.each(messages)("carries a $kind message unchanged", (message) => {
    expect(decodeRelayMessage(encodeRelayMessage(message))).toEqual(message);
  });

  it("refuses a kind it does not know", () => {
    expect(() => decodeRelayMessage(bytes(19, 0))).toThrow(/Unknown relay message/);
  });
});
