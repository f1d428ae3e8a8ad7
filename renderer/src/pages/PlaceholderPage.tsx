import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Section } from '../sections';

/** An honest placeholder: says what the section will do and that it is not there yet. */
export function PlaceholderPage({ section }: { section: Section }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Card data-testid={`page-${section}`}>
      <Empty
        style={{ padding: '48px 0' }}
        description={
          <div style={{ maxWidth: 520, margin: '0 auto' }}>
            <Typography.Title level={5}>{t('placeholder.notYet')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t(`placeholder.${section}`)}</Typography.Paragraph>
          </div>
        }
      />
    </Card>
  );
}
