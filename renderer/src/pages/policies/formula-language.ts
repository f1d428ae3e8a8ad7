import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { RangeSetBuilder, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { Lang } from '../../../../contract/roles';
import { BUILTIN_VARIABLES, FUNCTIONS, findBuiltinVariable, findFunction, nameTokens } from '../../../../formulas';
import { rendererStrings } from '../../i18n/resources';

/**
 * The formula language in CodeMirror: names coloured by what they are (built-in variable,
 * parameter, another formula, function), and autocomplete with the Chinese labels and help texts
 * of the formula module's catalogues. Errors come from validatePolicy, set by the editor.
 */

export interface EditorNames {
  parameters: readonly string[];
  formulas: readonly string[];
  lang: Lang;
  labels: Readonly<Record<string, string>>;
}

export const setNames = StateEffect.define<EditorNames>();

const namesField = StateField.define<EditorNames>({
  create: () => ({ parameters: [], formulas: [], lang: 'zh-CN', labels: {} }),
  update: (v, tr) => tr.effects.reduce((acc, e) => (e.is(setNames) ? e.value : acc), v),
});

const mark = (cls: string): Decoration => Decoration.mark({ class: cls });
const MARKS = {
  variable: mark('cm-rd-variable'),
  parameter: mark('cm-rd-parameter'),
  formula: mark('cm-rd-formula'),
  function: mark('cm-rd-function'),
  keyword: mark('cm-rd-keyword'),
  number: mark('cm-rd-number'),
  text: mark('cm-rd-text'),
};
const KEYWORDS = new Set(['and', 'or', 'not', 'xor', 'true', 'false']);

function decorate(state: EditorState): DecorationSet {
  const text = state.doc.toString();
  const names = state.field(namesField);
  const marks: [number, number, Decoration][] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(/"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/g)) {
    marks.push([m.index, m.index + m[0].length, MARKS.text]);
    taken.push([m.index, m.index + m[0].length]);
  }
  const inside = (i: number): boolean => taken.some(([a, b]) => i >= a && i < b);
  for (const tok of nameTokens(text)) {
    const called = /^\s*\(/.test(text.slice(tok.end));
    const kind =
      called && findFunction(tok.name) ? 'function'
      : findBuiltinVariable(tok.name) ? 'variable'
      : names.parameters.includes(tok.name) ? 'parameter'
      : names.formulas.includes(tok.name) ? 'formula'
      : KEYWORDS.has(tok.name) ? 'keyword'
      : null;
    if (kind) marks.push([tok.start, tok.end, MARKS[kind]]);
    taken.push([tok.start, tok.end]);
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_$])(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?/gu)) {
    if (!inside(m.index)) marks.push([m.index, m.index + m[0].length, MARKS.number]);
  }
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const builder = new RangeSetBuilder<Decoration>();
  let last = -1;
  for (const [from, to, deco] of marks) {
    if (from < last) continue;
    builder.add(from, to, deco);
    last = to;
  }
  return builder.finish();
}

const highlight = StateField.define<DecorationSet>({
  create: decorate,
  update: (v, tr) => (tr.docChanged || tr.effects.some((e) => e.is(setNames)) ? decorate(tr.state) : v),
  provide: (f) => EditorView.decorations.from(f),
});

function options(names: EditorNames): Completion[] {
  const lang = names.lang;
  const common = rendererStrings[lang].common;
  const out: Completion[] = [];
  for (const v of BUILTIN_VARIABLES) {
    out.push({ label: v.name, detail: v.label[lang], info: v.description[lang], type: 'variable', boost: 2 });
    out.push({ label: v.alias, detail: v.name, info: v.description[lang], type: 'variable', boost: 1 });
  }
  for (const f of FUNCTIONS) {
    if (f.aliasOf) continue;
    out.push({ label: f.name, detail: f.signature, info: f.description[lang], type: 'function', apply: `${f.name}(` });
  }
  for (const p of names.parameters) out.push({ label: p, detail: common.parameter, type: 'constant', boost: 3 });
  for (const f of names.formulas) out.push({ label: f, detail: names.labels[f] ?? common.formula, type: 'property', boost: 3 });
  return out;
}

function complete(ctx: CompletionContext): CompletionResult | null {
  const word = ctx.matchBefore(/[\p{L}\p{N}_$]+/u);
  if (!word || (word.from === word.to && !ctx.explicit) || /^\d/.test(word.text)) return null;
  return { from: word.from, options: options(ctx.state.field(namesField)), validFor: /^[\p{L}\p{N}_$]*$/u };
}

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid #d9d9d9', borderRadius: '6px', backgroundColor: '#fff' },
  '&.cm-focused': { outline: 'none', borderColor: '#4096ff', boxShadow: '0 0 0 2px rgba(5,145,255,0.1)' },
  '.cm-content': { fontFamily: 'Consolas, "Cascadia Mono", "Noto Sans Mono", "Microsoft YaHei UI", "Noto Sans CJK SC", monospace', padding: '5px 0' },
  '.cm-line': { padding: '0 8px' },
  '.cm-rd-variable': { color: '#0958d9' },
  '.cm-rd-parameter': { color: '#c41d7f' },
  '.cm-rd-formula': { color: '#531dab', fontWeight: '600' },
  '.cm-rd-function': { color: '#d46b08' },
  '.cm-rd-keyword': { color: '#08979c' },
  '.cm-rd-number': { color: '#389e0d' },
  '.cm-rd-text': { color: '#7c4a03' },
  '.cm-tooltip-autocomplete .cm-completionDetail': { color: 'rgba(0,0,0,0.45)', marginLeft: '8px', fontStyle: 'normal' },
});

export const formulaLanguage = (): Extension => [namesField, highlight, theme];
export const formulaCompletion = complete;
