import { importUsers } from "@/workflow/admin-import";
import { getDb } from "@/workflow/app-services";
import { readJsonBody, withUser, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** POST /api/admin/users/import: checks a CSV of users (preview) or, with `commit`, creates them all. */
export function POST(request: Request) {
  return withUser(async (user) => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    const body = read.body as { commit?: unknown } | undefined;
    return workflowResponse(
      await importUsers(await getDb(), user, read.body),
      body?.commit === true ? 201 : 200,
    );
  });
}
