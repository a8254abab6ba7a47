import type { Database } from "../../db/client";
import { loadAuthorClientIds, recordAuthors } from "../../db/queries/authors";
import type { RoomHooks, UpdateContext } from "./hooks";
import type { Logger } from "./logger";

/**
 * Records which user each Yjs client id writing into a statement belongs to, once per id, so the
 * text's authors outlive compaction (which deletes the update log). Edits the server makes on a
 * user's behalf (a restore) use the document's own client id and are not attributed.
 */
export class AuthorshipRecorder implements RoomHooks {
  private readonly known = new Set<number>();
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly statementId: string,
  ) {}

  async onLoad(): Promise<void> {
    for (const clientId of await loadAuthorClientIds(this.db, this.statementId)) this.known.add(clientId);
  }

  afterChange({ member, decoded }: UpdateContext): void {
    if (member.actor === null) return;
    const fresh: { clientId: number; userId: string }[] = [];
    for (const struct of decoded.structs) {
      const clientId = struct.id.client;
      if (this.known.has(clientId)) continue;
      this.known.add(clientId);
      fresh.push({ clientId, userId: member.userId });
    }
    if (fresh.length === 0) return;
    const { db, statementId } = this;
    this.writing = this.writing
      .then(() => recordAuthors(db, statementId, fresh))
      .catch((error: unknown) =>
        this.logger.error("author write failed", { statementId, error: String(error) }),
      );
  }

  onUnload(): Promise<void> {
    return this.writing;
  }
}
