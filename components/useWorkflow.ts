"use client";

import { useCallback, useState } from "react";
import type { ThreadView } from "@/db/queries/comments";
import type { StatementWorkflow } from "@/workflow/statement-workflow";
import { useStatementEvents } from "./useStatementEvents";

async function fetchJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url, { cache: "no-store" });
  return response.ok ? ((await response.json()) as T) : null;
}

/**
 * The statement's workflow state (approvals, status) and its comment threads, kept live: the
 * server announces changes over Server-Sent Events and the page refetches what changed.
 */
export function useWorkflow(initial: StatementWorkflow, initialThreads: ThreadView[]) {
  const [workflow, setWorkflow] = useState(initial);
  const [threads, setThreads] = useState(initialThreads);
  const statementId = initial.id;

  const refresh = useCallback(async () => {
    const next = await fetchJson<StatementWorkflow>(`/api/statements/${statementId}`);
    if (next) setWorkflow(next);
  }, [statementId]);

  const refreshThreads = useCallback(async () => {
    const next = await fetchJson<{ threads: ThreadView[] }>(`/api/statements/${statementId}/comments`);
    if (next) setThreads(next.threads);
  }, [statementId]);

  useStatementEvents(statementId, (kind) => {
    if (kind !== "comments") void refresh();
    if (kind === "comments" || kind === null) void refreshThreads();
  });

  return { workflow, refresh, threads, refreshThreads };
}
