import { escapeHtml } from './html-escape.js';

/** One bar of a chart: its label and its parts, each drawn in the colour of its key. */
export interface Bar {
  label: string;
  segments: ReadonlyArray<{ key: string; value: number }>;
}

const WIDTH = 480;
const LABEL_WIDTH = 160;
const BAR_SPACE = 270;
const ROW = 24;
const LONGEST_LABEL = 21;

/**
 * A horizontal bar chart as inline SVG, drawn here so the report needs no script or library to
 * show it: bars of stacked parts, scaled to the largest total, each total written after its bar.
 * Colours come from the report's style sheet by class (`part-KEY`), each part named in a tooltip.
 */
export function barChart(caption: string, bars: readonly Bar[]): string {
  const totals = bars.map((bar) => bar.segments.reduce((sum, segment) => sum + segment.value, 0));
  const largest = Math.max(1, ...totals);
  const height = Math.max(1, bars.length) * ROW + 4;
  const rows = bars.map((bar, index) => {
    const y = index * ROW + 4;
    let x = LABEL_WIDTH;
    const parts = bar.segments.filter((segment) => segment.value > 0).map((segment) => {
      const width = (segment.value / largest) * BAR_SPACE;
      const rect = `<rect class="part-${escapeHtml(segment.key)}" x="${round(x)}" y="${y}" width="${round(Math.max(width, 1))}" height="${ROW - 8}"><title>${escapeHtml(`${bar.label}: ${segment.value} ${segment.key}`)}</title></rect>`;
      x += width;
      return rect;
    });
    const label = bar.label.length > LONGEST_LABEL ? `${bar.label.slice(0, LONGEST_LABEL - 1)}…` : bar.label;
    return `<g><text class="chart-label" x="${LABEL_WIDTH - 8}" y="${y + ROW / 2}" text-anchor="end"><title>${escapeHtml(bar.label)}</title>${escapeHtml(label)}</text>${parts.join('')}<text class="chart-value" x="${round(x + 6)}" y="${y + ROW / 2}">${totals[index]}</text></g>`;
  });
  const empty = bars.length === 0 ? `<text class="chart-label" x="0" y="${ROW / 2}">None</text>` : '';
  return `<figure class="chart"><figcaption>${escapeHtml(caption)}</figcaption><svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(caption)}">${rows.join('')}${empty}</svg></figure>`;
}

/** The colour key of a chart's parts: a swatch and a name for each. */
export function legend(keys: ReadonlyArray<{ key: string; label: string }>): string {
  const items = keys.map(({ key, label }) => `<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="part-${escapeHtml(key)}" width="10" height="10"/></svg>${escapeHtml(label)}</li>`);
  return `<ul class="legend">${items.join('')}</ul>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
