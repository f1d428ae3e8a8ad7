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

  it('keeps formulas/ pure', async () => {
    expect(await messages('formulas/example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
  });
});
