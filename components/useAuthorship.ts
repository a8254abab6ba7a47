"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { StatementWorkflow } from "@/contracts/statements";
import type { ParagraphAuthorship } from "@/contracts/versions";
import { PREPARATION_SECTION_KEY } from "@/domain/template";
import { versionsApi } from "./api-versions";

/**
 * Who wrote each paragraph, read when asked (never kept live): when the colours are turned on, and
 * at once for those offered the "Ärendets beredning" suggestion, which is made from it.
 */
export function useAuthorship(workflow: StatementWorkflow) {
  const [authorship, setAuthorship] = useState<ParagraphAuthorship | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const load = useCallback(async () => {
    const answer = await versionsApi.authorship(workflow.id);
    setError(answer.ok ? null : answer.error);
    if (answer.ok) setAuthorship(answer.data);
  }, [workflow.id]);
  const suggestsPreparation =
    workflow.status === "draft" &&
    workflow.sections.some((section) => section.key === PREPARATION_SECTION_KEY && section.editableByMe);
  useEffect(() => {
    if (suggestsPreparation) void load();
  }, [suggestsPreparation, load]);
  /** Each section's paragraphs with their writers while the colours are shown; null otherwise. */
  const bySection = useMemo(
    () =>
      shown && authorship
        ? new Map(authorship.sections.map((section) => [section.key, section.paragraphs]))
        : null,
    [shown, authorship],
  );
  const toggle = () => {
    if (!shown) void load();
    setShown(!shown);
  };
  return { authorship, error, shown, toggle, bySection, suggestsPreparation, refresh: () => void load() };
}
