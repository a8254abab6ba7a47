import { randomUUID } from "node:crypto";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Database } from "../../../db/client";
import { loadStatementEditRules } from "../../../db/queries/statements";
import type { StatementEventBus } from "../../../events/statement-events";
import type { RoomHooks } from "../hooks";
import type { Logger } from "../logger";
import { RELAYED_ORIGIN, type Room } from "../room";
import type { ThawOthers } from "../rooms";
import type { RedisNode } from "./redis-node";
import { decodeRelayMessage, encodeRelayMessage, type RelayMessage } from "./wire";

/** Longest a joining node waits for the other holders' state before it serves its clients. */
const JOIN_SYNC_TIMEOUT_MS = 2_000;
/** Longest a finalising node waits for the other holders to confirm they are frozen. */
const FREEZE_ACK_TIMEOUT_MS = 2_000;
/** Longest a holder stays frozen for another node's finalisation that never says how it ended. */
const FREEZE_HOLD_MAX_MS = 30_000;
/** Least time between two re-syncs asked for because a relayed update waits for a missing one. */
const GAP_SYNC_SPACING_MS = 1_000;

export const roomChannel = (statementId: string) => `beredning:room:${statementId}`;
const holdersKey = (statementId: string) => `beredning:holders:${statementId}`;

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** Waits until every one of some holders has answered, or until a timeout: `finished` resolves. */
class HolderAnswers {
  readonly finished: Promise<void>;
  private finish: () => void = () => {};

  constructor(
    private readonly waitingFor: Set<string>,
    timeoutMs: number,
  ) {
    this.finished = new Promise((resolve) => {
      this.finish = resolve;
    });
    const timer = setTimeout(() => this.finish(), timeoutMs);
    void this.finished.then(() => clearTimeout(timer));
  }

  answered(from: string): void {
    this.waitingFor.delete(from);
    if (this.waitingFor.size === 0) this.finish();
  }

  /** Stops waiting. */
  end(): void {
    this.finish();
  }

  /** Whether every holder waited for has answered. */
  get complete(): boolean {
    return this.waitingFor.size === 0;
  }
}

/**
 * One loaded room's link to the other nodes holding its statement: publishes what changes the
 * document and the presence of this node's clients, and applies theirs (see decision 0011).
 */
export class RoomLink implements RoomHooks {
  /** Awareness client ids of other nodes' clients, with the node each is on. */
  private readonly remoteClients = new Map<number, string>();
  /** The node whose awareness update is being applied. */
  private applyingFrom: string | null = null;
  /** The holders' sync replies a join still waits for. */
  private awaitedReplies: HolderAnswers | null = null;
  private readonly channel: string;
  private stopFollowingStatus: (() => void) | null = null;
  /** Whether the document changed since the last periodic re-sync: unchanged rooms sit it out. */
  private changedSinceResync = false;
  private lastGapSync = 0;
  /** Freezes this node holds for other nodes' finalisations, by id, each with its release. */
  private readonly heldFreezes = new Map<string, (finalised: boolean) => void>();
  /** A finalisation of this node's waiting for the holders' `frozen`. */
  private awaitedFreeze: { id: string; answers: HolderAnswers } | null = null;

  constructor(
    readonly room: Room,
    private readonly node: RedisNode,
    private readonly db: Database,
    private readonly events: StatementEventBus,
    private readonly logger: Logger,
  ) {
    this.channel = roomChannel(room.statementId);
  }

  /**
   * A statement finalised through another node is frozen here too: from the moment its status
   * event arrives (in order with the room's messages) until the status is read, and for good if
   * it is finalised.
   */
  private followStatus(): void {
    this.stopFollowingStatus = this.events.subscribe(this.room.statementId, (event) => {
      if (event.kind !== "status") return;
      const { room, db, logger } = this;
      room
        .freezeWhile(() => loadStatementEditRules(db, room.statementId))
        .then((rules) => {
          if (rules?.statement.status === "finalised") room.markFinalised();
        })
        .catch((error: unknown) =>
          logger.error("status check failed", { statementId: room.statementId, error: String(error) }),
        );
    });
  }

  /**
   * Subscribes, registers as a holder, and takes from every live holder what it has that the
   * stored state lacked. Throws TryAgainLater while Redis is unreachable.
   */
  async join(): Promise<void> {
    this.followStatus();
    this.room.doc.on("update", this.onDocumentUpdate);
    this.room.awareness.on("update", this.onAwarenessUpdate);
    await this.node.subscribe(this.channel, this.onMessage);
    const holders = await this.register();
    if (holders.size > 0) await this.syncWith(holders);
  }

  /** Adds this node to the holders; the live others, and the dead ones removed. */
  private async register(): Promise<Set<string>> {
    const key = holdersKey(this.room.statementId);
    const [, members] = (await this.node.commands.multi().sadd(key, this.node.id).smembers(key).exec()) ?? [];
    return this.liveOf((members?.[1] as string[] | undefined) ?? []);
  }

  /** The live holders among `members` other than this node; the dead ones are removed. */
  private async liveOf(members: string[]): Promise<Set<string>> {
    const key = holdersKey(this.room.statementId);
    const others = members.filter((id) => id !== this.node.id);
    const live = (await this.node.liveNodes(others)) ?? new Set(others);
    const dead = others.filter((id) => !live.has(id));
    if (dead.length > 0) await this.node.commands.srem(key, ...dead);
    return live;
  }

  private async syncWith(holders: Set<string>): Promise<void> {
    const replies = new HolderAnswers(holders, JOIN_SYNC_TIMEOUT_MS);
    this.awaitedReplies = replies;
    this.requestSync();
    await replies.finished;
    if (this.awaitedReplies === replies) this.awaitedReplies = null;
  }

  /** Asks every holder for what this node lacks; after a Redis outage, also re-registers. */
  requestSync(): void {
    this.publish({
      kind: "syncRequest",
      from: this.node.id,
      stateVector: Y.encodeStateVector(this.room.doc),
    });
  }

  /**
   * The periodic re-sync, which heals a relay message lost while Redis stayed up: a room whose
   * document changed asks the holders for what it lacks and sends them what they lack.
   */
  resyncIfChanged(): void {
    if (!this.changedSinceResync) return;
    this.changedSinceResync = false;
    this.requestSync();
  }

  /** A relayed update that waits for one this node never got shows a lost message: re-sync now. */
  private resyncIfGap(): void {
    const { pendingStructs, pendingDs } = this.room.doc.store;
    if (!pendingStructs && !pendingDs) return;
    const now = Date.now();
    if (now - this.lastGapSync < GAP_SYNC_SPACING_MS) return;
    this.lastGapSync = now;
    this.requestSync();
  }

  /** After a Redis outage: registers again and exchanges state and presence with every holder. */
  async resync(): Promise<void> {
    await this.node.commands.sadd(holdersKey(this.room.statementId), this.node.id).catch(() => {});
    this.requestSync();
    this.publishOwnAwareness();
  }

  /**
   * Before this node finalises the statement: every other holder freezes its room and confirms,
   * after relaying what it applied before, so the decision sees all of it. Resolves to the thaw,
   * which tells them the outcome; to null (and the others thawed) when Redis or a live holder does
   * not answer in time, since that holder's edits may be missing here.
   */
  async freezeOthers(): Promise<ThawOthers | null> {
    const statementId = this.room.statementId;
    let holders: Set<string>;
    try {
      holders = await this.liveOf(await this.node.commands.smembers(holdersKey(statementId)));
    } catch (error) {
      // Another node may hold edits of this statement that this one cannot see: not now.
      this.logger.warn("not finalising: redis unreachable", { statementId, error: String(error) });
      return null;
    }
    if (holders.size === 0) return () => {};
    const id = randomUUID();
    const answers = new HolderAnswers(new Set(holders), FREEZE_ACK_TIMEOUT_MS);
    this.awaitedFreeze = { id, answers };
    this.publish({ kind: "freeze", from: this.node.id, id });
    await answers.finished;
    if (this.awaitedFreeze?.answers === answers) this.awaitedFreeze = null;
    const thaw: ThawOthers = (finalised) => this.publish({ kind: "thaw", from: this.node.id, id, finalised });
    if (!answers.complete) {
      this.logger.warn("not finalising: a node holding the statement did not confirm its freeze", {
        statementId,
        nodes: [...holders],
      });
      thaw(false);
      return null;
    }
    return thaw;
  }

  /** Freezes the room for another node's finalisation `id` until its thaw (or the hold's limit). */
  private holdFreeze(from: string, id: string): void {
    void this.room.freezeWhile(
      () =>
        new Promise<void>((release) => {
          const timer = setTimeout(() => finish(false), FREEZE_HOLD_MAX_MS);
          const finish = (finalised: boolean) => {
            clearTimeout(timer);
            this.heldFreezes.delete(id);
            if (finalised) this.room.markFinalised();
            release();
          };
          this.heldFreezes.set(id, finish);
        }),
    );
    this.publish({ kind: "frozen", from: this.node.id, to: from, id });
  }

  /** Other nodes' clients this link shows, by node. */
  remoteNodes(): Set<string> {
    return new Set(this.remoteClients.values());
  }

  /** Removes the presence of a node that has died. */
  dropNode(nodeId: string): void {
    const clients = [...this.remoteClients].filter(([, node]) => node === nodeId).map(([client]) => client);
    for (const client of clients) this.remoteClients.delete(client);
    awarenessProtocol.removeAwarenessStates(this.room.awareness, clients, RELAYED_ORIGIN);
  }

  private publish(message: RelayMessage): void {
    this.node.publish(this.channel, encodeRelayMessage(message));
  }

  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown) => {
    this.changedSinceResync = true;
    if (origin === RELAYED_ORIGIN) return;
    this.publish({ kind: "update", from: this.node.id, update });
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin === RELAYED_ORIGIN) {
      for (const client of added.concat(updated)) this.remoteClients.set(client, this.applyingFrom ?? "");
      for (const client of removed) this.remoteClients.delete(client);
      return;
    }
    const own = added.concat(updated, removed).filter((client) => !this.remoteClients.has(client));
    for (const client of removed) this.remoteClients.delete(client);
    if (own.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, own);
    this.publish({ kind: "awareness", from: this.node.id, update });
  };

  private ownAwarenessUpdate(): Uint8Array {
    const own = [...this.room.awareness.getStates().keys()].filter(
      (client) => !this.remoteClients.has(client),
    );
    return awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, own);
  }

  private publishOwnAwareness(): void {
    this.publish({ kind: "awareness", from: this.node.id, update: this.ownAwarenessUpdate() });
  }

  private readonly onMessage = (data: Uint8Array) => {
    let message: RelayMessage;
    try {
      message = decodeRelayMessage(data);
    } catch (error) {
      this.logger.warn("malformed relay message", {
        statementId: this.room.statementId,
        error: String(error),
      });
      return;
    }
    if (message.from === this.node.id) return;
    try {
      this.receive(message);
    } catch (error) {
      this.logger.error("relay message failed", {
        statementId: this.room.statementId,
        kind: message.kind,
        error: String(error),
      });
    }
  };

  private receive(message: RelayMessage): void {
    switch (message.kind) {
      case "update":
        this.room.applyRelayedUpdate(message.update);
        this.resyncIfGap();
        return;
      case "awareness":
        this.applyAwareness(message.from, message.update);
        return;
      case "syncRequest":
        this.publish({
          kind: "syncReply",
          from: this.node.id,
          to: message.from,
          update: Y.encodeStateAsUpdate(this.room.doc, message.stateVector),
          stateVector: Y.encodeStateVector(this.room.doc),
          awareness: this.ownAwarenessUpdate(),
        });
        return;
      case "syncReply":
        if (message.to !== this.node.id) return;
        this.room.applyRelayedUpdate(message.update);
        this.applyAwareness(message.from, message.awareness);
        // What the replier lacks goes to every holder, as an update of this node's.
        this.publish({
          kind: "update",
          from: this.node.id,
          update: Y.encodeStateAsUpdate(this.room.doc, message.stateVector),
        });
        this.awaitedReplies?.answered(message.from);
        return;
      case "freeze":
        this.holdFreeze(message.from, message.id);
        return;
      case "frozen":
        if (message.to === this.node.id && this.awaitedFreeze?.id === message.id) {
          this.awaitedFreeze.answers.answered(message.from);
        }
        return;
      case "thaw":
        this.heldFreezes.get(message.id)?.(message.finalised);
        return;
    }
  }

  private applyAwareness(from: string, update: Uint8Array): void {
    this.applyingFrom = from;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, RELAYED_ORIGIN);
    } finally {
      this.applyingFrom = null;
    }
  }

  /** Stops relaying, and is no longer a holder. */
  async leave(): Promise<void> {
    this.stopFollowingStatus?.();
    this.awaitedReplies?.end();
    this.awaitedFreeze?.answers.end();
    for (const finish of this.heldFreezes.values()) finish(false);
    this.room.doc.off("update", this.onDocumentUpdate);
    this.room.awareness.off("update", this.onAwarenessUpdate);
    await this.node.unsubscribe(this.channel);
    await this.node.commands.srem(holdersKey(this.room.statementId), this.node.id).catch(() => {});
  }

  /** Leaves, then compacts: what only this node holds (relayed from a node that died) is stored. */
  async onUnload(room: Room): Promise<void> {
    await this.leave();
    await room.store();
  }
}
