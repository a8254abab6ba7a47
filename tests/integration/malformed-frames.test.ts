import { count, eq } from "drizzle-orm";
import * as encoding from "lib0/encoding";
import * as prng from "lib0/prng";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { documentUpdates } from "../../db/schema";
import { closeCodeOf, waitForAwareness } from "../support/clients";
import { insertAtStart, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { frame, MESSAGE_AWARENESS, SYNC_STEP_1, SYNC_UPDATE, syncFrame } from "../support/frames";
import { WAIT } from "../support/wait";

const MAX_MESSAGE_BYTES = 4096;
const collab = collabFixture({ COLLAB_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) });

interface Outgoing {
  data: Uint8Array | string;
  /** false sends the bytes as a text frame, as ws.send(buffer, { binary: false }) does. */
  binary: boolean;
}
const binary = (data: Uint8Array): Outgoing => ({ data, binary: true });
const text = (data: Uint8Array | string): Outgoing => ({ data, binary: false });

/** A real Yjs update inserting `inserted` into a copy of the seed document's bakgrund section. */
async function realUpdate(inserted: string): Promise<Uint8Array> {
  const client = await collab.connectAs("handlaggare.eb@demo.test");
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  client.destroy();
  const before = Y.encodeStateVector(copy);
  insertAtStart(copy, "bakgrund", inserted);
  return Y.encodeStateAsUpdate(copy, before);
}

const awarenessNotJson = frame((encoder) => {
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  const update = frame((inner) => {
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 99);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, "{inte json");
  });
  encoding.writeVarUint8Array(encoder, update);
});

const cases: [string, () => Promise<Outgoing>, number][] = [
  // Seeded, so a failure can be replayed byte for byte.
  ["random garbage bytes", async () => binary(prng.uint8Array(prng.create(20_240_601), 64)), 4400],
  ["an unknown message type (7)", async () => binary(frame((e) => encoding.writeVarUint(e, 7))), 4400],
  ["a sync message of unknown sync type (9)", async () => binary(syncFrame(9, Uint8Array.of(0, 0))), 4400],
  [
    "a sync update whose payload is not a Yjs update",
    async () => binary(syncFrame(SYNC_UPDATE, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8))),
    4400,
  ],
  // Yjs integrates an update's structs before it reads its delete set: a cut update must not half-apply.
  [
    "a real Yjs update with its last byte cut off",
    async () => binary(syncFrame(SYNC_UPDATE, (await realUpdate("HALV UPPDATERING ")).slice(0, -1))),
    4400,
  ],
  [
    "trailing bytes after a valid message",
    async () => binary(Uint8Array.from([...syncFrame(SYNC_STEP_1, Y.encodeStateVector(new Y.Doc())), 0])),
    4400,
  ],
  ["an awareness update whose state is not JSON", async () => binary(awarenessNotJson), 4400],
  ["a text frame", async () => text("hej"), 4400],
  // ws refuses these itself, before the server sees a message; they must not crash the process.
  ["a text frame that is not UTF-8", async () => text(Uint8Array.of(0xc3, 0x28)), 1007],
  [
    "a valid update larger than COLLAB_MAX_MESSAGE_BYTES",
    async () => binary(syncFrame(SYNC_UPDATE, await realUpdate("STOR ".repeat(MAX_MESSAGE_BYTES)))),
    1009,
  ],
];

describe("malformed input", () => {
  it.each(cases)("closes only the connection that sends %s", async (_case, build, expectedCode) => {
    const outgoing = await build();
    const witness = await collab.connectAs("handlaggare.eb@demo.test");
    const stateBefore = Y.encodeStateVector(witness.doc);
    const textBefore = sectionText(witness.doc, "bakgrund");

    const cookie = await collab.cookieFor("handlaggare.bou@demo.test");
    const closed = await closeCodeOf(collab.roomUrl, { cookie }, (ws) =>
      ws.send(outgoing.data, { binary: outgoing.binary }),
    );
    expect(closed.code).toBe(expectedCode);

    // A newcomer still gets in. Its presence (clock 1: y-protocols ignores a first state at clock 0)
    // reaches the witness after anything the bad frame could have caused.
    const newcomer = await collab.connectAs("handlaggare.bou@demo.test");
    newcomer.provider.awareness.setLocalStateField("cursor", { section: "bakgrund", anchor: 0 });
    await waitForAwareness(witness.provider.awareness, () =>
      witness.provider.awareness.getStates().has(newcomer.doc.clientID),
    );
    expect(witness.provider.wsconnected).toBe(true);
    expect(Y.encodeStateVector(witness.doc)).toEqual(stateBefore);
    // The newcomer holds the server's room as it is now: unchanged.
    expect(Y.encodeStateVector(newcomer.doc)).toEqual(stateBefore);
    expect(sectionText(newcomer.doc, "bakgrund")).toBe(textBefore);
    await vi.waitFor(() => expect(collab.server.collab.connectionCount).toBe(2), WAIT);

    await collab.server.collab.flush();
    const [logged] = await collab.database.connection.db
      .select({ rows: count() })
      .from(documentUpdates)
      .where(eq(documentUpdates.statementId, collab.database.seedStatementId));
    expect(logged?.rows).toBe(0);
  });
});
