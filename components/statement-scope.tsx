"use client";

import { createContext, useContext } from "react";

/** The statement the page's parts act on, who views it, and whether it is finalised. */
export interface StatementScope {
  statementId: string;
  myUserId: string;
  /** Finalised: everything is shown, but nothing can be changed any more. */
  finalised: boolean;
}

export const StatementScopeContext = createContext<StatementScope | null>(null);

/** The scope StatementWorkspace provides to the sections, sign-off and comments within it. */
export function useStatementScope(): StatementScope {
  const scope = useContext(StatementScopeContext);
  if (!scope) throw new Error("useStatementScope is used outside StatementWorkspace");
  return scope;
}
