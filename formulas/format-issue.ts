import type { IssueParams, SourcePosition } from './issues';
import type { Lang, Localized } from './lang';
import { FRAME, MESSAGES, TRANSLATED_PARAMS, WORDS } from './message-catalogue';

/** Anything with a message key: validation issues and evaluation failures alike. */
export interface Formattable {
  key: string;
  params: IssueParams;
  formula?: string;
  position?: SourcePosition;
}

const BY_KEY: ReadonlyMap<string, Localized> = new Map(Object.entries(MESSAGES));

function fill(template: string, params: IssueParams, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const word = TRANSLATED_PARAMS.has(name) && typeof value === 'string' ? WORDS[value] : undefined;
    return word ? word[lang] : String(value);
  });
}

/** A complete sentence for a non-programmer, in the user's language (zh-CN by default). */
export function formatIssue(item: Formattable, lang: Lang = 'zh-CN'): string {
  const message = BY_KEY.get(item.key);
  const body = message
    ? fill(message[lang], item.params, lang)
    : `${item.key} ${JSON.stringify(item.params)}`;
  const where = item.position ? fill(FRAME.position[lang], { line: item.position.line, column: item.position.column }, lang) : '';
  if (item.formula === undefined) return body + where;
  return fill(FRAME.inFormula[lang], { formula: item.formula, where, body }, lang);
}
