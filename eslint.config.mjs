import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  paths: [{ name: 'electron', message: 'Services know nothing of Electron: only main/shell/ may import it.' }],
};

/**
 * The layers inside main/ (ARCHITECTURE.md, LAYERS.md): an import only points down. Each block keeps
 * the Electron rule too (a later no-restricted-imports replaces an earlier one for the same file).
 */
const TRANSPORTS = ['**/api/**', '**/cli/**', '**/web/**', '**/shell/**'];
function layer(files, forbidden, message) {
  return {
    files,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { ...electronOnlyInShell, patterns: [{ group: forbidden, message }] }] },
  };
}

/**
 * Ant Design 6 props that still work but are deprecated (a console warning in development, gone in
 * the next major): each component's old prop and its replacement, from antd's own warning.deprecated
 * calls. Listed here so a new screen cannot bring one back.
 */
const ANTD_DEPRECATED = Object.entries({
  Alert: { message: 'title', closeText: 'closable.closeIcon' },
  Drawer: { width: 'size', height: 'size', destroyOnClose: 'destroyOnHidden', bodyStyle: 'styles.body', headerStyle: 'styles.header', footerStyle: 'styles.footer', maskStyle: 'styles.mask', contentWrapperStyle: 'styles.wrapper', drawerStyle: 'styles.section' },
  Modal: { destroyOnClose: 'destroyOnHidden', bodyStyle: 'styles.body', maskStyle: 'styles.mask', maskClosable: 'mask.closable', autoFocusButton: 'focusable.autoFocusButton', focusTriggerAfterClose: 'focusable.focusTriggerAfterClose' },
  Space: { direction: 'orientation', split: 'separator' },
  Spin: { tip: 'description', wrapperClassName: 'classNames.root' },
  Steps: { direction: 'orientation', labelPlacement: 'titlePlacement', progressDot: 'type="dot"' },
  Card: { bordered: 'variant', headStyle: 'styles.header', bodyStyle: 'styles.body' },
  Tabs: { tabPosition: 'tabPlacement', destroyInactiveTabPane: 'destroyOnHidden', popupClassName: 'classNames.popup' },
  Tooltip: { overlayStyle: 'styles.root', overlayInnerStyle: 'styles.container', overlayClassName: 'classNames.root', destroyTooltipOnHide: 'destroyOnHidden' },
  Popover: { overlayStyle: 'styles.root', overlayInnerStyle: 'styles.container', overlayClassName: 'classNames.root', destroyTooltipOnHide: 'destroyOnHidden' },
  Select: { dropdownMatchSelectWidth: 'popupMatchSelectWidth', dropdownStyle: 'styles.popup.root', dropdownClassName: 'classNames.popup.root', popupClassName: 'classNames.popup.root', dropdownRender: 'popupRender', onDropdownVisibleChange: 'onOpenChange', bordered: 'variant' },
  Dropdown: { dropdownRender: 'popupRender', destroyPopupOnHide: 'destroyOnHidden', overlayClassName: 'classNames.root', overlayStyle: 'styles.root' },
  Collapse: { destroyInactivePanel: 'destroyOnHidden', expandIconPosition: 'expandIconPlacement' },
  Statistic: { valueStyle: 'styles.content' },
  Button: { iconPosition: 'iconPlacement' },
  Input: { bordered: 'variant', addonBefore: 'Space.Compact', addonAfter: 'Space.Compact' },
  InputNumber: { bordered: 'variant', addonBefore: 'Space.Compact', addonAfter: 'Space.Compact' },
  Descriptions: { labelStyle: 'styles.label', contentStyle: 'styles.content' },
  Empty: { imageStyle: 'styles.image' },
  Divider: { type: 'orientation', orientationMargin: 'styles.content.margin' },
  Progress: { width: 'size', trailColor: 'railColor', gapPosition: 'gapPlacement' },
}).flatMap(([component, props]) =>
  Object.entries(props).map(([prop, instead]) => ({
    selector: `JSXOpeningElement[name.name='${component}'] > JSXAttribute[name.name='${prop}']`,
    message: `antd 6 deprecates <${component} ${prop}>: use ${instead}.`,
  })),
);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn', 'log'] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: { 'no-restricted-imports': ['error', electronOnlyInShell] },
  },
  layer(['main/db/**/*.ts'], ['**/services/**', '**/export/**', '**/import/**', ...TRANSPORTS], 'db/ is the bottom of main/: it imports the kernel (domain/) and nothing above it (services, export, import, api or a transport).'),
  layer(['main/services/**/*.ts'], TRANSPORTS, 'Services never import a transport (api, cli, web, shell): the transports call the services through the operation table.'),
  layer(['main/api/**/*.ts'], ['**/db/**', '**/import/**', '**/export/**', 'node:fs', 'fs'], 'api handlers are one call each into a service: no SQL or repository, no import pipeline or file builder, no file system from the api.'),
  {
    // errors live in the kernel (AppError) or the api (the envelope): a service throws AppError, never a class of its own
    files: ['main/services/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ClassDeclaration[superClass.name=/Error$/]', message: 'Errors live in the kernel (domain/errors.ts AppError) or the api: a service throws AppError(kind, key, params).' }],
    },
  },
  layer(['main/export/**/*.ts'], ['**/db/**', '**/services/**', ...TRANSPORTS], 'export/ is a pure file builder: the service layer reads the data (db/) and hands it over; export writes no settings or audit entries and calls no service.'),
  layer(['main/import/**/*.ts'], ['**/db/**', '**/services/**', ...TRANSPORTS], 'The import pipeline is pure: files in, records out. Services store the records (db/), never the pipeline.'),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through the preload bridge.' }],
          patterns: [
            { group: ['**/main/**', '**/main'], message: 'The renderer never imports main/: use the operation contract (contract/) through api/client.' },
            { group: ['node:*', 'fs', 'path', 'child_process', 'better-sqlite3'], message: 'The renderer has no Node APIs.' },
          ],
        },
      ],
      // t(key, { defaultValue }) accepts any key, so a misspelt one would pass the type check: narrow the
      // value to a catalogue key instead (i18n/keys.ts catalogueKey)
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='t'] Property[key.name='defaultValue'], CallExpression[callee.property.name='t'] Property[key.name='defaultValue']",
          message: "t(key, { defaultValue }) escapes the key check: narrow the value with catalogueKey (renderer/src/i18n/keys.ts) and call t with a checked key.",
        },
        ...ANTD_DEPRECATED,
      ],
    },
  },
  {
    files: ['formulas/**/*.ts', 'contract/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'formulas/ and contract/ are pure TypeScript shared by main and renderer.' }],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto'], message: 'formulas/ and contract/ run in the renderer too: no Node APIs.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'formulas/ and contract/ depend on nothing of main or renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'domain/ is the pure kernel: no Electron.' }],
          patterns: [
            { group: ['../*', '../**'], message: 'domain/ is the kernel: it imports nothing of ours (every layer imports it, never the reverse).' },
            { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'better-sqlite3', 'exceljs', 'mathjs', 'react', 'antd'], message: 'domain/ runs everywhere (main, renderer, CLI): no Node APIs, no DOM, no heavy libraries.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**'], message: 'The preload is a thin bridge: no services.' }] }],
    },
  },
);
