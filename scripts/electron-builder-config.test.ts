import Ajv from 'ajv';
import yaml from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('electron-builder.yml', () => {
  const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

  it('validates against the schema shipped in app-builder-lib', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is real: an unknown key or a wrong type is caught', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
    expect(validate({ ...config, nsis: { oneClick: 'sometimes' } })).toBe(false);
  });

  it('builds a Windows NSIS installer from the built files, with the icon and installer script present', () => {
    expect(config['win']).toMatchObject({ target: [{ target: 'nsis' }] });
    expect(existsSync('build/icon.png')).toBe(true);
    expect(existsSync('build/installer.nsh')).toBe(true);
    expect(config['files']).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']));
    expect(config['electronFuses']).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
  });
});
