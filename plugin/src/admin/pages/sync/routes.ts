/** /sync: catalog and sync; POST /sync/run starts a full sync or a slot refresh in the background. */
import type { FastifyInstance } from 'fastify';
import { businessOf, type ConsoleContext, field, noticeOf, redirect } from '../../context';
import { type Notice, renderPage } from '../../layout';
import { branchFreshness, gatherSync, providerFailures } from './queries';
import { syncBody } from './view';

const NOTICES: Record<string, Notice> = {
  started: { tone: 'good', text: 'Sync started.' },
  busy: { tone: 'warn', text: 'A sync started here is still running: wait for it to finish.' },
  unavailable: { tone: 'warn', text: 'This process cannot start a sync.' },
};

export function syncRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { ports, runner } = ctx;

  app.get('/sync', async (req, reply) => {
    const now = ports.now();
    const [business, sync, branches, failures] = await Promise.all([businessOf(ports), gatherSync(ports, now), branchFreshness(ports, now), providerFailures(ports, ports.limit ?? 20)]);
    const progress = runner.current();
    const going = !!progress && !progress.report && !progress.error;
    const frame = await ctx.frame(reply, { active: 'sync', title: 'Catalog & sync', notice: noticeOf(req, NOTICES), refreshSeconds: going ? 2 : undefined });
    const body = syncBody({ sync, branches, failures, progress }, { zone: business.timezone, now: frame.now, csrf: frame.csrf, canRun: !!ports.sync });
    return reply.type('text/html; charset=utf-8').send(renderPage(frame, body));
  });

  app.post('/sync/run', async (req, reply) => {
    if (!ports.sync) return redirect(reply, '/sync?notice=unavailable');
    const kind = field(req, 'kind') === 'slots' ? 'slots' : 'full';
    const started = await runner.start(kind, ports.sync());
    return redirect(reply, `/sync?notice=${started ? 'started' : 'busy'}`);
  });
}
