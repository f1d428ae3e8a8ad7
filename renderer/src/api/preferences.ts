import type { Lang } from '../../../contract/roles';
import { isLang } from '../../../domain';

const LANG_KEY = 'rebate.lang';

/** Language preference: electron-store in the desktop app, localStorage in a browser. */
export async function loadLanguage(): Promise<Lang> {
  if (window.rebate) return (await window.rebate.getPreferences()).language;
  const v = localStorage.getItem(LANG_KEY);
  return isLang(v) ? v : 'zh-CN';
}

export async function saveLanguage(lang: Lang): Promise<void> {
  if (window.rebate) await window.rebate.setLanguage(lang);
  else localStorage.setItem(LANG_KEY, lang);
}
