import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadStatementWorkflow } from "../../workflow/statement-workflow";
import { insertAtStart } from "../support/document";
import { collabFixture } from "../support/fixture";
import { SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE, syncFrame } from "../support/frames";
import { HANDLAGGARE_BOU, sessionUserOf } from "../support/workflow";

const collab = collabFixture();

/** A byte-level mutation of an update: flip, overwrite, insert or cut bytes at a position. */
const mutation = fc.record({
  kind: fc.constantFrom("flip", "set", "insert", "cut"),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
  count: fc.integer({ min: 1, max: 4 }),
});

function mutate(
  update: Uint8Array,
  mutations: { kind: string; at: number; byte: number; count: number }[],
): Uint8Array {
  let bytes = Array.from(update);
  for (const { kind, at, byte, count } of mutations) {
    const index = at % (bytes.length + 1);
    if (kind === "flip" && index < bytes.length) bytes[index] = (bytes[index] as number) ^ (1 << (byte % 8));
    else if (kind === "set" && index < bytes.length) bytes[index] = byte;
    else if (kind === "insert") bytes.splice(index, 0, ...Array.from({ length: count }, () => byte));
    else if (kind === "cut") bytes.splice(index, count);
  }
  bytes = bytes.length > 0 ? bytes : [0];
  return Uint8Array.from(bytes);
}

/** A valid update the coordinator could send: typing, a mark and a new paragraph in Sammanfattning. */
function validUpdates(state: Uint8Array): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  insertAtStart(doc, "sammanfattning", "Ny text ");
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment("bakgrund").insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText("Stycke")]);
  const text = paragraph.get(0) as Y.XmlText;
  text.format(0, 3, { link: { href: "https://example.se" } });
  return updates;
}

describe("mutated updates (property)", () => {
  it("never make GET /api/statements/:id fail, before or after a reload", async () => {
    const reader = await collab.connectAs(HANDLAGGARE_BOU);
    const base = validUpdates(Y.encodeStateAsUpdate(reader.doc));
    const user = await sessionUserOf(collab, HANDLAGGARE_BOU);
    const lookup = () =>
      loadStatementWorkflow(collab.database.connection.db, user, collab.database.seedStatementId);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: base.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (which, mutations) => {
          const socket = await collab.openSocket(HANDLAGGARE_BOU);
          socket.send(syncFrame(SYNC_UPDATE, mutate(base[which] as Uint8Array, mutations)));
          // A sync step 1 after it: answered (with a step 2) in order, so the update has been handled.
          await new Promise<void>((resolve) => {
            socket.once("close", () => resolve());
            socket.on("message", (data: Buffer) => {
              if (data[0] === 0 && data[1] === SYNC_STEP_2) resolve();
            });
            socket.send(syncFrame(SYNC_STEP_1, Uint8Array.of(0)));
          });
          socket.close();
          const found = await lookup();
          expect(found.found).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    await collab.server.collab.flush();
    await collab.restartServer();
    expect((await lookup()).found).toBe(true);
  });
});
