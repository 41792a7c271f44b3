/**
 * /messages?lang=…: the templates of one language; POST /messages saves one
 * edit into the configuration file (`bookwell dev --config`) and the running
 * bot, after checking its placeholders.
 */
import type { FastifyInstance } from 'fastify';
import { createDbCatalog } from '../../../catalog/queries';
import { businessOf, type ConsoleContext, field, noticeOf, rawField, redirect } from '../../context';
import { type Notice, renderPage } from '../../layout';
import { isLanguage, isTemplateKey, templateProblem, templateRows, withTemplate } from './queries';
import { messagesBody } from './view';

const NOTICES: Record<string, Notice> = {
  saved: { tone: 'good', text: 'Saved. The bot uses it from its next message.' },
  reset: { tone: 'good', text: 'Back to the default. The bot uses it from its next message.' },
};

export function messagesRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { ports } = ctx;

  const page = async (reply: Parameters<ConsoleContext['frame']>[0], lang: string, notice: Notice | null, problem: { key: string; text: string; message: string } | null) => {
    const business = await businessOf(ports);
    const language = isLanguage(lang) ? lang : business.languages[0]!;
    const snapshot = await createDbCatalog({ prisma: ports.prisma, businessId: ports.businessId, now: ports.now }).snapshot();
    const rows = templateRows(language, ports.messages?.overrides() ?? {}, snapshot, ports.now());
    const frame = await ctx.frame(reply, { active: 'messages', title: 'Messages', notice });
    const body = messagesBody(rows, { lang: language, csrf: frame.csrf, file: ports.messages?.file?.path ?? null, studio: !!ports.messages?.studio, problem });
    return reply.type('text/html; charset=utf-8').send(renderPage(frame, body));
  };

  app.get('/messages', async (req, reply) => page(reply, String((req.query as Record<string, unknown>).lang ?? ''), noticeOf(req, NOTICES), null));

  app.post('/messages', async (req, reply) => {
    const file = ports.messages?.file;
    const lang = field(req, 'lang');
    const key = field(req, 'key');
    if (!file || !isLanguage(lang) || !isTemplateKey(key)) return reply.code(400).type('text/plain; charset=utf-8').send('400: this message cannot be edited here\n');
    const text = rawField(req, 'text');
    const problem = text.trim() === '' ? null : templateProblem(key, text);
    if (problem) return page(reply.code(422), lang, { tone: 'bad', text: `Not saved: ${key}: ${problem}.` }, { key, text, message: problem });
    await file.save(withTemplate(ports.messages!.overrides(), lang, key, text.trim() === '' ? '' : text));
    return redirect(reply, `/messages?lang=${lang}&notice=${text.trim() === '' ? 'reset' : 'saved'}#t-${key}`);
  });
}
