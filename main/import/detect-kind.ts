/**
 * Proposing a kind for a sheet, so the UI can preselect one per file. Every kind's header is looked
 * for; a kind whose header is found scores by how many of the header's columns it explains.
 */
import { headerText } from './header-match';
import { normaliseHeader } from './header-normalise';
import { scanHeader, type SheetRows } from './headers';
import { KINDS, RETURN_EVIDENCE, SETTLEMENT_EVIDENCE, type Kind } from './kinds';

export type KindGuess = {
  kind: Kind;
  /** 0–1: at least 0.4 when the kind's header was found, below 0.4 when not */
  score: number;
  /** the header's last row (1-based) when found */
  headerRow: number | null;
};

const EVIDENCE = new Set(RETURN_EVIDENCE.map(normaliseHeader));
const SETTLEMENT_WORDS = new Set(SETTLEMENT_EVIDENCE.map(normaliseHeader));

/** Words of title rows (`2026年1月退货明细表`) that point to a kind. */
const TITLE_HINTS: Readonly<Record<Kind, RegExp>> = {
  distributors: /档案|经销商清单|客户清单|经销商名单|客户名单/,
  purchases: /进货|销售|出库|发货|采购/,
  returns: /退货/,
  promotions: /促销|活动/,
  claims: /申报/,
  settlements: /兑付|核销|返利使用/,
  balances: /余额/,
};

function titleText(rows: SheetRows, beforeRow: number): string {
  return rows
    .slice(0, Math.max(0, beforeRow))
    .flatMap((row) => row.map(headerText))
    .join(' ');
}

function hasEvidence(words: ReadonlySet<string>, headers: readonly string[]): boolean {
  return headers.some((h) => words.has(normaliseHeader(h.replace('/', ''))) || words.has(normaliseHeader(h.split('/').pop() ?? '')));
}

function guess(rows: SheetRows, kind: Kind): KindGuess {
  const scan = scanHeader(rows, kind);
  if (!scan) return { kind, score: 0, headerRow: null };
  const { match, missing, required } = scan;
  if (missing.length > 0) {
    const score = required.length === 0 ? 0 : (0.4 * (required.length - missing.length)) / required.length;
    return { kind, score, headerRow: null };
  }
  const others = match.ambiguities.reduce((n, a) => n + a.others.length, 0);
  const coverage = match.columns.length / (match.columns.length + match.unmatched.length + others);
  let score = 0.5 + 0.4 * coverage;
  // A purchases header is also a returns header: only returns-only columns make a sheet returns.
  if (kind === 'returns') score += hasEvidence(EVIDENCE, match.columns.map((c) => c.header)) ? 0.1 : -0.1;
  // A settlements header (doc, date, code, amount) is a purchases header too: its own words decide.
  const settlementWords = hasEvidence(SETTLEMENT_WORDS, [...match.columns.map((c) => c.header), ...match.unmatched.map((c) => c.header)]);
  if (kind === 'settlements') score += settlementWords ? 0.15 : -0.15;
  else if (settlementWords && (kind === 'purchases' || kind === 'returns')) score -= 0.1;
  if (TITLE_HINTS[kind].test(titleText(rows, match.headerRow - match.headerRowSpan))) score += 0.05;
  return { kind, score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, headerRow: match.headerRow };
}

/** Every kind with its score, best first (ties in the order of KINDS). */
export function rankKinds(rows: SheetRows): KindGuess[] {
  return KINDS.map((kind) => guess(rows, kind)).sort((a, b) => b.score - a.score);
}

/** The most likely kind of the sheet, or `null` when no kind's header is found in it. */
export function detectKind(rows: SheetRows): KindGuess | null {
  const [best] = rankKinds(rows);
  return best && best.headerRow !== null ? best : null;
}
