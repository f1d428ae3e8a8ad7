import { Alert, Card, Col, Empty, Row, Spin, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchSummaryView, PeriodOverviewView } from '../../../contract/ops/batches';
import { call } from '../api/client';
import { errorText } from '../api/use-load';
import { formatMoney, isNegative, previousPeriod } from '../../../domain';
import { changeBars, trendBars, type Bar } from './model';
import './charts.css';

// only what the charts use: the bundle stays small, and this module is loaded lazily (React.lazy)
// so the first screen does not wait for it. SVG draws crisp labels on screen and on paper.
echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

// the grids' colours: antd's blue, a lighter blue for earlier months, red for decreases
const BLUE = '#1677ff';
const LIGHT = '#91caff';
const RED = '#cf1322';
const FONT = '"Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", sans-serif';

interface ChartProps {
  bars: Bar[];
  horizontal?: boolean;
  testId: string;
  height: number;
  colour?: (b: Bar) => string;
}

/**
 * One bar chart. The bar's length is drawn from the amount (a float is fine for pixels); every label
 * shows the exact amount as the grids format it. A click on a bar opens the rows behind it. A
 * distributor's long name breaks onto a second line beside its bar instead of being cut.
 */
function BarsChart({ bars, horizontal = false, testId, height, colour }: ChartProps): React.JSX.Element {
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    const labels = bars.map((b) => b.label);
    const data = bars.map((b) => ({ value: Number(b.value), itemStyle: { color: colour ? colour(b) : BLUE } }));
    const category = { type: 'category' as const, data: labels, axisTick: { show: false }, axisLabel: { color: 'rgba(0,0,0,0.65)', fontFamily: FONT, fontSize: 12, lineHeight: 14, width: horizontal ? 170 : 90, overflow: horizontal ? ('break' as const) : ('truncate' as const), interval: 0 }, inverse: horizontal };
    const value = { type: 'value' as const, show: false, splitLine: { show: false } };
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      grid: horizontal ? { left: 8, right: 96, top: 8, bottom: 8, containLabel: true } : { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => `${bars[p.dataIndex]?.label ?? ''}<br/><b>${formatMoney(bars[p.dataIndex]?.value ?? '')}</b>` },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [
        {
          type: 'bar',
          data,
          barMaxWidth: 36,
          label: {
            show: true,
            position: horizontal ? 'right' : 'top',
            color: 'rgba(0,0,0,0.88)',
            fontFamily: FONT,
            fontSize: 12,
            formatter: (p: { dataIndex: number }) => formatMoney(bars[p.dataIndex]?.value ?? ''),
          },
          cursor: 'pointer',
        },
      ],
    });
    chart.on('click', (p) => {
      const b = bars[p.dataIndex];
      if (b) location.hash = b.href;
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [bars, horizontal, colour]);
  return <div ref={ref} className="batch-chart" style={{ height }} data-testid={testId} data-bars={bars.length} />;
}

interface Props {
  period: string;
  /** the batch's summary when the page has it already (the approval view); else it is loaded */
  summary?: BatchSummaryView | undefined;
  /** periods.overview when the page has it already */
  periods?: PeriodOverviewView[] | undefined;
}

interface Loaded {
  summary: BatchSummaryView;
  periods: PeriodOverviewView[];
}

/**
 * The month in pictures: the batch's final amount by region and by grade, this month against the
 * last six approved months, and the largest changes per distributor against the month before.
 */
export default function BatchCharts({ period, summary, periods }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setError(null);
    void (async () => {
      // the groups and the largest changes come computed from the server (batch.summary), not the batch's rows
      const [list, own] = await Promise.all([periods ?? call('periods.overview', {}), summary ?? call('batch.summary', { period })]);
      if (live) setLoaded({ summary: own, periods: list });
    })().catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [period, summary, periods]);

  const charts = useMemo(() => {
    if (!loaded) return null;
    const group = (by: 'region' | 'grade'): Bar[] => loaded.summary.groups[by].map((g) => ({ key: g.key, label: g.key, value: g.final, href: `#/results/${period}/${by}/${encodeURIComponent(g.key)}` }));
    return {
      region: group('region'),
      grade: group('grade'),
      trend: trendBars(loaded.periods, period),
      changes: loaded.summary.changes ? changeBars(period, loaded.summary.changes.rows) : null,
    };
  }, [loaded, period]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!charts) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  const prev = previousPeriod(period);
  return (
    <Row gutter={[12, 12]} className="batch-charts" data-testid="batch-charts">
      <Col xs={24} xl={12} xxl={6}>
        <Card size="small" title={t('charts.byRegion', { period })}>
          <BarsChart bars={charts.region} testId="chart-region" height={220} />
        </Card>
      </Col>
      <Col xs={24} xl={12} xxl={6}>
        <Card size="small" title={t('charts.byGrade', { period })}>
          <BarsChart bars={charts.grade} testId="chart-grade" height={220} />
        </Card>
      </Col>
      <Col xs={24} xl={12} xxl={6}>
        <Card size="small" title={t('charts.trend')}>
          {charts.trend.length > 1 ? (
            <BarsChart bars={charts.trend} testId="chart-trend" height={220} colour={(b) => (b.current ? BLUE : LIGHT)} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('charts.noHistory')} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12} xxl={6}>
        <Card size="small" title={t('charts.changes', { period: prev })}>
          {charts.changes && charts.changes.length > 0 ? (
            <BarsChart bars={charts.changes} horizontal testId="chart-changes" height={Math.max(120, charts.changes.length * 32 + 16)} colour={(b) => (isNegative(b.value) ? RED : BLUE)} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={charts.changes ? t('charts.noChanges') : t('charts.noPrevious', { period: prev })} />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary" className="chart-hint">
          {t('charts.hint')}
        </Typography.Text>
      </Col>
    </Row>
  );
}
