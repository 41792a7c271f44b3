/**
 * Messages: every template of one language with the text in force and a
 * preview; an edit box per template when they are saved in a local
 * configuration file, else where to edit them.
 */
import type { Language } from '../../../catalog/types';
import { Html, html, raw } from '../../html';
import { postForm } from '../../layout';
import { LANGUAGE_NAMES, LANGUAGES, type TemplateRow } from './queries';

export interface MessagesViewContext {
  lang: Language;
  csrf: string;
  /** The configuration file edits are saved to; null: not editable here. */
  file: string | null;
  studio: boolean;
  /** The template whose edit was refused, and why (shown on its row). */
  problem?: { key: string; text: string; message: string } | null;
}

export function messagesBody(rows: TemplateRow[], v: MessagesViewContext): Html {
  const tabs = html`<nav class="filters" id="languages">${LANGUAGES.map((l) =>
    l === v.lang ? html`<b>${LANGUAGE_NAMES[l]}</b>` : html`<a href="messages?lang=${l}">${LANGUAGE_NAMES[l]}</a>`,
  )}</nav>`;
  const where = v.studio
    ? html`<p class="notice plain">The bot runs on Botpress Cloud: edit these messages in the Botpress studio (your bot → the Bookwell plugin → its configuration → <b>Messages</b>). This page shows the defaults and previews them.</p>`
    : v.file
      ? html`<p>Edits are saved to <code>${v.file}</code> and used by the bot from its next message. Empty a box (or type the default back) to go back to the default.</p>`
      : html`<p class="notice plain">To edit these here, start the bot with a configuration file: <code>npx bookwell dev --config bookwell.config.json</code> (it is created if missing). On Botpress Cloud, edit them in the studio.</p>`;
  const overridden = rows.filter((r) => r.override !== null).length;
  return html`${tabs}${where}
<p class="muted">${rows.length} messages, ${overridden} changed from the default. {placeholders} are filled in by the bot; the preview uses sample values from your catalog.</p>
<table id="templates"><thead><tr><th>message</th><th>text</th><th>preview</th></tr></thead><tbody>${rows.map((r) => row(r, v))}</tbody></table>`;
}

function row(r: TemplateRow, v: MessagesViewContext): Html {
  const problem = v.problem?.key === r.key ? v.problem : null;
  const rtl = v.lang === 'ar' ? raw(' dir="rtl"') : '';
  const text = v.file
    ? postForm(
        'messages',
        v.csrf,
        html`<input type="hidden" name="lang" value="${v.lang}"><input type="hidden" name="key" value="${r.key}">
<textarea name="text" aria-label="${r.key}"${rtl}>${problem ? problem.text : r.text}</textarea>
${problem ? html`<p class="notice bad">${problem.message}</p>` : ''}
<div><button type="submit">Save</button>${r.override !== null ? html` <span class="muted">default: ${r.default}</span>` : ''}</div>`,
        ' class="stack"',
      )
    : html`<pre class="preview"${rtl}>${r.text}</pre>`;
  return html`<tr id="t-${r.key}"><td><code>${r.key}</code>${r.override !== null ? html`<br><span class="badge warn">changed</span>` : ''}</td><td>${text}${
    r.missing.length ? html`<p class="muted">Leaves out ${r.missing.map((p) => `{${p}}`).join(', ')}: the customer will not see ${r.missing.length === 1 ? 'that value' : 'those values'}.</p>` : ''
  }</td><td><pre class="preview"${rtl}>${r.preview}</pre></td></tr>`;
}
