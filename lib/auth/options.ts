// next-auth v4: credentials provider, JWT sessions. The JWT carries the user id and a server-side session id
// (lib/auth/sessions.ts); the actor is re-read per request, and only while the session is live.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkCredentials } from "./login.ts";
import { AppError } from "../errors/index.ts";
import { clientAddress } from "../http/forwarding.ts";
import { authSecret, secureCookies, SESSION_MAX_AGE_S } from "./session.ts";
import { endSession, startSession } from "./sessions.ts";

export const authOptions: NextAuthOptions = {
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  useSecureCookies: secureCookies,
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const address = clientAddress(req.headers ?? {});
        try {
          const user = await checkCredentials(credentials.email, credentials.password, address);
          if (!user) return null;
          return { id: user.id, name: user.name, email: user.email, sessionId: await startSession(user.id, address) };
        } catch (e) {
          // next-auth passes the message to the client as `error`; the login page maps it to a UI message.
          if (e instanceof AppError && e.code === "RATE_LIMITED") throw new Error("RATE_LIMITED");
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
  events: {
    // next-auth clears the cookie; this makes the token itself worthless, wherever a copy of it is.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid, "signedOut");
    },
  },
};
