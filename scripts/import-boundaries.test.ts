import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layout rules of ARCHITECTURE.md, checked by the project's own lint config.
const eslint = new ESLint();

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('keeps electron out of the services', async () => {
    expect(await messages('main/services/example.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await messages('main/db/example.ts', "import { dialog } from 'electron';\nexport const x = dialog;\n")).toHaveLength(1);
    expect(await messages('main/shell/example.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(0);
  });

  it('keeps main/ and Node out of the renderer', async () => {
    expect(await messages('renderer/src/example.ts', "import { openDatabase } from '../../main/db/database';\nexport const x = openDatabase;\n")).toHaveLength(1);
    expect(await messages('renderer/src/example.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await messages('renderer/src/example.ts', "import { call } from './api/client';\nexport const x = call;\n")).toHaveLength(0);
  });

  it('keeps formulas/ and contract/ pure', async () => {
    expect(await messages('formulas/example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    for (const from of ['../main/db/database', '../main/services/calc']) expect(await messages('formulas/example.ts', `import { x } from '${from}';\nexport const y = x;\n`)).toHaveLength(1);
    expect(await messages('contract/example.ts', "import { x } from '../main/services/calc';\nexport const y = x;\n")).toHaveLength(1);
    expect(await messages('formulas/example.ts', "import { x } from '../domain';\nexport const y = x;\n")).toHaveLength(0);
  });

  it('keeps the layers of main/ pointing down', async () => {
    const use = (from: string): string => `import { x } from '${from}';\nexport const y = x;\n`;
    // db never imports the services, export, import or a transport; it may use the kernel
    expect(await messages('main/db/example.ts', use('../services/users'))).toHaveLength(1);
    expect(await messages('main/db/example.ts', use('../export/labels'))).toHaveLength(1);
    for (const t of ['../api/dispatch', '../cli/run', '../web/server', '../shell/index']) expect(await messages('main/db/example.ts', use(t))).toHaveLength(1);
    expect(await messages('main/db/example.ts', use('../../domain'))).toHaveLength(0);
    expect(await messages('main/db/example.ts', use('./database'))).toHaveLength(0);
    // services never import a transport
    for (const t of ['../api/dispatch', '../cli/run', '../web/server', '../shell/index']) expect(await messages('main/services/example.ts', use(t))).toHaveLength(1);
    expect(await messages('main/services/example.ts', use('../db/users-repo'))).toHaveLength(0);
    // api handlers call services, never a repository
    expect(await messages('main/api/handlers/example.ts', use('../../db/import-repo'))).toHaveLength(1);
    for (const t of ['../../import/detect-file', '../../export/statements', 'node:fs']) expect(await messages('main/api/handlers/example.ts', use(t))).toHaveLength(1);
    expect(await messages('main/api/handlers/example.ts', use('../../services/imports'))).toHaveLength(0);
    // the import pipeline neither stores nor calls services
    expect(await messages('main/import/example.ts', use('../db/import-repo'))).toHaveLength(1);
    expect(await messages('main/import/example.ts', use('../services/imports'))).toHaveLength(1);
    expect(await messages('main/import/example.ts', use('./values'))).toHaveLength(0);
    // export builds files from what it is handed: no repository, no service, no transport
    expect(await messages('main/export/example.ts', use('../db/export-repo'))).toHaveLength(1);
    expect(await messages('main/export/example.ts', use('../services/approvals'))).toHaveLength(1);
    expect(await messages('main/export/example.ts', use('../api/dispatch'))).toHaveLength(1);
    expect(await messages('main/export/example.ts', use('./xlsx-writer'))).toHaveLength(0);
    expect(await messages('main/export/example.ts', use('../../domain'))).toHaveLength(0);
    expect(await messages('main/services/example.ts', use('../export/approval-workbook'))).toHaveLength(0);
    // and Electron stays in the shell in every layer
    expect(await messages('main/import/example.ts', use('electron'))).toHaveLength(1);
  });

  it('keeps the kernel free of everything else', async () => {
    const use = (from: string): string => `import { x } from '${from}';\nexport const y = x;\n`;
    expect(await messages('domain/example.ts', use('../main/db/database'))).toHaveLength(1);
    expect(await messages('domain/example.ts', use('../contract/roles'))).toHaveLength(1);
    expect(await messages('domain/example.ts', use('node:fs'))).toHaveLength(1);
    expect(await messages('domain/example.ts', use('./money'))).toHaveLength(0);
  });
});

describe('errors live in the kernel or the api', () => {
  it('a service defines no error class of its own', async () => {
    const syntax = async (filePath: string, code: string): Promise<number> => {
      const [result] = await eslint.lintText(code, { filePath });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
    };
    expect(await syntax('main/services/example.ts', 'export class ImportFailed extends Error {}\n')).toBe(1);
    expect(await syntax('main/services/example.ts', "import { rejected } from '../../domain';\nexport const e = rejected('x');\n")).toBe(0);
    expect(await syntax('main/import/example.ts', 'export class CsvRejected extends Error {}\n')).toBe(0);
  });
});

describe('renderer catalogue keys', () => {
  async function restricted(code: string): Promise<number> {
    const [result] = await eslint.lintText(code, { filePath: 'renderer/src/example.ts' });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
  }
  it('t(key, { defaultValue }) is refused: it lets a misspelt or missing key pass the type check', async () => {
    const head = "import type { TFunction } from 'i18next';\n";
    expect(await restricted(`${head}export const a = (t: TFunction, s: string): string => t(\`policies.field.\${s}\`, { defaultValue: s });\n`)).toBe(1);
    expect(await restricted(`${head}export const a = (i18n: { t: TFunction }, s: string): string => i18n.t(\`actions.\${s}\`, { defaultValue: s });\n`)).toBe(1);
    expect(await restricted(`${head}export const a = (t: TFunction): string => t('policies.field.name');\n`)).toBe(0);
  });
});
