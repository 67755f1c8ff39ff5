// Builds the one HTTP server: Express (Remix pages, JSON API, health) and socket.io on the same port.
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { pinoHttp } from "pino-http";
import { Server as SocketServer } from "socket.io";
import { pickLang, translate, LANG_COOKIE } from "../app/i18n";
import { zodErrorMap } from "../app/i18n/zod.server";
import { SOCKET_IO_CLIENT_SRC } from "../app/components/intake/island-hooks";
import { migrateToLatest, openDatabase, type DB } from "../db/connection.server";
import { createSession, destroySession, checkCredentials, SESSION_COOKIE } from "./auth/sessions.server";
import { CommandBus } from "./commands/bus.server";
import { commandIdFor } from "./commands/command-id";
import { CommandError } from "./commands/errors";
import { commands } from "./commands/registry";
import { ACCESS_REVOKED, type AccessRevoked } from "./commands/types";
import type { CocreaContext } from "./context";
import type { Env } from "./env";
import { readIslands } from "./islands.server";
import { apiRouter, state, type RequestState } from "./http/api";
import { clientKey, deviceKey, identify } from "./http/actor.server";
import {
  clearSessionCookie,
  csrfCookie,
  csrfMatches,
  csrfToken,
  CSRF_COOKIE,
  CSRF_FIELD,
  deviceCookie,
  deviceIdOf,
  langCookie,
  newCsrfSecret,
  newDeviceId,
  parseCookies,
  sessionCookie,
} from "./http/cookies";
import { Limiter } from "./http/rate-limit";
import { log, requestIds } from "./log";
import { refreshPresenceWhenNodesLeave } from "./realtime/roundtable-presence.server";
import { connectRedis, streamsAdapter, type RedisLink } from "./realtime/redis.server";
import { attachSockets, endSession, revokeAccess } from "./realtime/sockets.server";
import { ParticipationTicker } from "./realtime/participation.server";
import { PARTICIPATION_EVENTS } from "../app/live/participation-events";

export interface Cocrea {
  db: DB;
  bus: CommandBus;
  httpServer: http.Server;
  io: SocketServer;
  /** Set when REDIS_URL is: the node's link to the others. */
  redis: RedisLink | null;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export async function createCocrea(env: Env, options: { remixBuild?: ServerBuild } = {}): Promise<Cocrea> {
  const { db, sqlite } = openDatabase(env.DATABASE_URL);
  await migrateToLatest(db);
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL, env.REDIS_PREFIX) : null;

  const app = express();
  const httpServer = http.createServer(app);
  const io = new SocketServer(httpServer, {
    // Several nodes: one Redis stream carries every broadcast and the packets a disconnected client missed.
    ...(redis ? { adapter: streamsAdapter(redis) } : {}),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    // Refuse cross-site socket connections that would ride on the session cookie.
    allowRequest: (req, cb) => {
      const origin = req.headers.origin;
      cb(null, !origin || new URL(origin).host === req.headers.host);
    },
  });

  // Public commands: PUBLIC_RATE_LIMIT_PER_MINUTE per device (its cookie; a client without one counts by address),
  // and a much higher PUBLIC_ADDRESS_LIMIT_PER_MINUTE per address, so a school or a carrier NAT is not one citizen.
  // With Redis every node counts in the same store: a client spreading its requests over nodes meets one limit.
  const shared = (name: string) => (redis ? { client: redis.client, keyPrefix: `${redis.prefix}rl:${name}` } : undefined);
  const publicLimiter = new Limiter(env.PUBLIC_RATE_LIMIT_PER_MINUTE, 60, shared("public"));
  // The address ceiling is never below one device's limit (raising that one alone, as tests and benchmarks do, works).
  const addressLimiter = new Limiter(Math.max(env.PUBLIC_ADDRESS_LIMIT_PER_MINUTE, env.PUBLIC_RATE_LIMIT_PER_MINUTE), 60, shared("address"));
  const apiLimiter = new Limiter(env.API_RATE_LIMIT_PER_MINUTE, 60, shared("api"));
  const loginLimiter = new Limiter(env.LOGIN_RATE_LIMIT, 15 * 60, shared("login"));
  const participation = new ParticipationTicker(io, db);
  const bus = new CommandBus({
    db,
    commands,
    publish: (broadcasts) => {
      for (const b of broadcasts) {
        if (b.event === ACCESS_REVOKED) revokeAccess(io, b.data as AccessRevoked);
        else if (b.event === PARTICIPATION_EVENTS.touched) participation.touch((b.data as { consultationId: string }).consultationId);
        else io.to(b.room).emit(b.event, b.data);
      }
    },
    limitPublic: async (actor, type) => {
      if (actor.kind !== "anonymous") return;
      await addressLimiter.take(`${type}:address:${actor.clientKey}`);
      await publicLimiter.take(actor.deviceKey ? `${type}:device:${actor.deviceKey}` : `${type}:address:${actor.clientKey}`);
    },
    zodError: zodErrorMap,
  });
  attachSockets(io, { db, bus, secret: env.SESSION_SECRET });
  const stopPresenceRefresh = redis ? refreshPresenceWhenNodesLeave(io) : () => {};

  const cookieOpts = { secure: env.SECURE_COOKIES };
  app.disable("x-powered-by");
  if (env.TRUST_PROXY) app.set("trust proxy", true);
  // Every request gets an id (X-Request-Id) and `req.log`, which the commands it runs log through.
  app.use(requestIds);
  if (env.LOG_REQUESTS) {
    app.use(
      pinoHttp({
        logger: log,
        genReqId: (req) => req.id,
        quietReqLogger: true,
        customAttributeKeys: { reqId: "reqId" },
        // Method, path and status only: no cookies, no tokens, no addresses in the logs.
        serializers: {
          req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
          res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        },
        customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
      }),
    );
  }
  // Pages and exports are compressed; small command answers are not worth the wrapper on the hottest path.
  const compress = compression();
  app.use((req, res, next) => (req.path === "/api/v1/commands" ? next() : compress(req, res, next)));
  app.use((_req, res, next) => {
    // Scripts only from this site, inline ones only with this response's nonce (Remix's context and module loader);
    // socket.io connects back to this site ('self' covers ws: and wss: there); charts size bars with style attributes.
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    next();
  });
  app.use("/build", express.static(path.join(ROOT, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(ROOT, "public"), { maxAge: "1h" }));
  // The opinion page's island (app/islands/opinion.ts) loads socket.io's client as a plain module from here.
  app.get(SOCKET_IO_CLIENT_SRC, (_req, res) => res.sendFile(path.join(ROOT, "node_modules/socket.io-client/dist/socket.io.esm.min.js"), { maxAge: "1h" }));

  // For load balancers and monitors: 503 when this node cannot serve (database unreachable or not migrated). Redis
  // down is reported but still 200: every node would fail at once, and pages and commands still work without it.
  app.get("/healthz", async (_req, res) => {
    const [database, shared] = await Promise.all([
      db
        .selectFrom("kysely_migration" as never)
        .select("name" as never)
        .execute()
        .then((rows) => (rows.length > 0 ? "ok" : "not migrated"))
        .catch(() => "unreachable"),
      redis
        ? redis.ping().then(
            () => "ok",
            () => "unreachable",
          )
        : Promise.resolve(null),
    ]);
    const ok = database === "ok";
    res.status(ok ? 200 : 503).json(shared === null ? { ok, database } : { ok, database, redis: shared });
  });

  // Who is asking, in which language, with which CSRF cookie: computed once per request.
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const cookies = parseCookies(req.headers.cookie);
      let csrf = cookies[CSRF_COOKIE];
      // The JSON API takes no form posts, so it needs no CSRF cookie.
      if (!csrf && !req.path.startsWith("/api/")) {
        csrf = newCsrfSecret();
        res.append("Set-Cookie", csrfCookie(csrf, cookieOpts));
      }
      // The device cookie is set on a client's first request (page or API); it counts from the next one on.
      const device = deviceIdOf(cookies);
      if (!device) res.append("Set-Cookie", deviceCookie(newDeviceId(), cookieOpts));
      const key = clientKey(env.SESSION_SECRET, req.ip);
      const s: RequestState & { csrf: string | undefined } = {
        lang: pickLang(cookies[LANG_COOKIE], req.headers["accept-language"]),
        identity: await identify(db, req.headers, key, deviceKey(env.SESSION_SECRET, device)),
        clientKey: key,
        csrf,
      };
      res.locals.cocrea = s;
      next();
    } catch (e) {
      next(e);
    }
  });

  app.use("/api/v1", apiRouter({ db, bus, apiLimiter }));

  // A page path with broken %-encoding (/r/%E0%A4%A) is the client's mistake: 400, never a stack trace.
  app.use((req: Request, res: Response, next: NextFunction) => {
    try {
      decodeURIComponent(req.path);
      next();
    } catch {
      res
        .status(400)
        .type("text/plain")
        .send(translate(state(res).lang, "error.bad_request"));
    }
  });

  const islands = readIslands(ROOT);
  const build = options.remixBuild ?? ((await import(pathToFileURL(path.join(ROOT, "build/index.js")).href)) as ServerBuild);
  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res): CocreaContext => {
        const s = state(res) as RequestState & { csrf: string }; // always set outside /api/
        const { identity, lang } = s;
        return {
          lang,
          cspNonce: res.locals.cspNonce as string,
          islands,
          user: identity.user,
          actor: identity.actor,
          csrfToken: csrfToken(env.SESSION_SECRET, s.csrf),
          db,
          publicUrl: env.PUBLIC_URL ?? `${req.protocol}://${req.get("host")}`,
          run: (type, payload, opts) =>
            bus.execute({ id: opts?.commandId ?? commandIdFor(opts?.nonce, type, payload), type, payload }, identity.actor, lang, req.log),
          checkCsrfOk: (form) => csrfMatches(env.SESSION_SECRET, s.csrf, form.get(CSRF_FIELD)),
          login: async (email, password) => {
            try {
              await loginLimiter.take(`${s.clientKey}:${email.toLowerCase()}`);
            } catch (e) {
              if (e instanceof CommandError) return { error: "rate_limited", seconds: Number(e.params.seconds) };
              throw e;
            }
            const user = await checkCredentials(db, email, password);
            if (!user) return null;
            await loginLimiter.reset(`${s.clientKey}:${email.toLowerCase()}`);
            const session = await createSession(db, user.id);
            return { user, setCookie: sessionCookie(session.token, cookieOpts) };
          },
          logout: async () => {
            const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
            if (token) {
              await destroySession(db, token);
              // Sockets opened with this session stop receiving staff broadcasts now, not at their next page load.
              endSession(io, token);
            }
            return clearSessionCookie(cookieOpts);
          },
          langCookie: (l) => langCookie(l, cookieOpts),
        };
      },
    }),
  );

  return {
    db,
    bus,
    httpServer,
    io,
    redis,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    close: async () => {
      stopPresenceRefresh();
      participation.close();
      io.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await redis?.close();
      await db.destroy();
      if (sqlite?.open) sqlite.close();
    },
  };
}
