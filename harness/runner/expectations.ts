/** Checks one turn's `bot:` expectations against what the target observed. */
import type { BotLocs } from './load';
import { asList, show, subsetMismatches, toMatcher } from './match';
import type { SourceLoc } from './positions';
import type { BotExpect } from './schema';
import type { TurnObservation } from './target';
import { detectLanguage } from './language';

export interface ExpectationFailure {
  name: string;
  message: string;
  expected: unknown;
  actual: unknown;
  at: SourceLoc;
}

export function checkBot(bot: BotExpect | undefined, o: TurnObservation, locs: BotLocs, stepAt: SourceLoc): ExpectationFailure[] {
  if (!bot) return [];
  const text = o.replies.join('\n');
  const out: ExpectationFailure[] = [];
  const fail = (name: keyof BotExpect, message: string, expected: unknown, actual: unknown) =>
    out.push({ name: `bot.${name}`, message, expected, actual, at: locs[name] ?? stepAt });
  if (bot.asks !== undefined && o.asked !== bot.asks) fail('asks', `expected the bot to ask for ${show(bot.asks)}, it asked for ${show(o.asked)}`, bot.asks, o.asked);
  for (const p of asList(bot.says)) if (!toMatcher(p)(text)) fail('says', `replies do not contain ${show(p)}`, p, o.replies);
  for (const p of asList(bot.notSays)) if (toMatcher(p)(text)) fail('notSays', `replies contain ${show(p)}`, `not ${p}`, o.replies);
  if (bot.state) {
    const diff = subsetMismatches(bot.state, o.state);
    if (diff.length) fail('state', `state differs: ${diff.join('; ')}`, bot.state, o.state);
  }
  if (bot.nothing && o.replies.length) fail('nothing', `expected no reply, got ${o.replies.length}`, [], o.replies);
  if (bot.handoff !== undefined && o.handoff !== bot.handoff) fail('handoff', bot.handoff ? 'expected a handoff to a human' : 'expected no handoff', bot.handoff, o.handoff);
  if (bot.paymentLink !== undefined && (o.paymentLink !== null) !== bot.paymentLink)
    fail('paymentLink', bot.paymentLink ? 'expected a payment link' : 'expected no payment link', bot.paymentLink, o.paymentLink);
  if (bot.language) {
    const wrong = o.replies.map((r) => [r, detectLanguage(r)] as const).filter(([, l]) => l && l !== bot.language);
    if (wrong.length) fail('language', `expected replies in ${bot.language}, got ${wrong.map(([, l]) => l).join(', ')}`, bot.language, wrong.map(([r]) => r));
  }
  return out;
}
