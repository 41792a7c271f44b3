/** /trends?days=7|14|30|90: charts of the last days. */
import type { FastifyInstance } from 'fastify';
import { businessOf, type ConsoleContext } from '../../context';
import { renderPage } from '../../layout';
import { gatherTrends, RANGES, type RangeDays } from './queries';
import { trendsBody } from './view';

export function trendsRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  app.get('/trends', async (req, reply) => {
    const asked = Number((req.query as Record<string, unknown>).days);
    const n: RangeDays = RANGES.find((r) => r === asked) ?? 14;
    const business = await businessOf(ctx.ports);
    const trends = await gatherTrends(ctx.ports, business.timezone, n);
    const frame = await ctx.frame(reply, { active: 'trends', title: 'Trends' });
    return reply.type('text/html; charset=utf-8').send(renderPage(frame, trendsBody(trends, n)));
  });
}
