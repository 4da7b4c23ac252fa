import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { ensureAuthSecret } from "@/lib/auth/secret";

ensureAuthSecret();
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
