import { rejected } from '../../domain';

export interface OptionSpec {
  /** takes a value (`--period 2026-01`) or is a flag (`--json`) */
  value: boolean;
  /** may be given several times (`--sheet A --sheet B`) */
  repeat?: boolean;
}

export type OptionTable = Record<string, OptionSpec>;

export interface ParsedArgs {
  words: string[];
  options: Map<string, string[]>;
}

/** Options valid for every command; they may stand anywhere on the line. */
export const GLOBAL_OPTIONS: OptionTable = {
  db: { value: true },
  lang: { value: true },
  json: { value: false },
  user: { value: true },
  password: { value: true },
  help: { value: false },
  server: { value: true },
  fingerprint: { value: true },
};

export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string>,
  ) {
    super(key);
  }
}

/**
 * Splits argv into words (command and positionals) and options. An option's value is the next
 * argument whatever it starts with, so `--amount -100.00` works; `--name=value` works too.
 */
export function parseArgs(argv: readonly string[], known: OptionTable): ParsedArgs {
  const words: string[] = [];
  const options = new Map<string, string[]>();
  let onlyWords = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyWords || !arg.startsWith('--') || arg === '--') {
      if (arg === '--' && !onlyWords) onlyWords = true;
      else words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    const spec = known[name];
    if (!spec) throw new UsageError('cli.unknown_option', { option: `--${name}` });
    let value = 'true';
    if (spec.value) {
      if (eq > 0) value = arg.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined) throw new UsageError('cli.missing_value', { option: `--${name}` });
        value = next;
        i++;
      }
    } else if (eq > 0) throw new UsageError('cli.unknown_option', { option: arg });
    const list = options.get(name) ?? [];
    if (!spec.repeat && list.length > 0) list.length = 0;
    list.push(value);
    options.set(name, list);
  }
  return { words, options };
}

export function opt(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return v?.[v.length - 1];
}

export function optAll(args: ParsedArgs, name: string): string[] {
  return args.options.get(name) ?? [];
}

export function required(args: ParsedArgs, name: string): string {
  const v = opt(args, name);
  if (v === undefined || v === '') throw rejected('cli.missing_argument', { name: `--${name}` });
  return v;
}
