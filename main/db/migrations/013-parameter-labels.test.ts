import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate';
import { migrations } from './index';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('migration 013 parameter labels', () => {
  it('a version-12 policy version keeps every column and reads without labels; a new one stores its labels as a JSON object, nothing else', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-m13-'));
    const db = new Database(path.join(dir, 'a.sqlite'));
    migrate(db, { list: migrations.slice(0, 12) });
    const insert = (version: number, labels: string | null | undefined): void => {
      const withLabels = labels !== undefined;
      db.prepare(
        `INSERT INTO policy_versions (code, version, name, priority, effective_from, parameters_json, formulas_json, active, content_hash, source, saved_by, saved_at, comment${withLabels ? ', parameter_labels_json' : ''})
         VALUES ('P', ?, '政策', 1, '2026-01', '{"cap":1}', '[]', 1, 'h', 'import', 'admin', 'x', ''${withLabels ? ', ?' : ''})`,
      ).run(...(withLabels ? [version, labels] : [version]));
    };
    db.prepare("INSERT INTO policies (code, created_by, created_at) VALUES ('P', 'admin', 'x')").run();
    insert(1, undefined);
    migrate(db, { list: migrations.slice(0, 13) });
    expect(db.prepare('SELECT version, parameters_json, parameter_labels_json FROM policy_versions').all()).toEqual([{ version: 1, parameters_json: '{"cap":1}', parameter_labels_json: null }]);
    insert(2, '{"cap":"返利封顶"}');
    expect(() => insert(3, '["cap"]')).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE policy_versions SET parameter_labels_json = NULL').run()).toThrow(/immutable/);
    db.close();
  });
});
