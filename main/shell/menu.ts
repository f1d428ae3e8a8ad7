import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../../contract/roles';

export function buildMenu(lang: Lang): void {
  const zh = lang === 'zh-CN';
  const template: MenuItemConstructorOptions[] = [
    { label: zh ? '文件' : 'File', submenu: [{ role: 'quit', label: zh ? '退出' : 'Quit' }] },
    {
      label: zh ? '编辑' : 'Edit',
      submenu: [
        { role: 'undo', label: zh ? '撤销' : 'Undo' },
        { role: 'redo', label: zh ? '重做' : 'Redo' },
        { type: 'separator' },
        { role: 'cut', label: zh ? '剪切' : 'Cut' },
        { role: 'copy', label: zh ? '复制' : 'Copy' },
        { role: 'paste', label: zh ? '粘贴' : 'Paste' },
        { role: 'selectAll', label: zh ? '全选' : 'Select all' },
      ],
    },
    {
      label: zh ? '视图' : 'View',
      submenu: [
        { role: 'resetZoom', label: zh ? '实际大小' : 'Actual size' },
        { role: 'zoomIn', label: zh ? '放大' : 'Zoom in' },
        { role: 'zoomOut', label: zh ? '缩小' : 'Zoom out' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: zh ? '全屏' : 'Full screen' },
        ...(app.isPackaged ? [] : ([{ role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[])),
      ],
    },
    { label: zh ? '帮助' : 'Help', submenu: [{ role: 'about', label: zh ? '关于返利台' : 'About Rebate Desk' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
