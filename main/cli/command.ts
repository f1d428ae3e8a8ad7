import type { OpInput, OpName, OpOutput } from '../../contract/operations';
import type { Lang } from '../../contract/roles';
import type { ServiceContext } from '../services/context';
import type { OptionTable, ParsedArgs } from './args';

export interface CommandContext {
  args: ParsedArgs;
  positionals: string[];
  lang: Lang;
  env: NodeJS.ProcessEnv;
  /** opens the database (and signs the acting user in) on first use */
  services(): Promise<ServiceContext>;
  /** runs an operation of the contract as the acting user; throws the refusal */
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
}

export interface CommandResult {
  json: unknown;
  text: string;
  /** 0 unless the command reports a finding (e.g. a broken audit chain: 2) */
  exitCode?: number;
}

export interface Command {
  /** words, e.g. `user add` */
  name: string;
  usage: string;
  summary: { 'zh-CN': string; en: string };
  options: OptionTable;
  positionals: { min: number; max: number; names: string[] };
  /** the acting user's password comes from REBATE_PASSWORD: --password is the new account's */
  passwordIsNewAccount?: boolean;
  run(c: CommandContext): Promise<CommandResult>;
  /** a long-running command (serve) that manages its own output and exit status */
  direct?: (args: ParsedArgs, io: { out: (s: string) => void; err: (s: string) => void; env: NodeJS.ProcessEnv; stopped?: Promise<void> }, lang: Lang) => Promise<number>;
}
