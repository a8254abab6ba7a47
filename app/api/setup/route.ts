import { getDb } from "@/workflow/app-services";
import { setUpOrganisation } from "@/workflow/first-admin";
import { readJsonBody, workflowResponse } from "../responses";

export const dynamic = "force-dynamic";

/** POST /api/setup: the organisation and its first administratör, only while the database has no account. */
export async function POST(request: Request) {
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  return workflowResponse(await setUpOrganisation(await getDb(), read.body), 201);
}
