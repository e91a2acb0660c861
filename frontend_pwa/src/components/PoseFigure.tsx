import { useEffect, useRef, useState } from 'preact/hooks';
import type { Pose, PoseShape } from '../types';
import { frameAt, pathData, unionBox, type Box } from '../lib/pose';
import { t } from '../lib/i18n';

export function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof matchMedia !== 'undefined' && matchMedia(query).matches);
  useEffect(() => {
    const mq = matchMedia(query);
    const on = () => setReduced(mq.matches);
    mq.addEventListener?.('change', on);
    return () => mq.removeEventListener?.('change', on);
  }, []);
  return reduced;
}

/** Draws the server's shapes as they are; the box keeps the pose's own aspect ratio. */
export function Figure({ shapes, box, label }: { shapes: PoseShape[]; box: Box; label?: string }) {
  return (
    <svg
      class="figure"
      viewBox={box.join(' ')}
      style={{ aspectRatio: `${box[2]} / ${box[3]}` }}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {shapes.map((s) =>
        s.c ? (
          <circle key={s.id} cx={s.c[0]} cy={s.c[1]} r={s.r} fill={s.fill} stroke={s.stroke} stroke-width={s.w} />
        ) : (
          <path key={s.id} d={pathData(s.p ?? [], !!s.closed)} fill={s.fill} stroke={s.stroke} stroke-width={s.w} />
        ),
      )}
    </svg>
  );
}

/** A figure seen from above (lying on the side) says so, so it is not read as lying on the back. */
function viewNote(pose: Pose | undefined): string {
  return pose?.view === 'top' ? ' (seen from above)' : '';
}

/** Animated figure moving through the exercise's poses; still poses side by side when motion is reduced. */
export function PoseFigure({ poses, name, paused }: { poses: Pose[]; name: string; paused?: boolean }) {
  const reduced = usePrefersReducedMotion();
  const [frame, setFrame] = useState<{ shapes: PoseShape[]; index: number }>(() => ({ shapes: poses[0]?.shapes ?? [], index: 0 }));
  const start = useRef<number | null>(null);

  useEffect(() => {
    setFrame({ shapes: poses[0]?.shapes ?? [], index: 0 });
    start.current = null;
    if (reduced || paused || poses.length < 2) return;
    let raf = 0;
    const loop = (t: number) => {
      if (start.current == null) start.current = t;
      setFrame(frameAt(poses, t - start.current));
      raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(raf);
  }, [poses, reduced, paused]);

  if (poses.length === 0) return null;
  if (reduced || poses.length === 1) {
    return (
      <div class="poses-static">
        {poses.map((p, i) => (
          <figure key={p.key}>
            <Figure shapes={p.shapes} box={p.view_box} label={`${name}, position ${i + 1}: ${p.label}${viewNote(p)}`} />
            <figcaption>
              {i + 1}. {p.label}
              {viewNote(p)}
            </figcaption>
          </figure>
        ))}
      </div>
    );
  }
  return (
    <figure class="pose-player" style={{ margin: 0 }}>
      <Figure
        shapes={frame.shapes}
        box={unionBox(poses.map((p) => p.view_box))}
        label={t('{name}, moving between: {0}{1}', { name, 0: poses.map((p) => p.label).join(', '), 1: viewNote(poses[0]) })}
      />
      <figcaption class="center muted small" aria-hidden="true">
        {poses[frame.index]?.label}
        {viewNote(poses[frame.index])}
      </figcaption>
    </figure>
  );
}
