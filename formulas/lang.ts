/** The languages of the application (zh-CN is the default everywhere). */
export type Lang = 'zh-CN' | 'en';
export type Localized = Readonly<Record<Lang, string>>;
