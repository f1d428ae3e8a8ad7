import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLanguage } from './api/preferences';
import { App } from './App';
import { initI18n } from './i18n';
import './grid/setup';
import './styles.css';

async function start(): Promise<void> {
  const lang = await loadLanguage();
  await initI18n(lang);
  document.documentElement.lang = lang;
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(
    <StrictMode>
      <App initialLang={lang} />
    </StrictMode>,
  );
}

void start();
