import { Segmented } from 'antd';
import type { Lang } from '../../../contract/roles';

export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (l: Lang) => void }): React.JSX.Element {
  return (
    <Segmented<Lang>
      data-testid="language-switch"
      size="small"
      value={lang}
      onChange={onChange}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
