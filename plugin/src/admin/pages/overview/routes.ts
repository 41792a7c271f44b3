/** `/`: the overview; `/api/status`: its data (and the sync state and latest bookings) as JSON. */
import type { FastifyInstance } from 'fastify';
import { businessOf, type ConsoleContext } from '../../context';
import { renderPage } from '../../layout';
import { countToday } from '../bookings/queries';
import { countWaiting } from '../chats/queries';
import { gatherAdminStatus } from './queries';
import { overviewBody } from './view';

export function overviewRoutes(app: FastifyInstance, ctx: ConsoleContext, refreshSeconds: number): void {
  const { ports } = ctx;

  app.get('/api/status', async (_req, reply) => {
    void reply.type('application/json; charset=utf-8');
    return gatherAdminStatus(ports);
  });

  app.get('/', async (_req, reply) => {
    const business = await businessOf(ports);
    const [status, waiting, bookingsToday] = await Promise.all([gatherAdminStatus(ports), countWaiting(ports), countToday(ports, business.timezone)]);
    const qrSvg = status.whatsapp?.state === 'qr' && status.whatsapp.qr ? await ctx.qr(status.whatsapp.qr) : null;
    // it follows the bot (and a QR code that changes every few seconds); it has no form to lose
    const frame = await ctx.frame(reply, { active: 'overview', title: 'Overview', refreshSeconds });
    return reply.type('text/html; charset=utf-8').send(renderPage(frame, overviewBody(status, { qrSvg, waiting, bookingsToday })));
  });
}
