import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../../contract/roles';
import { t, type MessageKey } from '../i18n/messages';

export function buildMenu(lang: Lang): void {
  const m = (key: MessageKey): string => t(key, {}, lang);
  const template: MenuItemConstructorOptions[] = [
    { label: m('menu.file'), submenu: [{ role: 'quit', label: m('menu.quit') }] },
    {
      label: m('menu.edit'),
      submenu: [
        { role: 'undo', label: m('menu.undo') },
        { role: 'redo', label: m('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: m('menu.cut') },
        { role: 'copy', label: m('menu.copy') },
        { role: 'paste', label: m('menu.paste') },
        { role: 'selectAll', label: m('menu.select_all') },
      ],
    },
    {
      label: m('menu.view'),
      submenu: [
        { role: 'resetZoom', label: m('menu.actual_size') },
        { role: 'zoomIn', label: m('menu.zoom_in') },
        { role: 'zoomOut', label: m('menu.zoom_out') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: m('menu.full_screen') },
        ...(app.isPackaged ? [] : ([{ role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[])),
      ],
    },
    { label: m('menu.help'), submenu: [{ role: 'about', label: m('menu.about') }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
