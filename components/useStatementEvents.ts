"use client";

import { useEffect, useRef } from "react";
import type { StatementEventKind } from "@/contracts/events";

/**
 * One Server-Sent Events stream per statement page. The handler runs for each change, and with
 * null after every (re)connect, since changes may have been missed while the stream was down.
 */
export function useStatementEvents(statementId: string, onChange: (kind: StatementEventKind | null) => void) {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    const events = new EventSource(`/api/statements/${statementId}/events`);
    events.addEventListener("changed", (event) => {
      try {
        handler.current(
          (JSON.parse((event as MessageEvent<string>).data) as { kind: StatementEventKind }).kind,
        );
      } catch {
        handler.current(null);
      }
    });
    events.addEventListener("open", () => handler.current(null));
    return () => events.close();
  }, [statementId]);
}
