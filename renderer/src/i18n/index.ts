import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../contract/roles';
import { setApiLanguage } from '../api/client';
import { rendererStrings } from './resources';

export async function initI18n(lang: Lang): Promise<void> {
  setApiLanguage(lang);
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: rendererStrings['zh-CN'] }, en: { translation: rendererStrings.en } },
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
