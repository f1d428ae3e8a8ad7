import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// eslint.config.mjs refuses the props antd 6 deprecates (ANTD_DEPRECATED): each rule must bite on
// the old prop and stay quiet on its replacement.
const eslint = new ESLint();

async function deprecations(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'renderer/src/pages/Example.tsx' });
  return (result?.messages ?? []).filter((m) => m.message.startsWith('antd 6 deprecates')).map((m) => m.message);
}

const page = (jsx: string): string =>
  `import { Alert, Descriptions, Drawer, InputNumber, Modal, Space, Spin, Statistic } from 'antd';\nexport function Example(): React.JSX.Element {\n  return (${jsx});\n}\n`;

describe('antd 6 deprecated props', () => {
  it('refuses the old prop and names its replacement', async () => {
    expect(await deprecations(page('<Space direction="vertical" />'))).toEqual(['antd 6 deprecates <Space direction>: use orientation.']);
    expect(await deprecations(page('<Alert type="info" message="x" />'))).toEqual(['antd 6 deprecates <Alert message>: use title.']);
    expect(await deprecations(page('<Drawer open width={620} />'))).toEqual(['antd 6 deprecates <Drawer width>: use size.']);
    expect(await deprecations(page('<Spin tip="x" />'))).toEqual(['antd 6 deprecates <Spin tip>: use description.']);
    expect(await deprecations(page('<Statistic value={1} valueStyle={{}} />'))).toEqual(['antd 6 deprecates <Statistic valueStyle>: use styles.content.']);
    // the rest of what antd warns about on the same components (Drawer's, Modal's, Input's and InputNumber's lists)
    expect(await deprecations(page('<Drawer open footerStyle={{}} drawerStyle={{}} />'))).toEqual(['antd 6 deprecates <Drawer footerStyle>: use styles.footer.', 'antd 6 deprecates <Drawer drawerStyle>: use styles.section.']);
    expect(await deprecations(page('<Modal open focusTriggerAfterClose={false} />'))).toEqual(['antd 6 deprecates <Modal focusTriggerAfterClose>: use focusable.focusTriggerAfterClose.']);
    expect(await deprecations(page('<InputNumber addonAfter="%" />'))).toEqual(['antd 6 deprecates <InputNumber addonAfter>: use Space.Compact.']);
    expect(await deprecations(page('<Descriptions labelStyle={{}} />'))).toEqual(['antd 6 deprecates <Descriptions labelStyle>: use styles.label.']);
  });

  it('lets the replacements and other components through', async () => {
    expect(await deprecations(page('<Space orientation="vertical"><Alert type="info" title="x" /><Drawer open size={620} /><Spin description="x" /><Statistic value={1} styles={{ content: {} }} /></Space>'))).toEqual([]);
    // the same prop name on a component that does not deprecate it
    expect(await deprecations(page('<div title="x"><input width={3} /></div>'))).toEqual([]);
  });
});
