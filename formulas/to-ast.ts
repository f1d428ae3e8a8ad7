import type { MathNode } from 'mathjs';
import type { Ast } from './ast';
import { issue, type Issue } from './issues';
import { formulaMath as m } from './math-instance';

export const MAX_LIST_LENGTH = 100;
export const MAX_AST_DEPTH = 200;

const BINARY = new Set([
  'add', 'subtract', 'multiply', 'divide', 'mod', 'pow',
  'equal', 'unequal', 'larger', 'largerEq', 'smaller', 'smallerEq', 'and', 'or', 'xor',
]);
const UNARY = new Set(['unaryMinus', 'unaryPlus', 'not']);
const COMPARISONS = new Set(['equal', 'unequal', 'larger', 'largerEq', 'smaller', 'smallerEq']);

function constant(value: unknown, issues: Issue[]): Ast | undefined {
  if (typeof value === 'string') return { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', text: String(value) };
  if (m.isBigNumber(value) && value.isFinite()) return { kind: 'number', text: value.toString() };
  issues.push(issue('expr.constant', { value: String(value) }));
  return undefined;
}

/**
 * Converts a mathjs tree into the language's AST, collecting an issue for every construct
 * outside the allowlist. Returns undefined when anything was refused.
 */
export function toAst(root: MathNode): { ast?: Ast; issues: Issue[] } {
  const issues: Issue[] = [];
  let tooDeep = false;

  function convert(node: MathNode, depth: number): Ast | undefined {
    if (depth > MAX_AST_DEPTH) {
      tooDeep = true;
      return undefined;
    }
    const next = depth + 1;
    if (m.isParenthesisNode(node)) return convert(node.content, next);
    if (m.isConstantNode(node)) return constant(node.value satisfies unknown, issues);
    if (m.isSymbolNode(node)) return { kind: 'name', name: node.name };
    if (m.isOperatorNode(node)) {
      const fn: string = node.fn;
      const args = node.args.map((a) => convert(a, next));
      const [a, b] = args;
      if (args.length === 1 && UNARY.has(fn) && a) return { kind: 'unary', op: fn, symbol: node.op, arg: a };
      if (args.length === 2 && BINARY.has(fn) && a && b) return { kind: 'binary', op: fn, symbol: node.op, left: a, right: b };
      if (!(UNARY.has(fn) || BINARY.has(fn))) issues.push(issue('expr.operator', { operator: node.op }));
      return undefined;
    }
    if (m.isRelationalNode(node)) {
      const args = node.params.map((a) => convert(a, next));
      const bad = node.conditionals.find((c) => !COMPARISONS.has(c));
      if (bad !== undefined) issues.push(issue('expr.operator', { operator: bad }));
      const ok = args.filter((a): a is Ast => a !== undefined);
      return bad === undefined && ok.length === args.length ? { kind: 'compareChain', ops: node.conditionals, args: ok } : undefined;
    }
    if (m.isConditionalNode(node)) {
      const condition = convert(node.condition, next);
      const then = convert(node.trueExpr, next);
      const otherwise = convert(node.falseExpr, next);
      return condition && then && otherwise ? { kind: 'conditional', condition, then, otherwise } : undefined;
    }
    if (m.isFunctionNode(node)) {
      const fn: unknown = node.fn;
      const args = node.args.map((a) => convert(a, next));
      if (m.isAccessorNode(fn) || m.isIndexNode(fn)) {
        issues.push(issue('expr.propertyAccess'));
        return undefined;
      }
      if (!m.isSymbolNode(fn)) {
        issues.push(issue('function.notCallable', { name: m.isNode(fn) ? fn.toString() : '?' }));
        return undefined;
      }
      const ok = args.filter((a): a is Ast => a !== undefined);
      return ok.length === args.length ? { kind: 'call', name: fn.name, args: ok } : undefined;
    }
    if (m.isArrayNode(node)) {
      if (node.items.some((item) => m.isArrayNode(item))) {
        issues.push(issue('expr.matrix'));
        return undefined;
      }
      if (node.items.length > MAX_LIST_LENGTH) {
        issues.push(issue('expr.listTooLong', { max: MAX_LIST_LENGTH }));
        return undefined;
      }
      const items = node.items.map((a) => convert(a, next));
      const ok = items.filter((a): a is Ast => a !== undefined);
      return ok.length === items.length ? { kind: 'list', items: ok } : undefined;
    }
    if (m.isObjectNode(node)) {
      // mathjs builds the properties with `properties[key] = …`, so a `__proto__` key would
      // silently replace the prototype instead of appearing as a key: refuse it outright.
      if (Object.getPrototypeOf(node.properties) !== Object.prototype) {
        issues.push(issue('expr.badTableKey', { key: '__proto__' }));
        return undefined;
      }
      if (Object.keys(node.properties).length > MAX_LIST_LENGTH) {
        issues.push(issue('expr.listTooLong', { max: MAX_LIST_LENGTH }));
        return undefined;
      }
      const entries = Object.entries(node.properties).map(([k, v]) => [k, convert(v, next)] as const);
      const ok = entries.filter((e): e is readonly [string, Ast] => e[1] !== undefined);
      return ok.length === entries.length ? { kind: 'table', entries: ok } : undefined;
    }
    if (m.isAccessorNode(node) || m.isIndexNode(node)) issues.push(issue('expr.propertyAccess'));
    else if (m.isAssignmentNode(node)) issues.push(issue('expr.assignment'));
    else if (m.isFunctionAssignmentNode(node)) issues.push(issue('expr.functionDefinition'));
    else if (m.isBlockNode(node)) issues.push(issue('expr.multipleExpressions'));
    else if (m.isRangeNode(node)) issues.push(issue('expr.range'));
    else issues.push(issue('expr.unsupported', { construct: node.type }));
    return undefined;
  }

  const ast = convert(root, 0);
  if (tooDeep) issues.push(issue('expr.tooComplex', { max: MAX_AST_DEPTH }));
  return ast && issues.length === 0 ? { ast, issues } : { issues };
}
