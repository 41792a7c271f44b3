/**
 * Every customer-facing template per language: its default, the owner's
 * override if any, the text in force and a preview with sample values; and
 * the check an edit must pass before it is saved (only placeholders the bot
 * fills for that message).
 */
import type { CatalogSnapshot, Language } from '../../../catalog/types';
import { DEFAULT_TEMPLATES, type TemplateKey, type TemplateOverrides, templater } from '../../../conversation/templates';
import { sampleValues } from './samples';

export const LANGUAGES: Language[] = ['en', 'ar', 'es'];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ar: 'Arabic', es: 'Spanish' };
/** Longer than any message WhatsApp takes whole would be a mistake, not a template. */
export const MAX_TEMPLATE = 2000;

export interface TemplateRow {
  key: TemplateKey;
  default: string;
  override: string | null;
  text: string;
  preview: string;
  /** Placeholders of the default the text in force leaves out (the customer will not see those values). */
  missing: string[];
}

const placeholdersOf = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];

/** The placeholders the bot fills for a message: those of its defaults, in every language. */
export function placeholdersFor(key: TemplateKey): string[] {
  return [...new Set(LANGUAGES.flatMap((l) => placeholdersOf(DEFAULT_TEMPLATES[l][key])))];
}

export function templateRows(lang: Language, overrides: TemplateOverrides, snapshot: CatalogSnapshot, now: Date): TemplateRow[] {
  const render = templater(lang, overrides);
  const samples = sampleValues(snapshot, lang, now);
  return (Object.keys(DEFAULT_TEMPLATES[lang]) as TemplateKey[]).map((key) => {
    const override = overrides[lang]?.[key] ?? null;
    const text = override ?? DEFAULT_TEMPLATES[lang][key];
    const used = placeholdersOf(text);
    return { key, default: DEFAULT_TEMPLATES[lang][key], override, text, preview: render(key, samples), missing: placeholdersOf(DEFAULT_TEMPLATES[lang][key]).filter((p) => !used.includes(p)) };
  });
}

export const isTemplateKey = (key: string): key is TemplateKey => Object.hasOwn(DEFAULT_TEMPLATES.en, key);
export const isLanguage = (lang: string): lang is Language => (LANGUAGES as string[]).includes(lang);

/** Why an edited text cannot be saved, or null. */
export function templateProblem(key: TemplateKey, text: string): string | null {
  if (text.length > MAX_TEMPLATE) return `a message can have at most ${MAX_TEMPLATE} characters`;
  const allowed = placeholdersFor(key);
  const unknown = placeholdersOf(text).filter((p) => !allowed.includes(p));
  if (unknown.length) {
    const list = (xs: string[]) => xs.map((p) => `{${p}}`).join(', ');
    return `${list(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not filled in for this message${allowed.length ? `; it can use ${list(allowed)}` : '; it takes no placeholders'}`;
  }
  return null;
}

/** The overrides with one template set (a text) or back to its default (empty text). */
export function withTemplate(overrides: TemplateOverrides, lang: Language, key: TemplateKey, text: string): TemplateOverrides {
  const forLang = { ...overrides[lang] };
  if (text === '' || text === DEFAULT_TEMPLATES[lang][key]) delete forLang[key];
  else forLang[key] = text;
  const next: TemplateOverrides = { ...overrides, [lang]: forLang };
  if (Object.keys(forLang).length === 0) delete next[lang];
  return next;
}
