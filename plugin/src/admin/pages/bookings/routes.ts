/**
 * /bookings: today's or the week's lines with filters (GET: nothing personal
 * in them); POST /bookings/search: by customer name or phone (a form post,
 * so the name or number never lands in an address, a history or a log);
 * /bookings/:id: one booking; POST …/cancel and …/move act through the
 * booking service (actions.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { businessOf, type ConsoleContext, field, idParam, noticeOf, redirect } from '../../context';
import { type Notice, renderPage } from '../../layout';
import { cancelFromConsole, moveFromConsole } from './actions';
import { bookingDetail, bookingLines, type BookingFilter, filterOptions, searchByCustomer, STATUSES } from './queries';
import { bookingBody, bookingsBody, searchBody } from './view';

const NOTICES: Record<string, Notice> = {
  cancelled: { tone: 'good', text: 'Booking cancelled with the provider, and the customer was told on their chat.' },
  cancelled_not_told: { tone: 'warn', text: 'Booking cancelled with the provider, but the customer could not be told from here: please let them know.' },
  already_cancelled: { tone: 'plain', text: 'That booking was already cancelled.' },
  not_cancellable: { tone: 'warn', text: 'Only a confirmed booking that has not started can be cancelled.' },
  cancel_failed: { tone: 'bad', text: 'The booking system did not answer, so nothing was cancelled. Try again in a moment.' },
  moved: { tone: 'good', text: 'Booking moved: this is the new one. The old one is cancelled and the customer was told on their chat.' },
  moved_not_told: { tone: 'warn', text: 'Booking moved (this is the new one, the old one is cancelled), but the customer could not be told from here: please let them know.' },
  moved_old_kept: { tone: 'bad', text: 'The new booking is made (this one), but the old one could not be cancelled yet: the customer holds both. Cancel the old one when the booking system answers.' },
  bad_time: { tone: 'warn', text: 'Give the new date and time.' },
  in_the_past: { tone: 'warn', text: 'The new time has already passed.' },
  bad_staff: { tone: 'warn', text: 'That staff member does not work at this branch or does not do this service.' },
  not_changeable: { tone: 'warn', text: 'Only a confirmed booking that has not started can be moved.' },
  move_failed: { tone: 'bad', text: 'The booking system did not answer, so nothing changed: the booking stands as it was.' },
  move_unknown: { tone: 'warn', text: 'The booking system did not answer in time, so the new booking may or may not be made: it shows as pending until the booking reconciler hears from the provider, which then tells the customer (and cancels the old one if the new one is made).' },
  not_found: { tone: 'warn', text: 'No such booking.' },
  read_only: { tone: 'warn', text: 'This process cannot change bookings.' },
};

function filterOf(req: FastifyRequest): BookingFilter {
  const q = req.query as Record<string, unknown>;
  const str = (k: string) => (typeof q[k] === 'string' && q[k] ? (q[k] as string) : null);
  const status = str('status');
  return {
    range: str('range') === 'week' ? 'week' : 'today',
    location: str('location'),
    staff: str('staff'),
    status: STATUSES.find((s) => s === status) ?? null,
  };
}

export function bookingsRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { ports } = ctx;
  const html = (reply: FastifyReply, page: string) => reply.type('text/html; charset=utf-8').send(page);

  app.get('/bookings', async (req, reply) => {
    const business = await businessOf(ports);
    const filter = filterOf(req);
    const [groups, options] = await Promise.all([bookingLines(ports, filter, business.timezone), filterOptions(ports)]);
    const frame = await ctx.frame(reply, { active: 'bookings', title: 'Bookings', notice: noticeOf(req, NOTICES) });
    return html(reply, renderPage(frame, bookingsBody(groups, filter, options, { zone: business.timezone, now: frame.now, csrf: frame.csrf })));
  });

  app.post('/bookings/search', async (req, reply) => {
    const business = await businessOf(ports);
    const q = field(req, 'q').slice(0, 100);
    const [lines, options] = await Promise.all([q.length >= 2 ? searchByCustomer(ports, q) : [], filterOptions(ports)]);
    const frame = await ctx.frame(reply, { active: 'bookings', title: 'Bookings' });
    return html(reply, renderPage(frame, searchBody(q, lines, filterOf(req), options, { zone: business.timezone, now: frame.now, csrf: frame.csrf })));
  });

  const showBooking = async (req: FastifyRequest, reply: FastifyReply, id: string, extra: { notice?: Notice | null; alternatives?: Date[] } = {}) => {
    const booking = await bookingDetail(ports, id);
    if (!booking) return reply.code(404).type('text/plain; charset=utf-8').send('404: no such booking\n');
    const business = await businessOf(ports);
    const frame = await ctx.frame(reply, { active: 'bookings', title: 'Booking', notice: extra.notice ?? noticeOf(req, NOTICES) });
    const body = bookingBody(booking, { zone: business.timezone, now: frame.now, csrf: frame.csrf, canChange: !!ports.booking, alternatives: extra.alternatives });
    return html(reply, renderPage(frame, body));
  };

  app.get('/bookings/:id', async (req, reply) => {
    const id = idParam(req);
    return id ? showBooking(req, reply, id) : reply.code(404).type('text/plain; charset=utf-8').send('404: no such booking\n');
  });

  app.post('/bookings/:id/cancel', async (req, reply) => {
    const id = idParam(req);
    if (!id) return reply.code(404).type('text/plain; charset=utf-8').send('404: no such booking\n');
    return redirect(reply, `/bookings/${id}?notice=${await cancelFromConsole(ports, id)}`);
  });

  app.post('/bookings/:id/move', async (req, reply) => {
    const id = idParam(req);
    if (!id) return reply.code(404).type('text/plain; charset=utf-8').send('404: no such booking\n');
    const staff = Object.keys((req.body as object | undefined) ?? {})
      .filter((k) => /^staff_\d+$/.test(k))
      .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)))
      .map((k) => field(req, k));
    const r = await moveFromConsole(ports, id, { date: field(req, 'date'), time: field(req, 'time'), staff });
    switch (r.kind) {
      case 'moved':
      case 'moved_not_told':
      case 'moved_old_kept':
        return redirect(reply, `/bookings/${r.bookingId}?notice=${r.kind}`);
      case 'slot_taken':
        // shown at once with the nearest free times (times are not personal, but there is no need to carry them around)
        return showBooking(req, reply.code(409), id, { notice: { tone: 'warn', text: 'That time was just taken at the provider. Nothing changed.' }, alternatives: r.alternatives });
      default:
        return redirect(reply, `/bookings/${id}?notice=${r.kind}`);
    }
  });
}
