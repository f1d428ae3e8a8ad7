import { Dec } from './decimal';
import {
  FormulaError, ZERO, checked, describeValue, formatScalar, isList, isTable, kindOf, toNumber,
  type List, type Scalar, type Table, type Value,
} from './values';

/** The rebate-specific functions of formulas.md: ladder, progressive, lookup, clamp. */

/**
 * Thresholds must rise strictly and pair one-to-one with values; checked here at run time and,
 * through the same function, at validation time when both lists are known in advance.
 */
export function checkBands(fn: string, thresholds: List, values: List): void {
  if (thresholds.length === 0) throw new FormulaError('ladder.empty', { function: fn });
  if (thresholds.length !== values.length) {
    throw new FormulaError('ladder.lengthMismatch', {
      function: fn, thresholds: thresholds.length, values: values.length,
    });
  }
  for (let i = 1; i < thresholds.length; i++) {
    const prev = thresholds[i - 1];
    const cur = thresholds[i];
    if (prev !== undefined && cur !== undefined && !cur.greaterThan(prev)) {
      throw new FormulaError('ladder.notAscending', {
        function: fn, previous: prev.toFixed(), next: cur.toFixed(),
      });
    }
  }
}

function toList(v: Value, fn: string, argument: string): List {
  if (isList(v)) return v;
  throw new FormulaError('ladder.notList', { function: fn, argument, kind: kindOf(v) });
}

/** 阶梯: the value of the highest threshold ≤ x; 0 below the first threshold. */
export function ladder(x: Value, thresholdsArg: Value, valuesArg: Value, fn = 'ladder'): Dec {
  const n = toNumber(x, fn);
  const thresholds = toList(thresholdsArg, fn, 'thresholds');
  const values = toList(valuesArg, fn, 'values');
  checkBands(fn, thresholds, values);
  let result = ZERO;
  thresholds.forEach((t, i) => {
    const v = values[i];
    if (v !== undefined && n.greaterThanOrEqualTo(t)) result = v;
  });
  return result;
}

/** 超额累进: Σ rate_i × (the part of x between threshold_i and threshold_i+1); the last band is open. */
export function progressive(x: Value, thresholdsArg: Value, ratesArg: Value, fn = 'progressive'): Dec {
  const n = toNumber(x, fn);
  const thresholds = toList(thresholdsArg, fn, 'thresholds');
  const rates = toList(ratesArg, fn, 'rates');
  checkBands(fn, thresholds, rates);
  let total = ZERO;
  thresholds.forEach((lower, i) => {
    const rate = rates[i];
    if (rate === undefined || !n.greaterThan(lower)) return;
    const upper = thresholds[i + 1];
    const top = upper !== undefined && n.greaterThan(upper) ? upper : n;
    total = total.plus(rate.times(top.minus(lower)));
  });
  return checked(total);
}

/** Numbers are looked up by their plain text, so `lookup(month, {"1": 0.1})` finds month 1. */
function tableKey(key: Value, fn: string): string {
  if (typeof key === 'string' || typeof key === 'boolean' || Dec.isDecimal(key)) return formatScalar(key);
  throw new FormulaError('lookup.badKey', { function: fn, kind: kindOf(key) });
}

export function lookup(key: Value, tableArg: Value, fallback?: Value, fn = 'lookup', tableName = ''): Value {
  if (!isTable(tableArg)) throw new FormulaError('lookup.notTable', { function: fn, kind: kindOf(tableArg) });
  const table: Table = tableArg;
  const k = tableKey(key, fn);
  const found: Scalar | undefined = table.entries.get(k);
  if (found !== undefined) return found;
  if (fallback !== undefined) return fallback;
  throw new FormulaError('lookup.missingKey', {
    key: k, table: tableName || describeValue(table), keys: [...table.entries.keys()].join(', '),
  });
}

/** formulas.md defines it as min(hi, max(lo, x)); so with lo > hi the result is hi. */
export function clamp(x: Value, lo: Value, hi: Value, fn = 'clamp'): Dec {
  const n = toNumber(x, fn);
  const low = toNumber(lo, fn);
  const high = toNumber(hi, fn);
  const raised = n.lessThan(low) ? low : n;
  return raised.greaterThan(high) ? high : raised;
}
