"use client";

import { useCallback, useEffect, useState } from "react";
import type { StatementWorkflow } from "@/workflow/statement-workflow";

/**
 * The statement's workflow state (approvals, status), kept live: the server announces changes
 * over Server-Sent Events and the page refetches the statement. EventSource reconnects by itself.
 */
export function useWorkflow(initial: StatementWorkflow) {
  const [workflow, setWorkflow] = useState(initial);
  const statementId = initial.id;

  const refresh = useCallback(async () => {
    const response = await fetch(`/api/statements/${statementId}`, { cache: "no-store" });
    if (response.ok) setWorkflow((await response.json()) as StatementWorkflow);
  }, [statementId]);

  useEffect(() => {
    const events = new EventSource(`/api/statements/${statementId}/events`);
    events.addEventListener("changed", () => void refresh());
    // After a dropped stream, changes may have been missed while it was down.
    events.addEventListener("open", () => void refresh());
    return () => events.close();
  }, [statementId, refresh]);

  return { workflow, refresh };
}
