import type { PainPoint, WeekStat } from '../types';
import { DEFAULT_BOX, painSeries, painSummary, percent, weeklyBars } from '../lib/charts';
import { t } from '../lib/i18n';

const box = DEFAULT_BOX;

export function AdherenceBars({ weeks }: { weeks: WeekStat[] }) {
  const bars = weeklyBars(weeks, box);
  if (bars.length === 0) return <p class="muted">{t('No weeks to show yet.')}</p>;
  const plotBottom = box.height - box.bottom;
  return (
    <figure style={{ margin: 0 }}>
      <svg class="chart" viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby="adh-desc">
        {[0, 0.5, 1].map((r) => {
          const y = box.top + (1 - r) * (plotBottom - box.top);
          return (
            <g key={r}>
              <line class="grid" x1={box.left} x2={box.width - box.right} y1={y} y2={y} />
              <text x={box.left - 4} y={y + 5} text-anchor="end">
                {Math.round(r * 100)}%
              </text>
            </g>
          );
        })}
        {bars.map((b, i) => (
          <g key={b.weekStart}>
            <rect class={b.ratio == null ? 'bar empty' : 'bar'} x={b.x} y={b.ratio ? b.y : plotBottom - 2} width={b.width} height={b.ratio ? b.height : 2} rx={2} />
            {/* Every other label when there are many weeks, so they never overlap (the last is always shown). */}
            {(bars.length <= 5 || (bars.length - 1 - i) % 2 === 0) && (
              <text x={b.x + b.width / 2} y={box.height - 10} text-anchor="middle">
                {b.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      <p class="small muted" aria-hidden="true" style={{ margin: '.25rem 0 0' }}>
        {t('Each bar is one week, named by its Monday: the last is the week of {label}.', { label: bars[bars.length - 1].label })}
      </p>
      <figcaption id="adh-desc" class="sr-only">
        {t('Sessions done each week:')} {bars.map((b) => t('week of {label}, {completed} of {prescribed} ({0})', { label: b.label, completed: b.completed, prescribed: b.prescribed, 0: percent(b.ratio) })).join('; ')}.
      </figcaption>
    </figure>
  );
}

export function PainChart({ pain }: { pain: PainPoint[] }) {
  const c = painSeries(pain, box);
  if (c.before.length === 0 && c.after.length === 0) return <p class="muted">{t('No pain scores logged yet.')}</p>;
  return (
    <figure style={{ margin: 0 }}>
      <svg class="chart" viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby="pain-desc">
        {c.yTicks.map((t) => (
          <g key={t.value}>
            <line class="grid" x1={box.left} x2={box.width - box.right} y1={t.y} y2={t.y} />
            <text x={box.left - 4} y={t.y + 5} text-anchor="end">
              {t.value}
            </text>
          </g>
        ))}
        <path class="before" d={c.beforePath} />
        <path class="after" d={c.afterPath} />
        {c.before.map((p, i) => (
          <circle key={`b${i}`} class="dot-before" cx={p.x} cy={p.y} r={3} />
        ))}
        {c.after.map((p, i) => (
          <rect key={`a${i}`} class="dot-after" x={p.x - 3} y={p.y - 3} width={6} height={6} />
        ))}
        {c.xLabels.map((l, i) => (
          <text key={l.label + l.x} x={l.x} y={box.height - 10} text-anchor={c.xLabels.length > 1 && i === 0 ? 'start' : c.xLabels.length > 1 && i === c.xLabels.length - 1 ? 'end' : 'middle'}>
            {l.label}
          </text>
        ))}
      </svg>
      <figcaption>
        <div class="legend" aria-hidden="true">
          <span>
            <i style={{ borderColor: 'var(--chart-before)' }} />
            {t('Before (circles)')}
          </span>
          <span>
            <i style={{ borderColor: 'var(--chart-after)', borderTopStyle: 'dashed' }} />
            {t('After (squares)')}
          </span>
        </div>
        <p id="pain-desc" class="small muted">
          {t('Pain from 0 (none) to 10 (worst). {0}', { 0: painSummary(pain) })}
        </p>
      </figcaption>
    </figure>
  );
}
