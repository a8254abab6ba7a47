import { getDb } from "@/db/client";
import { listStatements } from "@/db/queries/statements";
import { json, withUser } from "../responses";

export const dynamic = "force-dynamic";

/** GET /api/statements: the statements of the user's organisation. */
export function GET() {
  return withUser(async (user) => {
    const statements = await listStatements(await getDb(), user.organisationId);
    return json({
      statements: statements.map(
        ({ id, title, diarienummer, status, recipient, deadline, extendedDeadline }) => ({
          id,
          title,
          diarienummer,
          status,
          recipient,
          deadline,
          extendedDeadline,
        }),
      ),
    });
  });
}
