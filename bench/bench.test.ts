import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatTable } from './measure';
import { runBench } from './run';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('runs end to end at a tiny size (so it cannot rot) and writes its table as JSON', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-bench-test-'));
    const { rows, file } = await runBench({ sizes: ['tiny'], runs: 1, outDir: dir, exports: { distributors: 30, formulas: 5 } });
    const measures = rows.map((r) => r.measure);
    expect(measures).toEqual(
      expect.arrayContaining([
        'import month (all kinds, one transaction)',
        'ExcelJS streaming reader alone (floor)',
        'import ÷ reader floor',
        'calculate batch (aggregate + evaluate + store)',
        'formula evaluator, 10-formula policy',
        'hand-written TypeScript + decimal.js (floor)',
      ]),
    );
    expect(measures.some((m) => /approval workbook/.test(m))).toBe(true);
    for (const r of rows) expect(Number.isFinite(r.value) && r.value > 0, r.measure).toBe(true);
    expect(rows.find((r) => r.measure === 'formula evaluator, 10-formula policy')?.note).toBe('same results as hand-written');
    expect(JSON.parse(readFileSync(file, 'utf8')).rows).toHaveLength(rows.length);
    expect(formatTable(rows)).toContain('import ÷ reader floor');
  }, 180_000);

  it('costs the import\'s safeguards: the same month without the period-lock triggers and without the duplicate indexes', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-bench-levers-'));
    const { rows } = await runBench({ sizes: ['tiny'], runs: 1, outDir: dir, levers: ['tiny'] });
    const levers = rows.filter((r) => r.measure.startsWith('import without the'));
    expect(levers.map((r) => r.measure)).toEqual(['import without the period-lock triggers (measure only)', 'import without the duplicate indexes (measure only)']);
    for (const r of levers) {
      expect(r.value).toBeGreaterThan(0);
      expect(r.note).toMatch(/^they cost -?\d+\.\d\d s \(-?\d+ %\) of \d+\.\d\d s as is, paired runs$/);
    }
  }, 180_000);
});
