import type { Lang } from '../../../contract/roles';
import type { Translation } from '../../../domain';
import { approvalStrings } from './approval';
import { chartsStrings } from './charts';
import { connectionStrings } from './connection';
import { en } from './en';
import { exportsStrings } from './exports';
import { flowStrings, importFlowStrings } from './flow';
import { ledgerStrings } from './ledger';
import { policiesStrings } from './policies';
import { resultsStrings } from './results';
import { supportStrings } from './support';
import { zhCN } from './zh-CN';

/**
 * The renderer's catalogue: one tree per language, zh-CN first. English has the same shape (a
 * missing or extra key is a type error here and a failure in scripts/catalogue.test.ts), and
 * `t('…')` keys are checked against the zh-CN tree (i18next.d.ts).
 */
const zhTree = {
  ...zhCN,
  policies: policiesStrings['zh-CN'],
  results: resultsStrings['zh-CN'],
  approval: approvalStrings['zh-CN'],
  exports: exportsStrings['zh-CN'],
  flow: flowStrings['zh-CN'],
  importFlow: importFlowStrings['zh-CN'],
  support: supportStrings['zh-CN'],
  ledger: ledgerStrings['zh-CN'],
  connection: connectionStrings['zh-CN'],
  charts: chartsStrings['zh-CN'],
};

export type RendererStrings = typeof zhTree;

const enTree: Translation<RendererStrings> = {
  ...en,
  policies: policiesStrings.en,
  results: resultsStrings.en,
  approval: approvalStrings.en,
  exports: exportsStrings.en,
  flow: flowStrings.en,
  importFlow: importFlowStrings.en,
  support: supportStrings.en,
  ledger: ledgerStrings.en,
  connection: connectionStrings.en,
  charts: chartsStrings.en,
};

export const rendererStrings: Record<Lang, Translation<RendererStrings>> = { 'zh-CN': zhTree, en: enTree };
