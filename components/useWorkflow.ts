"use client";

import { useCallback, useState } from "react";
import type { ThreadView } from "@/contracts/comments";
import type { StatementWorkflow } from "@/contracts/statements";
import { api } from "./api-client";
import { useStatementEvents } from "./useStatementEvents";

/**
 * The statement's workflow state (approvals, status) and its comment threads, kept live: the
 * server announces changes over Server-Sent Events and the page refetches what changed.
 */
export function useWorkflow(initial: StatementWorkflow, initialThreads: ThreadView[]) {
  const [workflow, setWorkflow] = useState(initial);
  const [threads, setThreads] = useState(initialThreads);
  const statementId = initial.id;

  const refresh = useCallback(async () => {
    const next = await api.statement(statementId);
    if (next.ok) setWorkflow(next.data);
  }, [statementId]);

  const refreshThreads = useCallback(async () => {
    const next = await api.threads(statementId);
    if (next.ok) setThreads(next.data.threads);
  }, [statementId]);

  useStatementEvents(statementId, (kind) => {
    if (kind !== "comments") void refresh();
    if (kind === "comments" || kind === null) void refreshThreads();
  });

  return { workflow, refresh, threads, refreshThreads };
}
