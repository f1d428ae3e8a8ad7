import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../contract/roles';
import { setApiLanguage } from '../api/client';
import { approvalStrings } from './approval';
import { connectionStrings } from './connection';
import { chartsStrings } from './charts';
import { en } from './en';
import { exportsStrings } from './exports';
import { flowStrings, importFlowStrings } from './flow';
import { ledgerStrings } from './ledger';
import { policiesStrings } from './policies';
import { resultsStrings } from './results';
import { supportStrings } from './support';
import { zhCN } from './zh-CN';

export async function initI18n(lang: Lang): Promise<void> {
  setApiLanguage(lang);
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: { ...zhCN, policies: policiesStrings['zh-CN'], results: resultsStrings['zh-CN'], approval: approvalStrings['zh-CN'], exports: exportsStrings['zh-CN'], flow: flowStrings['zh-CN'], importFlow: importFlowStrings['zh-CN'], support: supportStrings['zh-CN'], ledger: ledgerStrings['zh-CN'], connection: connectionStrings['zh-CN'], charts: chartsStrings['zh-CN'] } }, en: { translation: { ...en, policies: policiesStrings.en, results: resultsStrings.en, approval: approvalStrings.en, exports: exportsStrings.en, flow: flowStrings.en, importFlow: importFlowStrings.en, support: supportStrings.en, ledger: ledgerStrings.en, connection: connectionStrings.en, charts: chartsStrings.en } } },
    lng: lang,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function changeLanguage(lang: Lang): Promise<void> {
  setApiLanguage(lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}
