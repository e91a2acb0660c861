import { useEffect, useRef, useState } from 'preact/hooks';
import type { Pose } from '../types';
import { boneSegments, frameAt, type Points } from '../lib/pose';

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

function Figure({ points, bones, label }: { points: Points; bones: [string, string][]; label?: string }) {
  const head = points.head;
  return (
    <svg class="figure" viewBox="0 0 100 100" role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : 'true'}>
      {boneSegments(points, bones).map((s) => (
        <line key={s.key} x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} />
      ))}
      {head && <circle cx={head[0]} cy={head[1]} r={5} />}
    </svg>
  );
}

/** Animated stick figure moving through the exercise's poses; still poses side by side when motion is reduced. */
export function PoseFigure({ poses, name, paused }: { poses: Pose[]; name: string; paused?: boolean }) {
  const reduced = usePrefersReducedMotion();
  const [frame, setFrame] = useState<{ points: Points; index: number }>(() => ({ points: poses[0]?.points ?? {}, index: 0 }));
  const start = useRef<number | null>(null);

  useEffect(() => {
    setFrame({ points: poses[0]?.points ?? {}, index: 0 });
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
  const bones = poses[0].bones;
  if (reduced || poses.length === 1) {
    return (
      <div class="poses-static">
        {poses.map((p, i) => (
          <figure key={p.key}>
            <Figure points={p.points} bones={p.bones} label={`${name}, position ${i + 1}: ${p.label}`} />
            <figcaption>
              {i + 1}. {p.label}
            </figcaption>
          </figure>
        ))}
      </div>
    );
  }
  return (
    <figure style={{ margin: 0 }}>
      <Figure points={frame.points} bones={bones} label={`${name}, moving between: ${poses.map((p) => p.label).join(', ')}`} />
      <figcaption class="center muted small" aria-hidden="true">
        {poses[frame.index]?.label}
      </figcaption>
    </figure>
  );
}
