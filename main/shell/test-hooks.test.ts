import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The e2e dialog hook must never answer in an installed app, nor without REBATE_E2E=1.
const state = vi.hoisted(() => ({ isPackaged: false, opened: 0, saved: 0, userData: '' }));

vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return state.isPackaged;
    },
    setPath: (_name: string, p: string) => (state.userData = p),
  },
  dialog: {
    showOpenDialog: async () => {
      state.opened++;
      return { canceled: true, filePaths: [] };
    },
    showSaveDialog: async () => {
      state.saved++;
      return { canceled: true, filePath: '' };
    },
  },
}));

const { applyE2eUserData, showOpenDialog, showSaveDialog } = await import('./test-hooks');

let dir: string;
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hooks-'));
  const answers = path.join(dir, 'dialogs.json');
  writeFileSync(answers, JSON.stringify({ open: ['C:\\Users\\张三\\Documents\\返利 2026\\进货.xlsx'], saveDir: path.join(dir, '导出') }));
  process.env['REBATE_E2E_DIALOGS'] = answers;
  process.env['REBATE_E2E_USER_DATA'] = path.join(dir, 'user-data');
  Object.assign(state, { isPackaged: false, opened: 0, saved: 0, userData: '' });
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

describe('the e2e dialog hook', () => {
  it('answers the open and save dialogs from the answers file in an unpackaged app with REBATE_E2E=1', async () => {
    process.env['REBATE_E2E'] = '1';
    expect(await showOpenDialog(null, {})).toEqual({ canceled: false, filePaths: ['C:\\Users\\张三\\Documents\\返利 2026\\进货.xlsx'] });
    expect(await showSaveDialog(null, { defaultPath: path.join('somewhere', '审批表 2026-03.xlsx') })).toEqual({ canceled: false, filePath: path.join(dir, '导出', '审批表 2026-03.xlsx') });
    applyE2eUserData();
    expect(state.userData).toBe(path.join(dir, 'user-data'));
    expect(state.opened + state.saved).toBe(0);
  });

  it('is inert in an installed (packaged) app, even with REBATE_E2E=1', async () => {
    process.env['REBATE_E2E'] = '1';
    state.isPackaged = true;
    expect((await showOpenDialog(null, {})).canceled).toBe(true);
    expect((await showSaveDialog(null, {})).canceled).toBe(true);
    applyE2eUserData();
    expect(state).toMatchObject({ opened: 1, saved: 1, userData: '' });
  });

  it('is inert without REBATE_E2E=1', async () => {
    delete process.env['REBATE_E2E'];
    await showOpenDialog(null, {});
    applyE2eUserData();
    expect(state).toMatchObject({ opened: 1, userData: '' });
  });
});
