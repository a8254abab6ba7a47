import { getDb } from "@/db/client";
import { getStatementAccessFacts } from "@/db/queries/statements";
import { canReadStatement } from "@/domain/access";
import { subscribeToStatement } from "@/events/statement-events";
import { isUuid, jsonError, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

const KEEPALIVE_MS = 25_000;

/**
 * GET: a Server-Sent Events stream that says when the statement's workflow state (approvals,
 * comments, status) changed; the page then refetches it. The text itself travels over the
 * collaboration WebSocket.
 */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    const facts = isUuid(id) ? await getStatementAccessFacts(await getDb(), id) : null;
    if (!facts) return jsonError(404, "Tjänsteutlåtandet finns inte");
    if (!canReadStatement(user, facts))
      return jsonError(403, "Du har inte behörighet till detta tjänsteutlåtande");
    const encoder = new TextEncoder();
    let stop = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };
        send("retry: 2000\n\n");
        const unsubscribe = subscribeToStatement(id, (event) =>
          send(`event: changed\ndata: ${JSON.stringify(event)}\n\n`),
        );
        const keepalive = setInterval(() => send(": keepalive\n\n"), KEEPALIVE_MS);
        stop = () => {
          unsubscribe();
          clearInterval(keepalive);
        };
        request.signal.addEventListener("abort", () => {
          stop();
          try {
            controller.close();
          } catch {
            // Already closed by the client going away.
          }
        });
      },
      cancel() {
        stop();
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      },
    });
  });
}
