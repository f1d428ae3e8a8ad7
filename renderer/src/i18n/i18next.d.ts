import 'i18next';
import type { RendererStrings } from './resources';

// `t('nav.audit')` is checked against the catalogue: a misspelt or missing key is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: RendererStrings };
  }
}
