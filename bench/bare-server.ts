// The baseline: a bare socket.io server that puts every socket in one room and broadcasts what it is given
// (POST /emit {name, payload}), with none of the app's work (no session, policy, database, per-viewer cut).
// Same listen backlog and keep-alive as server.ts. Started by bench/run.ts; PORT from the environment.
import http from "node:http";
import { Server } from "socket.io";

const ROOM = "meeting";
const server = http.createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, (req, res) => {
  if (req.method !== "POST" || req.url !== "/emit") {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const { name, payload } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { name: string; payload: unknown };
    io.to(ROOM).emit(name, payload);
    res.writeHead(204).end();
  });
});
const io = new Server(server, { serveClient: false });
io.on("connection", (socket) => void socket.join(ROOM));
server.listen(Number(process.env.PORT), "127.0.0.1", 4096, () => process.send?.({ type: "ready" }));
process.on("disconnect", () => process.exit(0));
