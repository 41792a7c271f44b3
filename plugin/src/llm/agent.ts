/**
 * A tool-calling booking agent built with `langchain`'s createAgent, whose
 * tools are Bookwell's own plugin actions (list services, find free times,
 * book, list/cancel bookings, hand off). It is the architecture the seeds
 * describe and the baseline bench:llm measures Bookwell's rules-first design
 * against; builders who want an agent instead of the slot-filling engine can
 * start from it. Here the model decides the flow, so none of the engine's
 * guarantees (explicit yes to a full summary, never ask twice) hold.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { createAgent, tool } from 'langchain';
import { z } from 'zod';
import * as actions from '../handlers/actions';
import type { HandlerContext } from '../handlers/context';

export const AGENT_INSTRUCTIONS = `You are the WhatsApp booking assistant of {business}. Help the customer book services at a branch with a staff member at a free time.
Use the tools: list_services to know services and prices, find_availability for free times, create_booking only after the customer clearly said yes to a summary of branch, services, staff, time, name and phone.
Never invent prices or times. Answer briefly in the customer's language.`;

const json = (v: unknown) => JSON.stringify(v);

export function bookwellTools(ctx: HandlerContext, now: () => Date, conversationId?: string) {
  return [
    tool(async (input) => json(await actions.listServices(input, ctx)), {
      name: 'list_services',
      description: 'Services with prices and durations, optionally at one branch.',
      schema: z.object({ locationId: z.string().optional().describe('Branch id') }),
    }),
    tool(async (input) => json(await actions.findAvailability(input, ctx, now).catch((e: Error) => ({ error: e.message }))), {
      name: 'find_availability',
      description: 'The nearest free start times for a service at a branch.',
      schema: z.object({ locationId: z.string(), serviceId: z.string(), staffId: z.string().optional(), from: z.string().optional().describe('ISO 8601'), limit: z.number().int().optional() }),
    }),
    tool(async (input) => json(await actions.createBooking({ ...input, conversationId }, ctx).catch((e: Error) => ({ error: e.message }))), {
      name: 'create_booking',
      description: 'Book: re-checks the slot live, creates one order (idempotent) and returns its payment link.',
      schema: z.object({
        idempotencyKey: z.string(),
        locationId: z.string(),
        items: z.array(z.object({ serviceId: z.string(), staffId: z.string(), start: z.string() })),
        customer: z.object({ name: z.string(), phone: z.string(), email: z.string().optional() }),
      }),
    }),
    tool(async (input) => json(await actions.listBookings({ ...input, conversationId }, ctx)), {
      name: 'list_bookings',
      description: "The customer's upcoming bookings.",
      schema: z.object({ phone: z.string().optional() }),
    }),
    tool(async (input) => json(await actions.cancelBooking({ ...input, conversationId }, ctx).catch((e: Error) => ({ error: e.message }))), {
      name: 'cancel_booking',
      description: 'Cancel one of the customer’s bookings.',
      schema: z.object({ bookingId: z.string() }),
    }),
    tool(async (input) => json(conversationId ? await actions.handoff({ conversationId, reason: input.reason }, ctx) : { ok: false }), {
      name: 'handoff',
      description: 'Hand the chat to a person.',
      schema: z.object({ reason: z.string().optional() }),
    }),
  ];
}

export interface AgentTurn {
  reply: string;
  /** Model calls this turn made. */
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

/** One agent per conversation: it keeps the chat's messages, as an agent must (each call sends them all again). */
export function createBookingAgent(opts: { model: BaseChatModel; ctx: HandlerContext; now: () => Date; conversationId?: string }) {
  const systemPrompt = AGENT_INSTRUCTIONS.replaceAll('{business}', opts.ctx.config.business.name);
  const agent = createAgent({ model: opts.model, tools: bookwellTools(opts.ctx, opts.now, opts.conversationId), systemPrompt });
  let messages: BaseMessage[] = [];
  return {
    async say(text: string): Promise<AgentTurn> {
      const before = messages.length + 1;
      const state = await agent.invoke({ messages: [...messages, new HumanMessage(text)] });
      messages = state.messages as BaseMessage[];
      const fresh = messages.slice(before).filter((m): m is AIMessage => AIMessage.isInstance(m));
      const last = fresh.at(-1);
      return {
        reply: typeof last?.content === 'string' ? last.content : '',
        calls: fresh.length,
        promptTokens: fresh.reduce((n, m) => n + (m.usage_metadata?.input_tokens ?? 0), 0),
        completionTokens: fresh.reduce((n, m) => n + (m.usage_metadata?.output_tokens ?? 0), 0),
      };
    },
  };
}
