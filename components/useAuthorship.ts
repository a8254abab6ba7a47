"use client";

import { useCallback, useState } from "react";
import type { ParagraphAuthorship } from "@/contracts/versions";
import { versionsApi } from "./api-versions";

/** Who wrote each paragraph of the statement, read when asked (never kept live). */
export function useAuthorship(statementId: string) {
  const [authorship, setAuthorship] = useState<ParagraphAuthorship | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const answer = await versionsApi.authorship(statementId);
    setError(answer.ok ? null : answer.error);
    if (answer.ok) setAuthorship(answer.data);
  }, [statementId]);
  return { authorship, error, load };
}
