import type { DocumentStore } from "./document-store";
import type { RoomHooks } from "./hooks";
import type { Room } from "./room";

/** Stores a room's state by folding its logged updates into a snapshot of its document. */
export class Compaction implements RoomHooks {
  constructor(private readonly store: DocumentStore) {}

  onStore(room: Room): Promise<void> {
    return this.store.compact(room.statementId, room.doc);
  }
}
