import { LANGS, type Lang } from '../../contract/roles';
import { dispatch, toErrorPayload } from '../api/dispatch';
import { messageText, t } from '../i18n/messages';
import type { ServiceContext } from '../services/context';
import { AppError } from '../../domain';
import { Store } from '../services/store';
import { authenticate, hasUsers } from '../services/users';
import { GLOBAL_OPTIONS, opt, parseArgs, UsageError, type OptionTable, type ParsedArgs } from './args';
import type { Command, CommandContext } from './command';
import { coreCommands } from './commands-core';
import { exportCommands } from './commands-export';
import { approvalCommands } from './commands-approval';
import { batchCommands } from './commands-batch';
import { demoCommands } from './commands-demo';
import { importCommands } from './commands-import';
import { ledgerCommands } from './commands-ledger';
import { policyCommands } from './commands-policy';
import { supportCommands } from './commands-support';
import { resolveDbPath } from './db-path';
import { SERVE_OPTIONS } from './serve-options';
import { runServe } from './serve';
import { RemoteServer } from './remote';
import { ALWAYS_LOCAL_COMMANDS, LOCAL_ONLY_COMMANDS, remoteCall } from './remote-call';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** long-running commands (serve) stop when this resolves, as on SIGINT/SIGTERM (tests) */
  stopped?: Promise<void>;
}

const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--db FILE] --listen HOST:PORT [--tls-cert FILE --tls-key FILE] [--idle-minutes N] [--trust-proxy ADDR] [--renew-certificate] [--max-upload-mb N]',
  summary: { 'zh-CN': '团队服务器（HTTPS）：打印网址和证书指纹，运行到 Ctrl+C', en: 'the team server (HTTPS): prints the URL and certificate fingerprint, serves until Ctrl+C' },
  options: SERVE_OPTIONS,
  positionals: { min: 0, max: 0, names: [] },
  run: () => Promise.reject(new Error('serve runs directly')),
  // Fastify and the certificate library load only for this command (startWebHost and
  // serverCertificate import them when called), so every other command starts fast. serve.ts itself
  // is imported statically: a dynamic import of our own code makes esbuild wrap everything it reaches
  // in lazy initialisers, which also stops it dropping the parts of mathjs the formulas never use.
  direct: (args, io, lang) => runServe(args, io, lang),
};

export const commands: Command[] = [...coreCommands, ...importCommands, ...batchCommands, ...approvalCommands, ...demoCommands, ...policyCommands, ...exportCommands, ...supportCommands, ...ledgerCommands, serveCommand];

function findCommand(words: string[]): { command: Command; positionals: string[] } | undefined {
  let best: { command: Command; positionals: string[] } | undefined;
  for (const command of commands) {
    const parts = command.name.split(' ');
    if (parts.every((p, i) => words[i] === p) && (!best || parts.length > best.command.name.split(' ').length)) {
      best = { command, positionals: words.slice(parts.length) };
    }
  }
  return best;
}

function helpText(lang: Lang): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary[lang]}`);
  const head = t('cli.help', {}, lang);
  return `${head}\n${lines.join('\n')}`;
}

function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.lastIndexOf('--lang');
  const inline = argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const v = inline ?? (i >= 0 ? argv[i + 1] : undefined) ?? env['REBATE_LANG'];
  return (LANGS as readonly string[]).includes(v ?? '') ? (v as Lang) : 'zh-CN';
}

class Refusal extends Error {
  constructor(readonly error: ReturnType<typeof toErrorPayload>) {
    super(error.key);
  }
}

/**
 * Runs one command line and returns the exit status: 0 done, 2 refused (nothing changed),
 * 1 unknown command/option or internal error. User errors never print a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = langOf(argv, io.env);
  const wantsJson = argv.includes('--json');
  let store: Store | undefined;
  let remote: RemoteServer | undefined;
  let signOut: (() => Promise<void>) | undefined;

  const fail = (code: number, payload: ReturnType<typeof toErrorPayload>): number => {
    if (wantsJson) {
      io.out(JSON.stringify({ status: payload.kind === 'internal' ? 'error' : 'rejected', error: payload, errors: [{ key: payload.key, message: payload.message, ...(payload.details ? { details: payload.details } : {}) }] }, null, 2));
    } else {
      io.err(payload.message);
      for (const d of payload.details ?? []) io.err(`  ${d.path ? `${d.path}: ` : ''}${d.message}`);
    }
    return code;
  };
  const usage = (e: UsageError): number =>
    fail(1, { kind: 'rejected', key: e.key, params: e.params, message: messageText(e.key, e.params, lang) });

  try {
    const pre = parseArgs(argv, { ...GLOBAL_OPTIONS, ...allCommandOptions() });
    const langOpt = opt(pre, 'lang');
    if (langOpt !== undefined && !(LANGS as readonly string[]).includes(langOpt)) {
      return usage(new UsageError('cli.bad_lang', { lang: langOpt }));
    }
    if (pre.words.length === 0 || opt(pre, 'help') !== undefined) {
      io.out(helpText(lang));
      return pre.words.length === 0 && opt(pre, 'help') === undefined ? 1 : 0;
    }
    const found = findCommand(pre.words);
    if (!found) return usage(new UsageError('cli.unknown_command', { command: pre.words.join(' ') }));
    const { command, positionals } = found;
    const args: ParsedArgs = parseArgs(argv, { ...GLOBAL_OPTIONS, ...command.options });
    if (positionals.length < command.positionals.min) {
      throw new AppError('rejected', 'cli.missing_argument', { name: command.positionals.names[positionals.length] ?? '?' });
    }
    if (positionals.length > command.positionals.max) {
      return usage(new UsageError('cli.extra_argument', { value: positionals[command.positionals.max] ?? '' }));
    }

    const serverUrl = opt(args, 'server') ?? io.env['REBATE_SERVER'];
    const remoteMode = serverUrl !== undefined && serverUrl !== '' && !ALWAYS_LOCAL_COMMANDS.has(command.name);
    if (remoteMode && LOCAL_ONLY_COMMANDS.has(command.name)) throw new AppError('rejected', 'remote.local_only', { command: command.name });
    if (command.direct) return await command.direct(args, io, lang);

    if (remoteMode) {
      const server = new RemoteServer(serverUrl, opt(args, 'fingerprint') ?? (io.env['REBATE_SERVER_FINGERPRINT'] || undefined));
      remote = server;
      let signedIn = false;
      const rc: CommandContext = {
        args,
        positionals,
        lang,
        env: io.env,
        services: () => Promise.reject(new AppError('rejected', 'remote.local_only', { command: command.name })),
        async call(op, input) {
          const name = opt(args, 'user') ?? io.env['REBATE_USER'];
          if (!signedIn && name) {
            const password = (command.passwordIsNewAccount ? undefined : opt(args, 'password')) ?? io.env['REBATE_PASSWORD'] ?? '';
            const s = await server.invoke('auth.signIn', { name, password }, lang);
            if (!s.ok) throw new Refusal(s.error);
            signedIn = true;
            signOut = () => server.invoke('auth.signOut', {}, lang).then(() => undefined);
          }
          const r = await remoteCall(server, op, input, lang);
          if (r.ok) return r.result as never;
          if (r.error.kind === 'unauthenticated' && r.error.key === 'auth.required') {
            throw new Refusal({ ...r.error, key: 'auth.user_required', message: t('auth.user_required', {}, lang) });
          }
          throw new Refusal(r.error);
        },
      };
      const result = await command.run(rc);
      io.out(wantsJson ? JSON.stringify(result.json, null, 2) : result.text);
      return result.exitCode ?? 0;
    }

    let services: Promise<ServiceContext> | undefined;
    const open = (): Promise<ServiceContext> => {
      services ??= (async () => {
        store = new Store(resolveDbPath(opt(args, 'db'), io.env));
        const ctx: ServiceContext = { store, session: { user: null }, lang, host: 'cli', now: () => new Date() };
        const name = opt(args, 'user') ?? io.env['REBATE_USER'];
        // `init` on a database without users: there is no one to sign in as yet, so REBATE_USER and
        // REBATE_PASSWORD exported for the rest of a script (README's scripted month) are not used.
        const nobodyYet = command.name === 'init' && opt(args, 'user') === undefined && !hasUsers(ctx);
        if (name && !nobodyYet) {
          const password = (command.passwordIsNewAccount ? undefined : opt(args, 'password')) ?? io.env['REBATE_PASSWORD'] ?? '';
          ctx.session.user = await authenticate(ctx, name, password);
        }
        return ctx;
      })();
      return services;
    };
    const c: CommandContext = {
      args,
      positionals,
      lang,
      env: io.env,
      services: open,
      async call(op, input) {
        const ctx = await open();
        const r = await dispatch(ctx, op, input);
        if (r.ok) return r.result;
        if (r.error.kind === 'unauthenticated' && r.error.key === 'auth.required') {
          throw new Refusal({ ...r.error, key: 'auth.user_required', message: t('auth.user_required', {}, lang) });
        }
        throw new Refusal(r.error);
      },
    };
    const result = await command.run(c);
    io.out(wantsJson ? JSON.stringify(result.json, null, 2) : result.text);
    return result.exitCode ?? 0;
  } catch (e) {
    if (e instanceof UsageError) return usage(e);
    if (e instanceof Refusal) return fail(e.error.kind === 'internal' ? 1 : 2, e.error);
    const payload = toErrorPayload(e, lang);
    return fail(payload.kind === 'internal' ? 1 : 2, payload);
  } finally {
    store?.close();
    if (signOut) await signOut().catch(() => undefined);
    remote?.close();
  }
}

/** Every option any command takes, so the first pass can find the command wherever options stand. */
function allCommandOptions(): OptionTable {
  const all: OptionTable = {};
  for (const c of commands) Object.assign(all, c.options);
  return all;
}
