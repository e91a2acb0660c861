// Break statistics (Progress and the physiotherapist's patient page): breaks taken against
// reminders offered, per day and per week, the longest sitting stretch, and which exercises.
import { api } from '../lib/client';
import { ErrorNote, Loading, useAsync } from '../components/ui';
import { formatMinutes } from '../lib/nudges';
import { t } from '../lib/i18n';
import { shortDay, daysText, minutesTick, pairBars, STATS_BOX, statsHeadline } from './logic';
import type { BreakStats } from './types';

const box = STATS_BOX;

function PairChart({ id, series, minutes, caption, single, detail }: { id: string; series: { key: string; offered: number; taken: number }[]; minutes?: boolean; caption: string; single?: boolean; detail?: string }) {
  const { bars, ticks } = pairBars(series, box);
  if (bars.length === 0) return <p class="muted">{t('Nothing to show yet.')}</p>;
  return (
    <figure style={{ margin: 0 }}>
      <svg class="chart" viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby={`${id}-desc`}>
        {ticks.map((tk) => (
          <g key={tk.value}>
            <line class="grid" x1={box.left} x2={box.width - box.right} y1={tk.y} y2={tk.y} />
            <text x={box.left - 4} y={tk.y + 5} text-anchor="end">
              {minutes ? minutesTick(tk.value) : Math.round(tk.value)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => (
          <g key={b.key}>
            {!single && b.offered > 0 && <rect class="offered" x={b.x} y={b.offeredY} width={b.width} height={b.offeredH} rx={2} />}
            {b.taken > 0 && <rect class="taken" x={b.x} y={b.takenY} width={b.width} height={b.takenH} rx={2} />}
            {b.showLabel && (
              // The last label ends at the plot's edge, so it is never cut off.
              <text x={i === bars.length - 1 ? box.width - 2 : b.x + b.width / 2} y={box.height - 10} text-anchor={i === bars.length - 1 ? 'end' : 'middle'}>
                {b.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption id={`${id}-desc`} class="small muted">
        {caption}
        {detail && <span class="sr-only"> {detail}</span>}
      </figcaption>
    </figure>
  );
}

export function BreakStatsView({ url, who }: { url: string; who: 'patient' | 'physio' }) {
  const q = useAsync(() => api.get<BreakStats>(url), [url]);
  const you = who === 'patient';
  return (
    <section class="card" aria-labelledby="breaks-stats-h">
      <h2 id="breaks-stats-h" style={{ marginTop: 0 }}>
        {t('Movement breaks')}
      </h2>
      {q.loading && !q.data && <Loading />}
      {q.error != null && !q.data && <ErrorNote error={q.error} retry={q.reload} />}
      {q.data && <StatsBody s={q.data} you={you} />}
    </section>
  );
}

function StatsBody({ s, you }: { s: BreakStats; you: boolean }) {
  const days = s.days.slice(-14);
  const maxCount = Math.max(1, ...s.exercises.map((e) => e.count));
  const longest = s.longest_sitting_minutes.slice(-14);
  const worst = longest.reduce((m, d) => Math.max(m, d.minutes), 0);
  return (
    <>
      <p>{statsHeadline(s)}</p>
      <h3>{t('Each day')}</h3>
      <PairChart
        id="brk-days"
        series={days.map((d) => ({ key: d.date, offered: d.offered, taken: d.taken }))}
        caption={t('{days, plural, one {Filled: breaks taken. Dashed outline: reminders sent. The last day.} other {Filled: breaks taken. Dashed outline: reminders sent. The last # days.}}', { days: days.length })}
        detail={`${daysText({ ...s, days })}.`}
      />
      <h3>{t('Each week')}</h3>
      <PairChart
        id="brk-weeks"
        series={s.weeks.map((w) => ({ key: w.week_start, offered: w.offered, taken: w.taken }))}
        caption={t('Each week, named by its Monday.')}
        detail={`${s.weeks.map((w) => t('Week of {day}: {taken} of {offered}', { day: shortDay(w.week_start), taken: w.taken, offered: w.offered })).join('; ')}.`}
      />
      <h3>{t('Longest time sitting without a break')}</h3>
      <PairChart
        id="brk-sit"
        single
        minutes
        series={longest.map((d) => ({ key: d.date, offered: 0, taken: d.minutes }))}
        caption={worst > 0 ? t('Minutes, per day. The longest: {time}.', { time: formatMinutes(worst) }) : t('No sitting stretches recorded yet.')}
      />
      <h3>{you ? t('Breaks you did') : t('Breaks done')}</h3>
      {s.exercises.length === 0 ? (
        <p class="muted">{t('None recorded yet.')}</p>
      ) : (
        <ul class="ex-bars" data-testid="break-exercises">
          {s.exercises.map((e) => (
            <li key={e.slug}>
              <span>{e.name}</span>
              <span class="track" aria-hidden="true">
                <span class="fill" style={{ display: 'block', width: `${(e.count / maxCount) * 100}%` }} />
              </span>
              <span>
                <span class="sr-only">{t('{count, plural, one {# time} other {# times}}', { count: e.count })}</span>
                <span aria-hidden="true">{e.count}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
