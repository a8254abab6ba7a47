import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { inProcessStatementEvents } from "../../events/statement-events";
import type { DocumentStore } from "../../server/collab/document-store";
import { loadDocument } from "../../server/collab/document-store";
import { silentLogger } from "../../server/collab/logger";
import { NodeRelay } from "../../server/collab/relay/node-relay";
import { RedisNode } from "../../server/collab/relay/redis-node";
import { decodeRelayMessage, type RelayMessage } from "../../server/collab/relay/wire";
import { Room } from "../../server/collab/room";
import type { ThawOthers } from "../../server/collab/rooms";
import { StoredStateHandoff } from "../../server/collab/stored-state-handoff";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { insertAtStart, paragraphText, sectionText } from "../support/document";
import { startRedis, type TestRedis } from "../support/redis";

/** Edits here are made on the rooms' documents directly: nothing is logged, so the store only has to exist. */
const unusedStore = { append() {} } as unknown as DocumentStore;

interface Holder {
  node: RedisNode;
  room: Room;
  /** The next message of this kind this node publishes never reaches Redis, as if pub/sub lost it. */
  loseNext(kind: RelayMessage["kind"]): void;
  /** As when this node finalises: the other holders freeze; resolves to their thaw, or null. */
  freezeOthers(): Promise<ThawOthers | null>;
}

// Rooms of several nodes in this process, linked over a real Redis. The re-sync tests lose one relay
// message while Redis and every connection stay up (pub/sub is at-most-once).
describe("rooms of several nodes linked over Redis", () => {
  let redis: TestRedis;
  let database: TestDatabase;
  const relays: NodeRelay[] = [];
  const nodes: RedisNode[] = [];

  beforeEach(async () => {
    redis = await startRedis();
    database = await createTestDatabase();
  });

  afterEach(async () => {
    for (const relay of relays.splice(0)) relay.stop();
    for (const node of nodes.splice(0)) await node.close();
    await database.drop();
    await redis.remove();
  });

  /** A node holding the seed statement, linked to the others; `resyncMs` as COLLAB_RELAY_RESYNC_MS. */
  async function holder(resyncMs: number): Promise<Holder> {
    const db = database.connection.db;
    const node = await RedisNode.connect(redis.url, silentLogger);
    nodes.push(node);
    const relay = new NodeRelay(node, db, inProcessStatementEvents(), silentLogger, resyncMs);
    relays.push(relay);
    const doc = await loadDocument(db, database.seedStatementId);
    const options = { store: unusedStore, logger: silentLogger, compactEvery: Number.MAX_SAFE_INTEGER };
    const room = new Room(database.seedStatementId, doc, options, new StoredStateHandoff());
    room.addHooks(await relay.attach(room));
    let losing: RelayMessage["kind"] | null = null;
    const publish = node.publish.bind(node);
    node.publish = (channel, message) => {
      if (losing !== null && decodeRelayMessage(message).kind === losing) {
        losing = null;
        return;
      }
      publish(channel, message);
    };
    return {
      node,
      room,
      loseNext: (kind) => (losing = kind),
      freezeOthers: () => relay.freezeOthers(room),
    };
  }

  const bakgrund = (holder: Holder) => sectionText(holder.room.doc, "bakgrund");

  async function freezeOthersOf(holder: Holder): Promise<ThawOthers> {
    const thaw = await holder.freezeOthers();
    if (!thaw) throw new Error("the other nodes were not frozen");
    return thaw;
  }

  it("asks for a lost update as soon as a later one arrives that depends on it", async () => {
    // The periodic re-sync is off: only the gap can have healed it.
    const one = await holder(0);
    const two = await holder(0);
    one.loseNext("update");
    insertAtStart(one.room.doc, "bakgrund", "Först ");
    insertAtStart(one.room.doc, "bakgrund", "Sedan ");
    await vi.waitFor(() => expect(bakgrund(two)).toBe(bakgrund(one)), { timeout: 10_000 });
    expect(bakgrund(two)).toMatch(/^Sedan Först /);
    expect(two.room.doc.store.pendingStructs).toBeNull();
  });

  it("gets a lost last update at the next periodic re-sync", async () => {
    const one = await holder(300);
    const two = await holder(300);
    one.loseNext("update");
    insertAtStart(one.room.doc, "bakgrund", "Ensam ");
    await vi.waitFor(() => expect(bakgrund(two)).toMatch(/^Ensam /), { timeout: 10_000 });
    expect(bakgrund(two)).toBe(bakgrund(one));
  });

  it("gets a lost deletion, which no later update depends on, at the next periodic re-sync", async () => {
    const one = await holder(300);
    const two = await holder(300);
    insertAtStart(one.room.doc, "bakgrund", "Bort ");
    await vi.waitFor(() => expect(bakgrund(two)).toMatch(/^Bort /), { timeout: 10_000 });
    one.loseNext("update");
    paragraphText(one.room.doc, "bakgrund").delete(0, "Bort ".length);
    await vi.waitFor(() => expect(bakgrund(two)).toBe(bakgrund(one)), { timeout: 10_000 });
    expect(bakgrund(two)).not.toMatch(/^Bort /);
  });

  it("freezes the other node's room before a finalisation decides, with its earlier edits relayed", async () => {
    const one = await holder(0);
    const two = await holder(0);
    insertAtStart(two.room.doc, "bakgrund", "Sista ");
    const thaw = await freezeOthersOf(one);
    // Two relayed its edit before confirming: the finalising node decides on it.
    expect(bakgrund(one)).toMatch(/^Sista /);
    expect(two.room.frozen).toBe(true);
    thaw(true);
    await vi.waitFor(() => expect(two.room.finalised).toBe(true), { timeout: 10_000 });
    expect(two.room.frozen).toBe(true);
  });

  it("thaws the other node's room when the finalisation is refused", async () => {
    const one = await holder(0);
    const two = await holder(0);
    const thaw = await freezeOthersOf(one);
    expect(two.room.frozen).toBe(true);
    thaw(false);
    await vi.waitFor(() => expect(two.room.frozen).toBe(false), { timeout: 10_000 });
    expect(two.room.finalised).toBe(false);
  });

  it("does not let a finalisation go ahead, and thaws the others, when a holder does not confirm", async () => {
    const one = await holder(0);
    const two = await holder(0);
    const three = await holder(0);
    two.loseNext("frozen");
    expect(await one.freezeOthers()).toBeNull();
    await vi.waitFor(() => expect([two.room.frozen, three.room.frozen]).toEqual([false, false]), {
      timeout: 10_000,
    });
    expect(two.room.finalised).toBe(false);
  });

  it("does not let a finalisation go ahead while Redis is unreachable", async () => {
    const one = await holder(0);
    await holder(0);
    await redis.stop();
    expect(await one.freezeOthers()).toBeNull();
  });
});
