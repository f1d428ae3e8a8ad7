import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_STATUS_LABELS, BOOLEAN_LABELS, FIELDS, joinSentences, KIND_LABELS, ROLE_LABELS, type Lang } from '../domain';
import { BUILTIN_VARIABLES } from '../formulas/builtin-variables';
import { FUNCTIONS } from '../formulas/function-catalogue';
import { FRAME, MESSAGES, WORDS } from '../formulas/message-catalogue';
import { commands } from '../main/cli/run';
import { appMessages } from '../main/i18n/app-messages';
import { approvalMessages } from '../main/i18n/approval-messages';
import { batchMessages } from '../main/i18n/batch-messages';
import { cliCsvHeaders, cliMessages } from '../main/i18n/cli-messages';
import { exportMessages } from '../main/i18n/export-messages';
import { importServiceMessages } from '../main/i18n/import-messages';
import { ledgerMessages } from '../main/i18n/ledger-messages';
import { policyServiceMessages } from '../main/i18n/policy-messages';
import { supportMessages } from '../main/i18n/support-messages';
import { serviceMessages } from '../main/i18n/messages';
import { labels } from '../main/export/labels';
import { ledgerLabels } from '../main/export/ledger-labels';
import { KIND_DEFS } from '../main/import/kinds';
import { IMPORT_MESSAGES } from '../main/import/messages';
import { rendererStrings } from '../renderer/src/i18n/resources';

/**
 * One catalogue system (issue 12): every user-facing text exists in zh-CN and English with the same
 * keys and the same placeholders, punctuation fits the language, and no screen or command writes
 * its own `zh ? … : …` beside the catalogues.
 */
type Pair = { where: string; zh: string; en: string };

const ROOT = path.resolve(__dirname, '..');

/** Every `{ 'zh-CN': text, en: text }` entry of a flat catalogue. */
function flat(name: string, c: Readonly<Record<string, Readonly<Record<Lang, string>>>>): Pair[] {
  return Object.entries(c).map(([k, m]) => ({ where: `${name}:${k}`, zh: m['zh-CN'], en: m.en }));
}

/** Two trees of the same shape walked together; a key in one only is reported as a missing pair. */
function tree(name: string, zh: unknown, en: unknown, out: Pair[] = [], missing: string[] = []): { pairs: Pair[]; missing: string[] } {
  if (typeof zh === 'string' || typeof en === 'string') {
    if (typeof zh === 'string' && typeof en === 'string') out.push({ where: name, zh, en });
    else missing.push(name);
    return { pairs: out, missing };
  }
  if (typeof zh !== 'object' || zh === null || typeof en !== 'object' || en === null) {
    if (zh !== en && !(typeof zh === 'boolean' && typeof en === 'boolean')) missing.push(name);
    return { pairs: out, missing };
  }
  const keys = new Set([...Object.keys(zh), ...Object.keys(en)]);
  for (const k of keys) {
    if (name.endsWith('.lang') || k === 'lang') continue;
    if (!(k in zh) || !(k in en)) missing.push(`${name}.${k}`);
    else tree(`${name}.${k}`, (zh as Record<string, unknown>)[k], (en as Record<string, unknown>)[k], out, missing);
  }
  return { pairs: out, missing };
}

function labelled(name: string, items: readonly { name: string; label?: Readonly<Record<Lang, string>>; description?: Readonly<Record<Lang, string>> }[]): Pair[] {
  return items.flatMap((i) => [...(i.label ? [{ where: `${name}:${i.name}.label`, zh: i.label['zh-CN'], en: i.label.en }] : []), ...(i.description ? [{ where: `${name}:${i.name}.description`, zh: i.description['zh-CN'], en: i.description.en }] : [])]);
}

const trees = [
  tree('renderer', rendererStrings['zh-CN'], rendererStrings.en),
  tree('export', labels('zh-CN'), labels('en')),
  tree('ledger-export', ledgerLabels('zh-CN'), ledgerLabels('en')),
  tree('cli-csv', { r: cliCsvHeaders.results['zh-CN'], l: cliCsvHeaders.ledger['zh-CN'] }, { r: cliCsvHeaders.results.en, l: cliCsvHeaders.ledger.en }),
];

const ALL: Pair[] = [
  ...flat('service', serviceMessages),
  ...flat('import', IMPORT_MESSAGES),
  ...flat('formulas', MESSAGES),
  ...flat('formula-words', WORDS),
  ...flat('formula-frame', FRAME),
  ...flat('fields', Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, f.label]))),
  ...flat('kinds', KIND_LABELS),
  ...flat('import-kinds', Object.fromEntries(Object.entries(KIND_DEFS).map(([k, d]) => [k, d.label]))),
  ...flat('statuses', BATCH_STATUS_LABELS),
  ...flat('roles', ROLE_LABELS),
  ...flat('booleans', BOOLEAN_LABELS),
  ...labelled('variables', BUILTIN_VARIABLES),
  ...labelled('functions', FUNCTIONS),
  ...commands.map((c) => ({ where: `cli:${c.name}`, zh: c.summary['zh-CN'], en: c.summary.en })),
  ...trees.flatMap((t) => t.pairs),
];

const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{\{?(\w+)\}?\}/g)].map((m) => m[1] ?? ''))].sort();

const CJK = '\\u3400-\\u9fff';
/** zh-CN: half-width , ; : ( ) ! ? next to a Chinese character; two Chinese marks in a row (`。；`). */
export function zhProblems(text: string): string[] {
  const out: string[] = [];
  // a formula written out as an example (`lookup(键, 表)`) keeps the formula language's own marks
  const s = text.replace(/[A-Za-z_]\w*\([^()]*\)/g, 'f()');
  const half = new RegExp(`[${CJK}][,;:()!?]|[,;:(!?][${CJK}]|\\)[${CJK}]`, 'g');
  for (const m of s.matchAll(half)) out.push(`half-width "${m[0]}"`);
  for (const m of s.matchAll(/[。；，：、][。；，：、]/g)) out.push(`doubled "${m[0]}"`);
  return out;
}
/** English: none of the full-width marks. */
export function enProblems(s: string): string[] {
  return [...s.matchAll(/[，。：；（）！？、]/g)].map((m) => `full-width "${m[0]}"`);
}

describe('one catalogue system', () => {
  it('reads every catalogue (a sanity floor: the walk finds them all)', () => {
    expect(ALL.length).toBeGreaterThan(1500);
    for (const part of ['service:', 'import:', 'formulas:', 'renderer.', 'export.', 'cli:', 'cli-csv', 'variables:', 'kinds:']) expect(ALL.some((p) => p.where.startsWith(part)), part).toBe(true);
  });

  it('the service catalogue is the sum of its parts: no key defined twice (a later one would silently win)', () => {
    const parts = [appMessages, approvalMessages, batchMessages, cliMessages, exportMessages, importServiceMessages, ledgerMessages, policyServiceMessages, supportMessages];
    const keys = parts.flatMap((p) => Object.keys(p));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const own = Object.keys(serviceMessages).filter((k) => !keys.includes(k));
    expect(own.length + keys.length).toBe(Object.keys(serviceMessages).length);
  });

  it('zh-CN and English have the same keys in every tree', () => {
    expect(trees.flatMap((t) => t.missing)).toEqual([]);
  });

  it('every text exists in both languages with the same placeholders', () => {
    const bad = ALL.filter((p) => !p.zh || !p.en || placeholders(p.zh).join() !== placeholders(p.en).join()).map((p) => `${p.where}: ${p.zh} | ${p.en}`);
    expect(bad).toEqual([]);
  });

  it('Chinese uses full-width punctuation (，。：（）) and never doubles it; English uses none of it', () => {
    const bad = ALL.flatMap((p) => [...zhProblems(p.zh).map((x) => `${p.where} zh ${x}: ${p.zh}`), ...enProblems(p.en).map((x) => `${p.where} en ${x}: ${p.en}`)]);
    expect(bad).toEqual([]);
  });

  it('the punctuation check bites', () => {
    expect(zhProblems('导入完成：2000 行。；退货')).toEqual(['doubled "。；"']);
    expect(zhProblems('需要(审计员)')).toHaveLength(2);
    expect(zhProblems('金额 1,234.50，例如 [0, 100]')).toEqual([]);
    expect(zhProblems('查表请用 lookup(键, 表)。')).toEqual([]);
    expect(enProblems('Imported：2 rows')).toHaveLength(1);
    expect(enProblems('Use 票折/invoice')).toEqual([]);
  });

  it('messages run together without doubled punctuation', () => {
    expect(joinSentences(['进货：导入完成：2,000 行。', '退货：导入完成：10 行。'], 'zh-CN')).toBe('进货：导入完成：2,000 行。退货：导入完成：10 行。');
    expect(joinSentences(['文件为空', '已跳过'], 'zh-CN')).toBe('文件为空；已跳过');
    expect(joinSentences(['Imported: 2 rows.', 'Imported: 3 rows.'], 'en')).toBe('Imported: 2 rows. Imported: 3 rows.');
    expect(zhProblems(joinSentences(['导入完成：2000 行。', '退货'], 'zh-CN'))).toEqual([]);
  });
});

/** Files that are catalogues (or choose one by language): the only places a language is branched on. */
const CATALOGUE_FILES = new Set(['main/export/labels.ts', 'main/export/ledger-labels.ts', 'main/import/messages.ts']);
const LANGUAGE_BRANCH = /\bzh\s*\?|\bisZh\s*\?|===\s*'zh-CN'\s*\?|===\s*'en'\s*\?|\bzh\(\w+(\.\w+)?\)\s*\?|(\bzh|===\s*'zh-CN')\s*\n\s*\?/;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (name === 'node_modules') continue;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(tsx?|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** Every folder whose code writes text a user reads: the app, the kernel, the shared contract, the scripts, bench and reliability reports. */
const SOURCE_DIRS = ['main', 'renderer/src', 'formulas', 'contract', 'domain', 'preload', 'scripts', 'bench', 'reliability'];
/**
 * A text with a mark glued on in code (`{t('signIn.server')}：`, `${label}：${value}`): the mark belongs
 * in the catalogue, in each language's form (an English screen got the Chinese colon).
 */
const GLUED_MARK = /\{t\([^{}]*\)\}[:,]|\}[：，。；]/;
/** Catalogues write their marks themselves. */
const isCatalogue = (f: string): boolean => CATALOGUE_FILES.has(f) || /\/i18n\/|messages\.ts$|message-catalogue\.ts$|labels\.ts$|^domain\//.test(f);
/** Code without its comments (a comment may quote the mark it forbids). */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm, '$1');

describe('no inline language ternaries', () => {
  it('no `zh ? … : …` outside the catalogues (every source folder)', () => {
    const found = SOURCE_DIRS.flatMap(sources)
      .filter((f) => !CATALOGUE_FILES.has(f))
      .filter((f) => LANGUAGE_BRANCH.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('no doubled 。； and no punctuation glued to a catalogue text in any source', () => {
    const found = SOURCE_DIRS.flatMap(sources).filter((f) => {
      const text = code(readFileSync(path.join(ROOT, f), 'utf8'));
      return /。；/.test(text) || (!isCatalogue(f) && GLUED_MARK.test(text));
    });
    expect(found).toEqual([]);
    for (const glued of ["<Text>{t('signIn.server')}：</Text>", "title={`${t('header.server')}: ${url}`}", '{kindText(t, k.kind)}：{rows}', 'value: `${l.reject}：${who}`']) expect(GLUED_MARK.test(glued), glued).toBe(true);
    expect(GLUED_MARK.test("<Text>{t('signIn.server')}</Text>")).toBe(false);
    expect(code('a // 。；\nb /* 。； */ c')).not.toMatch(/。；/);
  });

  it('the ternary check bites', () => {
    for (const s of ["const x = zh ? '是' : 'Yes';", "lang === 'zh-CN' ? a : b", "const head = zh\n    ? ['a']\n    : ['b'];", "text: zh(c.lang) ? `a` : `b`"]) expect(LANGUAGE_BRANCH.test(s), s).toBe(true);
    expect(LANGUAGE_BRANCH.test("t('cli.total', {}, lang)")).toBe(false);
  });
});

describe('one word for one thing', () => {
  // workflow.md's "content hash" of a batch is 内容哈希 on every screen, in the CLI and in every workbook
  // (内容指纹 was used beside it for the same SHA-256; 指纹 stays the certificate's fingerprint)
  const OTHER_HASH_WORD = /内容指纹/;
  it('the batch hash is 内容哈希 everywhere, never 内容指纹', () => {
    expect(ALL.filter((p) => OTHER_HASH_WORD.test(p.zh)).map((p) => p.where)).toEqual([]);
    const inSources = SOURCE_DIRS.flatMap(sources).filter((f) => OTHER_HASH_WORD.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(inSources).toEqual([]);
    expect(ALL.filter((p) => /内容哈希/.test(p.zh)).length).toBeGreaterThan(3);
  });
});
