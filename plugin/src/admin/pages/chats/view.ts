/**
 * Waiting chats: the list, oldest first, and one chat with its summary, its
 * transcript, a reply box and "give back to the bot".
 */
import { Html, html } from '../../html';
import { badge, postForm, table, when } from '../../layout';
import type { ChatDetail, ChatSummary, TranscriptLine } from './queries';

export interface ChatsViewContext {
  zone: string;
  now: Date;
  csrf: string;
}

const who = (c: ChatSummary) => (c.customer ? html`${c.customer.name ?? html`<span class="muted">no name</span>`} <span class="muted">${c.customer.phone}</span>` : html`<span class="muted">unknown customer</span>`);

export function chatsBody(chats: ChatSummary[], v: ChatsViewContext): Html {
  if (chats.length === 0) return html`<p class="empty">No chat is waiting for a person. When the bot hands one over (the customer asked, it could not understand, or the booking system was down), it appears here.</p>`;
  return html`<p>Oldest first: the customer who has waited longest is at the top. The bot stays silent in these chats until you give them back.</p>
${table(
  ['waiting since', 'customer', 'why', 'chosen so far', ''],
  chats.map((c) => [when(c.since, v.zone, v.now), who(c), c.reason ?? '', c.summary ?? html`<span class="muted">nothing yet</span>`, html`<a href="chats/${c.id}">Open</a>`]),
  '',
  ' id="waiting"',
)}`;
}

export function chatBody(c: ChatDetail, v: ChatsViewContext & { canSend: boolean }): Html {
  const replyBox = !c.handoff
    ? html`<p class="muted">This chat is with the bot. It comes back here if the bot hands it over again.</p>`
    : !c.address
      ? html`<p class="notice warn">This process cannot tell which ${'channel'} chat this is, so you cannot reply from here. Answer the customer on the phone or WhatsApp directly.</p>`
      : !v.canSend
        ? html`<p class="notice warn">Replies cannot be sent from this process (no channel is connected).</p>`
        : postForm(
            `chats/${c.id}/reply`,
            v.csrf,
            html`<label for="reply-text">Your reply, sent on ${c.address.integration} as the business</label>
<textarea id="reply-text" name="text" required maxlength="4000"></textarea>
<div><button class="primary" type="submit">Send reply</button></div>`,
            ' class="stack" id="reply"',
          );
  const release =
    c.handoff
      ? postForm(`chats/${c.id}/release`, v.csrf, html`<button type="submit">Give back to the bot</button> <span class="muted">The bot answers the customer's next message again.</span>`, ' id="release"')
      : '';
  return html`<p><a href="chats">← all waiting chats</a></p>
<section id="chat">
<dl>
<dt>Customer</dt><dd>${who(c)}</dd>
<dt>State</dt><dd>${c.handoff ? badge('waiting') : html`<span class="badge good">with the bot</span>`}</dd>
<dt>Handed over</dt><dd>${when(c.since, v.zone, v.now)}${c.reason ? html` · ${c.reason}` : ''}</dd>
<dt>Chosen so far</dt><dd>${c.summary ?? html`<span class="muted">nothing yet</span>`}</dd>
</dl>
<h2>Conversation</h2>
${transcript(c.transcript, v)}
${replyBox}
${release}
</section>`;
}

const FROM: Record<TranscriptLine['from'], string> = { customer: 'customer', bot: 'bot', owner: 'you' };

function transcript(lines: TranscriptLine[], v: ChatsViewContext): Html {
  if (lines.length === 0) return html`<p class="empty">No messages on record for this chat.</p>`;
  return html`<ol class="transcript" id="transcript">${lines.map(
    (l) => html`<li class="${l.from}"><span class="who">${FROM[l.from]} · ${when(l.at, v.zone, v.now)}${l.status && l.status !== 'sent' ? html` · ${badge(l.status)}` : ''}</span>${l.text}</li>`,
  )}</ol>`;
}
