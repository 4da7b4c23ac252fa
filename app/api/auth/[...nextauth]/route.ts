import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { readBounded } from "@/lib/http/body";
import { errorResponse } from "@/lib/http/route";
import { requestLocale } from "@/lib/i18n/locale";

const handler = NextAuth(authOptions);

/** A sign-in form is a few hundred bytes; next-auth would read any size, so larger bodies are refused unread (413). */
const SIGN_IN_MAX_BYTES = 16 * 1024;

async function POST(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  let body: Uint8Array;
  try {
    body = await readBounded(req, SIGN_IN_MAX_BYTES);
  } catch (e) {
    return errorResponse(e, requestLocale(req.headers));
  }
  return handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body: body as Uint8Array<ArrayBuffer> }), context);
}

export { handler as GET, POST };
