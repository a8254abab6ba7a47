import { newSuggestionSchema } from "@/contracts/suggestions";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { startSuggestion } from "@/workflow/suggestions";
import { pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const statement = pathRoute<{ id: string }>(STATEMENT_NOT_FOUND);

/** POST {sectionKey, anchor, quote, proposedText, body?}: proposes replacing a passage (201). */
export const POST = statement.withBody(
  newSuggestionSchema,
  (db, user, { id }, body) => startSuggestion(db, user, id, body),
  201,
);
