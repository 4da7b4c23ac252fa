// One Node process, one port: Next.js (pages, API) and socket.io. Wiring only; rules live in lib/.
import { createServer } from "node:http";
import next from "next";
import { ensureAuthSecret } from "./lib/auth/secret.ts";
import { attachRealtime } from "./lib/realtime/server.ts";

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
ensureAuthSecret();

const httpServer = createServer();
const app = next({ dev, hostname, port, httpServer });
await app.prepare();
const handle = app.getRequestHandler();
httpServer.on("request", (req, res) => void handle(req, res));
attachRealtime(httpServer);

httpServer.listen(port, hostname, () => {
  console.log(`OpenCabinet ready on http://localhost:${port} (${dev ? "development" : "production"})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    httpServer.close();
    process.exit(0);
  });
}
