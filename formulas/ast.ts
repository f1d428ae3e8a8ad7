/**
 * The formula language's own syntax tree: plain data, no methods. mathjs's nodes are converted
 * into this (to-ast.ts) through an allowlist, so whatever mathjs's parser can express but the
 * language does not allow simply has no representation here.
 */
export type Ast =
  | { kind: 'number'; text: string }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'name'; name: string }
  | { kind: 'unary'; op: string; symbol: string; arg: Ast }
  | { kind: 'binary'; op: string; symbol: string; left: Ast; right: Ast }
  | { kind: 'compareChain'; ops: string[]; args: Ast[] }
  | { kind: 'conditional'; condition: Ast; then: Ast; otherwise: Ast }
  | { kind: 'call'; name: string; args: Ast[] }
  | { kind: 'list'; items: Ast[] }
  | { kind: 'table'; entries: Array<readonly [string, Ast]> };

/** Every node of a tree, parents before children. */
export function* walk(ast: Ast): Generator<Ast> {
  yield ast;
  switch (ast.kind) {
    case 'unary': yield* walk(ast.arg); break;
    case 'binary': yield* walk(ast.left); yield* walk(ast.right); break;
    case 'compareChain': case 'call': for (const a of ast.args) yield* walk(a); break;
    case 'conditional': yield* walk(ast.condition); yield* walk(ast.then); yield* walk(ast.otherwise); break;
    case 'list': for (const a of ast.items) yield* walk(a); break;
    case 'table': for (const [, a] of ast.entries) yield* walk(a); break;
    default: break;
  }
}
