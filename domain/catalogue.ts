import type { Labels, Lang } from './lang';

/**
 * The one shape of user-facing text (issue 12): a catalogue maps a stable key to the message in
 * every language, zh-CN first. Nested label trees (export headers, the renderer's strings) are
 * written once in zh-CN and typed `Translation<typeof zh>` for English, so the key sets cannot
 * drift; scripts/catalogue.test.ts compares keys, placeholders and punctuation of every catalogue.
 */
export type Message = Labels;

/** A catalogue: stable key → the message in every language. */
export type Catalogue<K extends string = string> = Readonly<Record<K, Message>>;

/** Defines a catalogue, keeping its keys as a literal union so that a misspelt key is a type error. */
export function catalogue<const C extends Record<string, Message>>(entries: C): C {
  return entries;
}

/** The same tree with every text a string: English (or any language) for a zh-CN label tree. */
export type Translation<T> = T extends string ? string : T extends readonly unknown[] ? { readonly [I in keyof T]: Translation<T[I]> } : { readonly [K in keyof T]: Translation<T[K]> };

/** A message's text in `lang` (zh-CN when a language is missing). */
export function inLang(m: Message, lang: Lang): string {
  return m[lang] ?? m['zh-CN'];
}

/** `{name}` placeholders filled in; an unknown placeholder stays as written. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number | bigint>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

const SENTENCE_END: Readonly<Record<Lang, RegExp>> = { 'zh-CN': /[。！？]$/, en: /[.!?]$/ };
/** between the items of a list: approvers, regions, codes, kinds */
export const LIST_SEPARATOR: Readonly<Record<Lang, string>> = { 'zh-CN': '、', en: ', ' };
/** between the clauses of one line: messages, changes, a policy's scope */
export const CLAUSE_SEPARATOR: Readonly<Record<Lang, string>> = { 'zh-CN': '；', en: '; ' };
/** between two whole sentences: none in Chinese, a space in English */
const SENTENCE_GAP: Readonly<Record<Lang, string>> = { 'zh-CN': '', en: ' ' };

/**
 * Messages run together as one line: a part that already ends a sentence is followed by the next
 * directly (zh-CN) or after a space (en), so no `。；` appears; other parts are separated by `；`.
 */
export function joinSentences(parts: readonly string[], lang: Lang): string {
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    if (out === '') out = part;
    else if (SENTENCE_END[lang].test(out)) out += SENTENCE_GAP[lang] + part;
    else out += CLAUSE_SEPARATOR[lang] + part;
  }
  return out;
}
