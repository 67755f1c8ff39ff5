// Baseline for the forum-day benchmark: a bare socket.io server on one node that rebroadcasts what a
// publisher sends to a room. No auth, no validation, no database: the floor our capture path is held to.
import http from "node:http";
import { Server } from "socket.io";

const port = Number(process.env.PORT ?? 0);
const server = http.createServer((req, res) => {
  res.writeHead(req.url === "/healthz" ? 200 : 404, { "content-type": "application/json" });
  res.end(JSON.stringify({ ok: req.url === "/healthz" }));
});
const io = new Server(server);
io.on("connection", (socket) => {
  socket.on("join", (room: string, ack?: () => void) => {
    void socket.join(room);
    ack?.();
  });
  socket.on("publish", (message: { room: string; payload: unknown }) => {
    io.to(message.room).emit("capture:new", message.payload);
  });
});
server.listen(port, process.env.HOST ?? "127.0.0.1");
process.on("SIGTERM", () => {
  io.close();
  server.close(() => process.exit(0));
});
