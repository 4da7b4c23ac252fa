import { openApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-static";

// Public: the API's shape is not a secret; every operation in it still requires a session.
export function GET() {
  return Response.json(openApiDocument());
}
