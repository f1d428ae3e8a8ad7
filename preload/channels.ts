/** The only IPC channels between the window and the main process. */
export const CHANNELS = {
  invoke: 'rebate:invoke',
  getPreferences: 'rebate:prefs:get',
  setLanguage: 'rebate:prefs:set-language',
  pickFiles: 'rebate:dialog:pick-files',
  saveDownload: 'rebate:dialog:save-download',
  showInFolder: 'rebate:shell:show-in-folder',
  connection: 'rebate:connection:get',
  probeServer: 'rebate:connection:probe',
  trustServer: 'rebate:connection:trust',
  useLocal: 'rebate:connection:use-local',
} as const;
