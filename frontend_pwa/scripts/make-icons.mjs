// Writes the PNG app icons from the same geometry as public/icons/icon.svg.
// Run with `npm run icons`; the PNGs are committed, so builds don't need this.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [11, 95, 99];
const FG = [255, 255, 255];

// Figure in a 64×64 design space.
const head = { x: 32, y: 15, r: 6 };
const segs = [
  [32, 24, 32, 42],
  [22, 30, 32, 34],
  [32, 34, 42, 30],
  [32, 42, 25, 54],
  [32, 42, 39, 54],
];
const STROKE = 2.5; // half of the stroke width

function distSeg(px, py, [x1, y1, x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function inRoundRect(x, y, r) {
  const cx = Math.min(Math.max(x, r), 64 - r);
  const cy = Math.min(Math.max(y, r), 64 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** Returns RGBA coverage for a point in design space. */
function sample(x, y, { maskable }) {
  let bg = maskable ? true : inRoundRect(x, y, 14);
  if (x < 0 || y < 0 || x > 64 || y > 64) bg = false;
  if (!bg) return null;
  // Maskable icons keep the figure inside the central safe zone.
  const s = maskable ? 0.72 : 1;
  const fx = 32 + (x - 32) / s;
  const fy = 32 + (y - 32) / s;
  const onFigure = Math.hypot(fx - head.x, fy - head.y) <= head.r || segs.some((g) => distSeg(fx, fy, g) <= STROKE);
  return onFigure ? FG : BG;
}

function render(size, opts) {
  const n = 4; // supersampling per axis
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const x = ((i + (si + 0.5) / n) / size) * 64;
          const y = ((j + (sj + 0.5) / n) / size) * 64;
          const c = sample(x, y, opts);
          if (c) {
            r += c[0]; g += c[1]; b += c[2]; a += 1;
          }
        }
      }
      const o = (j * size + i) * 4;
      const k = n * n;
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round((a / k) * 255);
      if (opts.opaque) {
        // Flatten onto the background colour.
        const al = a / k;
        px[o] = Math.round(px[o] * al + BG[0] * (1 - al));
        px[o + 1] = Math.round(px[o + 1] * al + BG[1] * (1 - al));
        px[o + 2] = Math.round(px[o + 2] * al + BG[2] * (1 - al));
        px[o + 3] = 255;
      }
    }
  }
  return png(size, size, px);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0;
    rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), render(192, {}));
writeFileSync(new URL('icon-512.png', out), render(512, {}));
writeFileSync(new URL('icon-maskable-512.png', out), render(512, { maskable: true, opaque: true }));
writeFileSync(new URL('apple-touch-icon.png', out), render(180, { maskable: true, opaque: true }));
console.log('icons written');
