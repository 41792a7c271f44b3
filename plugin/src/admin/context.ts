/**
 * What every page's routes get: the ports, this process's sync runner and QR
 * renderer, the frame of a page for a request, and the post → redirect →
 * get notices (a fixed code in the address, never data: no names, phones or
 * message text in URLs).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../catalog/types';
import { csrfToken } from './access';
import type { Frame, NavKey, Notice } from './layout';
import { countWaiting } from './pages/chats/queries';
import type { SyncRunner } from './pages/sync/runner';
import type { AdminPorts } from './ports';
import type { QrRenderer } from './qr';

export interface ConsoleContext {
  ports: AdminPorts;
  runner: SyncRunner;
  qr: QrRenderer;
  frame(reply: FastifyReply, page: { active: NavKey; title: string; notice?: Notice | null; refreshSeconds?: number }): Promise<Frame>;
}

export function createContext(ports: AdminPorts, runner: SyncRunner, qr: QrRenderer): ConsoleContext {
  return {
    ports,
    runner,
    qr,
    async frame(reply, page) {
      const [business, waiting] = await Promise.all([businessOf(ports), countWaiting(ports)]);
      return { ...page, business, now: ports.now(), csrf: csrfToken(reply), waiting };
    },
  };
}

const LANGUAGES: readonly string[] = ['en', 'ar', 'es'] satisfies Language[];

/** The business row (its languages, first the default, never empty); before start-up writes it the console still renders. */
export async function businessOf(ports: AdminPorts): Promise<{ id: string; name: string; timezone: string; languages: Language[] }> {
  const row = await ports.prisma.business.findUnique({ where: { id: ports.businessId }, select: { id: true, name: true, timezone: true, languages: true } });
  const languages = (row?.languages ?? []).filter((l): l is Language => LANGUAGES.includes(l));
  return { id: ports.businessId, name: ports.businessId, timezone: 'UTC', ...row, languages: languages.length ? languages : ['en'] };
}

/** The notice a redirect asked for (`?notice=<code>`), looked up in the page's own table. */
export function noticeOf(req: FastifyRequest, notices: Record<string, Notice>): Notice | null {
  const code = (req.query as Record<string, unknown> | undefined)?.notice;
  return typeof code === 'string' && Object.hasOwn(notices, code) ? notices[code]! : null;
}

/** A form field as a trimmed string ('' when absent or not a string). */
export function field(req: FastifyRequest, name: string): string {
  return rawField(req, name).trim();
}

/** A form field as typed (a template's spaces matter), with the browser's CRLF line breaks made LF. */
export function rawField(req: FastifyRequest, name: string): string {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
}

/** Route parameters are ours (row ids): anything else is a 404, not a query. */
export function idParam(req: FastifyRequest): string | null {
  const id = (req.params as { id?: unknown }).id;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}

export const redirect = (reply: FastifyReply, to: string) => reply.redirect(to, 303);
