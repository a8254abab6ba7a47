import { forbidden } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import type { Database } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { getDb } from "@/workflow/app-services";
import type { WorkflowResult } from "@/workflow/result";

/** What an admin page at `path` shows, read for the signed-in administratör; anyone else gets the 403 page. */
export async function adminPageData<T>(
  path: string,
  read: (db: Database, user: SessionUser) => Promise<WorkflowResult<T>>,
): Promise<T> {
  const user = await requirePageUser(path);
  const result = await read(await getDb(), user);
  if (!result.ok) forbidden();
  return result.value;
}
