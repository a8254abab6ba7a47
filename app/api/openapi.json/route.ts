import { openApiDocument } from "@/contracts/openapi";
import { json } from "../responses";

export const dynamic = "force-static";

/** GET /api/openapi.json: the API's OpenAPI 3.1 description, for the systems that connect to it. */
export function GET() {
  return json(openApiDocument());
}
