"use client";

import {
  type NamedVersionRequest,
  paragraphAuthorship,
  restoredSection,
  restoredStatement,
  versionDetail,
  versionDiff,
  versionList,
  versionSummary,
} from "@/contracts/versions";
import { request, statementUrl } from "./api-client";

const versionsUrl = (id: string) => `${statementUrl(id)}/versions`;

/** The browser's calls of version history, restore and authorship; each answer parsed with its contract. */
export const versionsApi = {
  list: (id: string) => request("GET", versionsUrl(id), versionList),
  name: (id: string, version: NamedVersionRequest) =>
    request("POST", versionsUrl(id), versionSummary, version),
  open: (id: string, versionId: string) => request("GET", `${versionsUrl(id)}/${versionId}`, versionDetail),
  /** `to` is another version's id or "current". */
  diff: (id: string, from: string, to: string) =>
    request("GET", `${versionsUrl(id)}/${from}/diff/${to}`, versionDiff),
  restore: (id: string, sectionKey: string, versionId: string) =>
    request(
      "POST",
      `${statementUrl(id)}/sections/${encodeURIComponent(sectionKey)}/restore`,
      restoredSection,
      { versionId },
    ),
  restoreAll: (id: string, versionId: string) =>
    request("POST", `${statementUrl(id)}/restore`, restoredStatement, { versionId }),
  authorship: (id: string) => request("GET", `${statementUrl(id)}/authorship`, paragraphAuthorship),
};
