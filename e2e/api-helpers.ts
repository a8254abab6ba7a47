import type { APIRequestContext, Page } from "@playwright/test";
import { passageAnchor } from "../tests/support/anchors";
import { connectClient, waitForSynced } from "../tests/support/clients";
import { expect } from "./fixtures";

/** An anchor on a passage of the statement, built on the user's own synced copy of it. */
export async function anchorAs(page: Page, statementId: string, sectionKey: string, passage: string) {
  const cookies = await page.context().cookies();
  const cookie = cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
  const client = connectClient(`ws://${new URL(page.url()).host}/collab`, statementId, cookie);
  try {
    await waitForSynced(client);
    return passageAnchor(client.doc, sectionKey, passage);
  } finally {
    client.destroy();
  }
}

/** A refused request's Swedish message, after checking its status. */
export async function refusal(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number) {
  expect(response.status(), await response.text()).toBe(status);
  return ((await response.json()) as { error: string }).error;
}
