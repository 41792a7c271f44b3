/**
 * Who may use the console, and how its actions are protected. It shows
 * customers' names, phone numbers and chats, and it cancels bookings, so:
 * - it listens on 127.0.0.1 by default, and a request naming another host is
 *   refused (a web page the owner visits cannot reach it through DNS rebinding);
 * - with a token (required beyond loopback) every route but `/healthz` needs it:
 *   `Authorization: Bearer`, or `?token=` once, which sets an HttpOnly,
 *   SameSite=Strict cookie and redirects to the same page without it, so the
 *   token does not stay in the address bar or the history;
 * - every POST carries a CSRF token (@fastify/csrf-protection, its secret in
 *   an HttpOnly SameSite=Strict cookie): a form on another site cannot act;
 * - pages run no scripts, load nothing from elsewhere and send no referrer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
export const isLoopback = (host: string) => LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

const SESSION_COOKIE = 'bookwell_console';

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export interface AccessOptions {
  host: string;
  token?: string;
}

export function checkAccessOptions({ host, token }: AccessOptions): void {
  if (token !== undefined && token.length === 0) throw new Error('admin page: the token is empty');
  if (!isLoopback(host) && !token) throw new Error(`admin page: it shows customer data, so listening on ${host} needs a token`);
}

export async function registerAccess(app: FastifyInstance, { host, token }: AccessOptions): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
  await app.register(fastifyCsrf, { cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true } });
  const session = token ? sessionValue(token) : null;

  app.addHook('onRequest', async (req, reply) => {
    void reply.headers(SECURITY_HEADERS);
    if (isLoopback(host) && !isLoopback(hostnameOf(req.headers.host))) {
      return reply.code(403).type('text/plain; charset=utf-8').send('403: the admin page answers only to 127.0.0.1 or localhost\n');
    }
    const path = req.url.split('?')[0]!;
    if (!token || !session || path === '/healthz') return;
    const query = tokenInQuery(req);
    if (query !== null && sameSecret(query, token) && req.method === 'GET' && !path.startsWith('/api/')) {
      // trade the token in the address for a cookie, and drop it from the address
      void reply.setCookie(SESSION_COOKIE, session, { path: '/', httpOnly: true, sameSite: 'strict' });
      return reply.redirect(withoutToken(req.url), 303);
    }
    if (!hasToken(req, token, session)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="bookwell-admin"')
        .type('text/plain; charset=utf-8')
        .send('401: this admin page needs its token: open it as /?token=<token> or send "Authorization: Bearer <token>"\n');
    }
  });

  // the token is read from the parsed form, so the check runs once the body is in
  app.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'GET' || req.method === 'HEAD') return done();
    app.csrfProtection(req, reply, done);
  });
}

/** The token for the forms of the page being rendered (sets the CSRF secret cookie when there is none yet). */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
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

function withoutToken(url: string): string {
  const u = new URL(url, 'http://console.invalid');
  u.searchParams.delete('token');
  return `${u.pathname}${u.search}`;
}

function hasToken(req: FastifyRequest, token: string, session: string): boolean {
  const cookie = req.cookies[SESSION_COOKIE];
  if (cookie && sameSecret(cookie, session)) return true;
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : null;
  const given = bearer ?? tokenInQuery(req);
  return given !== null && sameSecret(given, token);
}

/** What the session cookie holds: derived from the token, so the token itself is never stored in the browser. */
function sessionValue(token: string): string {
  return createHash('sha256').update(`bookwell-console-session:${token}`).digest('hex');
}

/** Constant-time comparison (over digests, so the lengths need not match). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
