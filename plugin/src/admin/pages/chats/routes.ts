/**
 * /chats: the waiting chats; /chats/:id: one chat. POST …/reply sends the
 * owner's text through the same outbox (and channel) as the bot's replies;
 * POST …/release gives the chat back to the bot (the booking service's
 * releaseHandoff).
 */
import type { FastifyInstance } from 'fastify';
import { releaseHandoff } from '../../../booking';
import { businessOf, type ConsoleContext, field, idParam, noticeOf, redirect } from '../../context';
import type { Notice } from '../../layout';
import { renderPage } from '../../layout';
import { chatDetail, waitingChats } from './queries';
import { chatBody, chatsBody } from './view';

/** WhatsApp's own limit is 4096 characters. */
const MAX_REPLY = 4000;

const NOTICES: Record<string, Notice> = {
  sent: { tone: 'good', text: 'Reply sent. The chat stays with you until you give it back to the bot.' },
  send_failed: { tone: 'bad', text: 'The reply could not be delivered (it is kept as failed, see the overview). Check the WhatsApp link and try again.' },
  empty: { tone: 'warn', text: 'Nothing to send: type a reply first.' },
  too_long: { tone: 'warn', text: `A reply can have at most ${MAX_REPLY} characters.` },
  no_chat: { tone: 'bad', text: 'This chat cannot be reached from here.' },
  released: { tone: 'good', text: 'The chat is back with the bot.' },
  not_waiting: { tone: 'warn', text: 'That chat was not waiting for a person any more.' },
};

export function chatsRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { ports } = ctx;

  app.get('/chats', async (req, reply) => {
    const [chats, business] = await Promise.all([waitingChats(ports), businessOf(ports)]);
    const frame = await ctx.frame(reply, { active: 'chats', title: 'Waiting chats', notice: noticeOf(req, NOTICES) });
    return reply.type('text/html; charset=utf-8').send(renderPage(frame, chatsBody(chats, { zone: business.timezone, now: frame.now, csrf: frame.csrf })));
  });

  app.get('/chats/:id', async (req, reply) => {
    const id = idParam(req);
    const chat = id ? await chatDetail(ports, id) : null;
    if (!chat) return reply.code(404).type('text/plain; charset=utf-8').send('404: no such chat\n');
    const business = await businessOf(ports);
    const frame = await ctx.frame(reply, { active: 'chats', title: 'Chat', notice: noticeOf(req, NOTICES) });
    const body = chatBody(chat, { zone: business.timezone, now: frame.now, csrf: frame.csrf, canSend: !!ports.send });
    return reply.type('text/html; charset=utf-8').send(renderPage(frame, body));
  });

  app.post('/chats/:id/reply', async (req, reply) => {
    const id = idParam(req);
    const chat = id ? await chatDetail(ports, id, 0) : null;
    if (!chat) return reply.code(404).type('text/plain; charset=utf-8').send('404: no such chat\n');
    const back = (code: string) => redirect(reply, `/chats/${chat.id}?notice=${code}`);
    const text = field(req, 'text');
    if (!text) return back('empty');
    if (text.length > MAX_REPLY) return back('too_long');
    if (!chat.address || !ports.send) return back('no_chat');
    const { sent } = await ports.send({ ...chat.address, text, author: 'owner' });
    return back(sent ? 'sent' : 'send_failed');
  });

  app.post('/chats/:id/release', async (req, reply) => {
    const id = idParam(req);
    if (!id) return reply.code(404).type('text/plain; charset=utf-8').send('404: no such chat\n');
    // the flag in our database is what the bot reads (here and on Botpress Cloud)
    const { released } = await releaseHandoff({ conversationId: id, by: 'the owner console' }, ports);
    return redirect(reply, released ? '/chats?notice=released' : `/chats/${id}?notice=not_waiting`);
  });
}
