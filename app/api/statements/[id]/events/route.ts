import { appServices, getDb } from "@/workflow/app-services";
import { readableStatement, STATEMENT_NOT_FOUND } from "@/workflow/result";
import { withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

const KEEPALIVE_MS = 25_000;

/**
 * GET: a Server-Sent Events stream that says when the statement's workflow state (approvals,
 * comments, status) changed; the page then refetches it. The text itself travels over the
 * collaboration WebSocket.
 */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) => {
    const readable = await readableStatement(await getDb(), user, id);
    if (!readable.ok) return workflowResponse(readable);
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
        const unsubscribe = appServices().statementEvents.subscribe(id, (event) =>
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
