import {
  addDependencies,
  bignumberDependencies,
  create,
  equalDependencies,
  largerDependencies,
  parseDependencies,
  smallerDependencies,
  type ConfigOptions,
  type MathNode,
} from 'mathjs';
import { isCjkIdeograph } from './identifier';

/**
 * The one mathjs instance of the formula language. It is built from the few factories we need
 * (tree-shaken: `evaluate`, `compile`, `simplify`, units, matrices... are simply not in it) and is
 * used to PARSE only; evaluation runs our own compiled AST (compile-expression.ts), so no formula
 * can reach a mathjs function. The comparison settings below make the instance agree with our
 * evaluator: mathjs refuses a tolerance of 0, and 1e-60 is far below the last digit at 34 digits,
 * which makes comparisons exact.
 */
export const MATH_CONFIG = {
  number: 'BigNumber',
  precision: 34,
  relTol: 1e-60,
  absTol: 1e-60,
} satisfies ConfigOptions;

function present<T>(factories: T | undefined): T {
  // The typings mark every *Dependencies export optional; a missing one means a broken install.
  if (factories === undefined) throw new Error('mathjs factory missing');
  return factories;
}

export const formulaMath = create(
  {
    parseDependencies: present(parseDependencies),
    bignumberDependencies: present(bignumberDependencies),
    addDependencies: present(addDependencies),
    equalDependencies: present(equalDependencies),
    largerDependencies: present(largerDependencies),
    smallerDependencies: present(smallerDependencies),
  },
  MATH_CONFIG,
);

const parse = formulaMath.parse;

const latinGreekOrMath = parse.isAlpha;
parse.isAlpha = (c: string, cPrev: string, cNext: string): boolean =>
  latinGreekOrMath(c, cPrev, cNext) || isCjkIdeograph(c);

function disabled(name: string): () => never {
  return () => {
    throw new Error(`Function ${name} is disabled in Rebate Desk formulas`);
  };
}

// Defence in depth: nothing evaluates through this instance, but should anyone ever hand it an
// expression, the entry points known from mathjs's security notes throw instead of running.
formulaMath.import(
  {
    import: disabled('import'),
    createUnit: disabled('createUnit'),
    evaluate: disabled('evaluate'),
    parse: disabled('parse'),
    simplify: disabled('simplify'),
    derivative: disabled('derivative'),
    resolve: disabled('resolve'),
    compile: disabled('compile'),
    reviver: disabled('reviver'),
  },
  { override: true },
);

/** The parser's letter test, as extended above (exposed for tests). */
export function isParserLetter(c: string, cPrev = '', cNext = ''): boolean {
  return parse.isAlpha(c, cPrev, cNext);
}

/** Parses one expression to a mathjs node tree; throws mathjs's SyntaxError (with `.char`). */
export function parseExpression(expr: string): MathNode {
  return parse(expr);
}
