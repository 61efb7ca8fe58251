// One chart of the results dashboard, drawn by Apache ECharts (docs/ARCHITECTURE.md says why that library). Only the
// parts used are registered, so the chunk of the results page stays small. A new `bars` prop updates the chart in
// place (setOption merges and animates), so the figures move without a reload.

import { useEffect, useRef } from 'react';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ChartBar {
  label: string;
  value: number;
}

interface BoardChartProps {
  bars: ChartBar[];
  kind?: 'bar' | 'pie';
  /** What a value is, for the tooltip (e.g. "Giá trị (triệu đồng)"). */
  valueName: string;
  testId?: string;
}

const COLORS = ['#b3261e', '#1f6f43', '#c77700', '#2457a6', '#7b3fa0', '#4d6b00', '#a14d1f', '#5c5c5c'];

/** Whether this browser can draw on a canvas (a test's DOM cannot): without it the tables carry the figures. */
function canDraw(): boolean {
  try {
    return !!document.createElement('canvas').getContext('2d');
  } catch {
    return false;
  }
}

export function BoardChart({ bars, kind = 'bar', valueName, testId }: BoardChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current || !canDraw()) return;
    let instance: echarts.ECharts;
    try {
      instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    } catch {
      return; // no canvas (e.g. a test's DOM): the table beside the chart still has the figures
    }
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const option =
      kind === 'pie'
        ? {
            color: COLORS,
            tooltip: { trigger: 'item' as const },
            series: [
              {
                type: 'pie' as const,
                name: valueName,
                radius: ['40%', '70%'],
                label: { formatter: '{b}: {c}' },
                data: bars.map((b) => ({ name: b.label, value: b.value })),
              },
            ],
          }
        : {
            color: COLORS,
            tooltip: { trigger: 'axis' as const },
            grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value' as const },
            yAxis: { type: 'category' as const, inverse: true, data: bars.map((b) => b.label), axisLabel: { width: 120, overflow: 'truncate' as const } },
            series: [{ type: 'bar' as const, name: valueName, data: bars.map((b) => b.value), label: { show: true, position: 'right' as const } }],
          };
    try {
      instance.setOption(option, { replaceMerge: ['series'] });
    } catch (error) {
      console.warn('chart: could not draw', error);
    }
  }, [bars, kind, valueName]);

  return <div ref={element} className="board-chart" data-testid={testId} role="img" aria-label={valueName} />;
}
