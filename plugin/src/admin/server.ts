/**
 * Serves the admin page (fastify): `GET /` (HTML), `GET /api/status` (the same
 * data as JSON) and `GET /healthz`. Read-only, on 127.0.0.1 by default. The
 * page shows customers' names and phone numbers, so:
 * - with a `token`, every route but `/healthz` needs `?token=` or
 *   `Authorization: Bearer` (401 otherwise), and binding beyond loopback
 *   without one is refused;
 * - on loopback, a request whose Host header is not a loopback name is
 *   refused, so a web page the owner visits cannot read it through DNS
 *   rebinding;
 * - no scripts are allowed and no referrer leaves (the token may be in the URL).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyRequest } from 'fastify';
import { gatherAdminStatus, type AdminPorts } from './data';
import { createQrRenderer } from './qr';
import { renderAdminPage } from './render';

export interface AdminServerOptions extends AdminPorts {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  token?: string;
  /** Seconds between page reloads (default 5: a WhatsApp QR code lives about 20 s). */
  refreshSeconds?: number;
}

export interface AdminServer {
  /** Base URL, e.g. `http://127.0.0.1:4400/` (without the token). */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const isLoopback = (host: string) => LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export async function startAdminServer(opts: AdminServerOptions): Promise<AdminServer> {
  const { port, host = '127.0.0.1', token, refreshSeconds = 5, ...ports } = opts;
  if (token !== undefined && token.length === 0) throw new Error('admin page: the token is empty');
  if (!isLoopback(host) && !token) throw new Error(`admin page: it shows customer data, so listening on ${host} needs a token`);
  const qr = createQrRenderer();
  const app = Fastify({ logger: false });

  app.addHook('onRequest', async (req, reply) => {
    void reply.headers(SECURITY_HEADERS);
    if (isLoopback(host) && !isLoopback(hostnameOf(req.headers.host))) {
      return reply.code(403).type('text/plain; charset=utf-8').send('403: the admin page answers only to 127.0.0.1 or localhost\n');
    }
    if (token && req.url.split('?')[0] !== '/healthz' && !hasToken(req, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="bookwell-admin"')
        .type('text/plain; charset=utf-8')
        .send('401: this admin page needs its token: open it as /?token=<token> or send "Authorization: Bearer <token>"\n');
    }
  });

  app.get('/healthz', async () => ({ ok: true }));

  app.get('/api/status', async (_req, reply) => {
    void reply.type('application/json; charset=utf-8');
    return gatherAdminStatus(ports);
  });

  app.get('/', async (req, reply) => {
    const status = await gatherAdminStatus(ports);
    const qrSvg = status.whatsapp?.state === 'qr' && status.whatsapp.qr ? await qr(status.whatsapp.qr) : null;
    // the JSON link keeps a query token so it opens from the page as the page did
    const queryToken = tokenInQuery(req);
    const jsonHref = queryToken ? `api/status?token=${encodeURIComponent(queryToken)}` : 'api/status';
    return reply.type('text/html; charset=utf-8').send(renderAdminPage(status, { qrSvg, refreshSeconds, jsonHref }));
  });

  app.setErrorHandler(async (err, _req, reply) => {
    const message = err instanceof Error ? err.message : String(err);
    return reply.code(500).type('text/plain; charset=utf-8').send(`500: the admin page could not read its data: ${message}\n`);
  });

  try {
    const address = await app.listen({ host, port });
    return { url: `${address}/`, close: () => app.close() };
  } catch (err) {
    await app.close();
    throw err;
  }
}

function hostnameOf(header: string | undefined): string {
  if (!header) return '';
  // "[::1]:4400" → "[::1]", "localhost:4400" → "localhost"
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(header.trim().toLowerCase());
  return m ? m[1]! : '';
}

function tokenInQuery(req: FastifyRequest): string | null {
  const t = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof t === 'string' ? t : null;
}

function hasToken(req: FastifyRequest, token: string): boolean {
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : null;
  const given = bearer ?? tokenInQuery(req);
  return given !== null && sameSecret(given, token);
}

/** Constant-time comparison (over digests, so the lengths need not match). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
