import type { Ast } from './ast';
import { toDec } from './decimal';
import { suggest } from './edit-distance';
import { FUNCTION_NAMES, findFunction } from './function-catalogue';
import { issue, type Issue } from './issues';
import { EAGER_FUNCTIONS, canonicalFunctionName } from './math-functions';
import type { MessageKey } from './message-catalogue';
import { BINARY_OPERATORS, UNARY_OPERATORS } from './operators';
import { checkBands } from './rebate-functions';
import type { Frame, NameTarget, Scope } from './scope';
import { locateName } from './source-position';
import {
  FormulaError, isList, isScalar, isTable, kindOf, toCondition, toNumber,
  type Scalar, type Table, type Value, type ValueKind,
} from './values';

export type Evaluator = (frame: Frame) => Value;

interface Compiled {
  run: Evaluator;
  /** Set when the value is known without any distributor's data (literals, parameters). */
  constant?: Value;
}

/** What compiling one formula found out. */
export interface CompileOutput {
  run?: Evaluator;
  issues: Issue[];
  /** Formulas this one reads directly (for the evaluation order and cycle detection). */
  formulaRefs: Set<string>;
  /** Built-in variables this one reads directly (their input must be present). */
  variableRefs: Set<string>;
}

/**
 * Compiles one formula's AST into a closure over exact decimals. Names are resolved here once;
 * parameters and literals are folded to constants, which also lets the static checks (ladder
 * lists, lookup tables, `10^10^10`, `1/0`) report at validation time rather than per distributor.
 */
export function compileFormula(ast: Ast, scope: Scope, formula: string, expr: string): CompileOutput {
  const issues: Issue[] = [];
  const formulaRefs = new Set<string>();
  const variableRefs = new Set<string>();
  let lazyDepth = 0;
  let failed = false;

  function report(key: MessageKey, params: Issue['params'] = {}, name?: string): void {
    failed = true;
    const position = name === undefined ? undefined : locateName(expr, name);
    issues.push(issue(key, params, position ? { formula, position } : { formula }));
  }

  function constant(value: Value): Compiled {
    return { run: () => value, constant: value };
  }

  const broken: Compiled = { run: () => { throw new FormulaError('eval.internal', { detail: 'invalid formula' }); } };

  /** Folds a node whose inputs are all constants; a failure is an issue unless in a lazy branch. */
  function fold(run: Evaluator): Compiled {
    try {
      return constant(run({ slots: [] }));
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      if (lazyDepth === 0) report(error.key, error.params);
      return { run: () => { throw error; } };
    }
  }

  function staticKind(node: Ast, target: NameTarget | undefined): ValueKind | 'formula' | 'expression' {
    if (target?.kind === 'parameter') return kindOf(target.value);
    if (target?.kind === 'formula') return 'formula';
    if (target?.kind === 'variable') return target.variable.kind;
    if (node.kind === 'list') return 'list';
    if (node.kind === 'table') return 'table';
    if (node.kind === 'number') return 'number';
    if (node.kind === 'text') return 'text';
    return 'expression';
  }

  /** ladder/progressive need list literals or list parameters; lookup a table of either kind. */
  function checkStructuredArgs(fn: string, canonical: string, args: readonly Ast[], compiled: readonly Compiled[]): void {
    const kindAt = (i: number): string => {
      const node = args[i];
      if (!node) return 'expression';
      return staticKind(node, node.kind === 'name' ? scope.resolve(node.name) : undefined);
    };
    if (canonical === 'ladder' || canonical === 'progressive') {
      const names = ['thresholds', canonical === 'ladder' ? 'values' : 'rates'];
      let listsOk = true;
      names.forEach((argument, k) => {
        const kind = kindAt(k + 1);
        if (kind !== 'list') {
          listsOk = false;
          report('ladder.notList', { function: fn, argument, kind });
        }
      });
      const thresholds = compiled[1]?.constant;
      const values = compiled[2]?.constant;
      if (listsOk && thresholds !== undefined && values !== undefined && isList(thresholds) && isList(values)) {
        try {
          checkBands(fn, thresholds, values);
        } catch (error) {
          if (!(error instanceof FormulaError)) throw error;
          report(error.key, error.params, fn);
        }
      }
    }
    if (canonical === 'lookup') {
      const kind = kindAt(1);
      if (kind !== 'table') report('lookup.notTable', { function: fn, kind });
    }
  }

  function compileName(name: string): Compiled {
    const target = scope.resolve(name);
    if (target === undefined) {
      const suggestion = suggest(name, [...scope.valueNames(), ...FUNCTION_NAMES]);
      if (suggestion) report('name.unknownDidYouMean', { name, suggestion }, name);
      else report('name.unknown', { name }, name);
      return broken;
    }
    switch (target.kind) {
      case 'parameter':
        return constant(target.value);
      case 'function':
        report('name.isFunction', { name }, name);
        return broken;
      case 'variable':
      case 'formula': {
        if (target.kind === 'formula') formulaRefs.add(target.name);
        else variableRefs.add(target.variable.name);
        const slot = target.slot;
        return {
          run: (f) => {
            const v = f.slots[slot];
            if (v === undefined) throw new FormulaError('eval.internal', { detail: `${name} has no value` });
            return v;
          },
        };
      }
    }
  }

  function lazily(node: Ast): Compiled {
    lazyDepth++;
    try {
      return compile(node);
    } finally {
      lazyDepth--;
    }
  }

  function compileConditional(condNode: Ast, thenNode: Ast, elseNode: Ast, where: string): Compiled {
    const cond = compile(condNode);
    const then = lazily(thenNode);
    const otherwise = lazily(elseNode);
    if (cond.constant !== undefined) {
      try {
        return toCondition(cond.constant, where) ? then : otherwise;
      } catch (error) {
        return fold(() => { throw error; });
      }
    }
    return { run: (f) => (toCondition(cond.run(f), where) ? then.run(f) : otherwise.run(f)) };
  }

  /** and/or evaluate left to right and stop as soon as the answer is known. */
  function compileShortCircuit(op: 'and' | 'or', nodes: readonly Ast[], where: string): Compiled {
    const [first, ...rest] = nodes;
    if (!first) return broken;
    const parts = [compile(first), ...rest.map(lazily)];
    const stopAt = op === 'or';
    const run: Evaluator = (f) => {
      for (const p of parts) if (toCondition(p.run(f), where) === stopAt) return stopAt;
      return !stopAt;
    };
    return parts.every((p) => p.constant !== undefined) ? fold(run) : { run };
  }

  function compileCall(name: string, argNodes: readonly Ast[]): Compiled {
    const canonical = canonicalFunctionName(name);
    if (canonical === undefined) {
      const target = scope.resolve(name);
      if (target !== undefined && target.kind !== 'function') {
        report('function.notCallable', { name }, name);
      } else {
        const suggestion = suggest(name, FUNCTION_NAMES);
        if (suggestion) report('function.unknownDidYouMean', { name, suggestion }, name);
        else report('function.unknown', { name }, name);
      }
      argNodes.forEach(compile);
      return broken;
    }
    const info = findFunction(name);
    const given = argNodes.length;
    if (info && (given < info.minArgs || given > info.maxArgs)) {
      if (info.maxArgs === Number.POSITIVE_INFINITY) report('function.arityAtLeast', { name, min: info.minArgs, given }, name);
      else report('function.arity', { name, expected: info.minArgs === info.maxArgs ? `${info.minArgs}` : `${info.minArgs}–${info.maxArgs}`, given }, name);
      return broken;
    }
    if (canonical === 'if') {
      const [c, t, e] = argNodes;
      return c && t && e ? compileConditional(c, t, e, name) : broken;
    }
    if (canonical === 'and' || canonical === 'or') return compileShortCircuit(canonical, argNodes, name);
    const impl = EAGER_FUNCTIONS.get(canonical);
    if (!impl) return broken;
    const args = argNodes.map(compile);
    checkStructuredArgs(name, canonical, argNodes, args);
    const tableName = canonical === 'lookup' && argNodes[1]?.kind === 'name' ? argNodes[1].name : '';
    const run: Evaluator = (f) => {
      const values = args.map((a) => a.run(f));
      try {
        return impl(values, name);
      } catch (error) {
        // Name the parameter table in "missing key" messages: the user knows it by that name.
        if (error instanceof FormulaError && error.key === 'lookup.missingKey' && tableName) {
          throw new FormulaError(error.key, { ...error.params, table: tableName });
        }
        throw error;
      }
    };
    return args.every((a) => a.constant !== undefined) ? fold(run) : { run };
  }

  function compileList(items: readonly Ast[]): Compiled {
    const parts = items.map(compile);
    const run: Evaluator = (f) => parts.map((p) => toNumber(p.run(f), '[ ]'));
    return parts.every((p) => p.constant !== undefined) ? fold(run) : { run };
  }

  function compileTable(entries: ReadonlyArray<readonly [string, Ast]>): Compiled {
    const parts = entries.map(([k, node]) => [k, compile(node)] as const);
    const run: Evaluator = (f) => {
      const map = new Map<string, Scalar>();
      for (const [k, p] of parts) {
        const v = p.run(f);
        if (!isScalar(v)) throw new FormulaError('formula.notScalar', { kind: kindOf(v) });
        map.set(k, v);
      }
      return { kind: 'table', entries: map } satisfies Table;
    };
    return parts.every(([, p]) => p.constant !== undefined) ? fold(run) : { run };
  }

  function compileChain(ops: readonly string[], nodes: readonly Ast[]): Compiled {
    const parts = nodes.map(compile);
    const tests = ops.map((op) => BINARY_OPERATORS.get(op));
    const run: Evaluator = (f) => {
      let left = parts[0]?.run(f);
      for (let i = 0; i < tests.length; i++) {
        const right = parts[i + 1]?.run(f);
        const test = tests[i];
        if (left === undefined || right === undefined || !test) throw new FormulaError('eval.internal', { detail: 'comparison' });
        if (test(left, right) !== true) return false;
        left = right;
      }
      return true;
    };
    return parts.every((p) => p.constant !== undefined) ? fold(run) : { run };
  }

  function compile(node: Ast): Compiled {
    switch (node.kind) {
      case 'number': {
        const d = toDec(node.text);
        if (d === undefined) {
          report('expr.numberTooLarge', { value: node.text });
          return broken;
        }
        return constant(d);
      }
      case 'text':
      case 'boolean':
        return constant(node.value);
      case 'name':
        return compileName(node.name);
      case 'unary': {
        const arg = compile(node.arg);
        const op = UNARY_OPERATORS.get(node.op);
        if (!op) return broken;
        const run: Evaluator = (f) => op(arg.run(f));
        return arg.constant !== undefined ? fold(run) : { run };
      }
      case 'binary': {
        if (node.op === 'and' || node.op === 'or') return compileShortCircuit(node.op, [node.left, node.right], node.symbol);
        const left = compile(node.left);
        const right = compile(node.right);
        const op = BINARY_OPERATORS.get(node.op);
        if (!op) return broken;
        const run: Evaluator = (f) => op(left.run(f), right.run(f));
        return left.constant !== undefined && right.constant !== undefined ? fold(run) : { run };
      }
      case 'compareChain':
        return compileChain(node.ops, node.args);
      case 'conditional':
        return compileConditional(node.condition, node.then, node.otherwise, '? :');
      case 'call':
        return compileCall(node.name, node.args);
      case 'list':
        return compileList(node.items);
      case 'table':
        return compileTable(node.entries);
    }
  }

  const top = compile(ast);
  const kind = staticKind(ast, ast.kind === 'name' ? scope.resolve(ast.name) : undefined);
  if (kind === 'list' || kind === 'table') report('formula.notScalar', { kind });
  if (failed) return { issues, formulaRefs, variableRefs };
  const run: Evaluator = (f) => {
    const v = top.run(f);
    if (isList(v) || isTable(v)) throw new FormulaError('formula.notScalar', { kind: kindOf(v) });
    return v;
  };
  return { run, issues, formulaRefs, variableRefs };
}
