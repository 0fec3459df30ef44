// Draws the app icon of public/favicon.svg (a rounded blue square, a white "P" stroke and a dot)
// at any size, with 4×4 supersampling, and encodes it as PNG. The shapes are the SVG's own, in its
// 32-unit space; keep the two in step when the logo changes. `maskable` fills the whole square and
// shrinks the mark into the safe zone (the inner 80%), as Android's adaptive icons crop it.
import { encodePng } from "./png.mjs";

const BLUE = [0x3b, 0x5b, 0xdb];
const WHITE = [255, 255, 255];

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Inside the rounded square 0..32 with corner radius 7. */
function inRoundedSquare(x, y) {
  const r = 7;
  const cx = Math.max(r, Math.min(32 - r, x));
  const cy = Math.max(r, Math.min(32 - r, y));
  return x >= 0 && y >= 0 && x <= 32 && y <= 32 && Math.hypot(x - cx, y - cy) <= r;
}

/** On the white mark: the "P" (path M9 23 V9 h7 a4.5 4.5 0 0 1 0 9 h-7, width 3) or the dot. */
function onMark(x, y) {
  const half = 1.5;
  const bowl = x >= 16 ? Math.abs(Math.hypot(x - 16, y - 13.5) - 4.5) : Infinity;
  const d = Math.min(
    segment(x, y, 9, 23, 9, 9),
    segment(x, y, 9, 9, 16, 9),
    segment(x, y, 16, 18, 9, 18),
    bowl,
    Math.hypot(x - 16, y - 9),
    Math.hypot(x - 16, y - 18),
  );
  return d <= half || Math.hypot(x - 23, y - 23) <= 2.5;
}

/**
 * The icon as a PNG of `size` × `size` pixels.
 * @param {number} size
 * @param {{ maskable?: boolean }} [options]
 */
export function drawIcon(size, { maskable = false } = {}) {
  const rgba = new Uint8Array(size * size * 4);
  const S = 4;
  // Maskable: the mark at 70% of the square, centred; the background fills everything.
  const scale = maskable ? 0.7 : 1;
  const offset = (32 - 32 * scale) / 2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = ((px + (sx + 0.5) / S) * 32) / size;
          const y = ((py + (sy + 0.5) / S) * 32) / size;
          const mx = (x - offset) / scale;
          const my = (y - offset) / scale;
          if (maskable || inRoundedSquare(x, y)) {
            bg++;
            if (onMark(mx, my)) mark++;
          }
        }
      }
      const i = (py * size + px) * 4;
      const coverage = bg / (S * S);
      const white = bg ? mark / bg : 0;
      for (let c = 0; c < 3; c++) {
        rgba[i + c] = Math.round((BLUE[c] ?? 0) * (1 - white) + (WHITE[c] ?? 0) * white);
      }
      rgba[i + 3] = Math.round(coverage * 255);
    }
  }
  return encodePng(size, size, rgba);
}

/** The icon files the manifest and index.html name, by file name. */
export const ICONS = [
  { file: "icon-192.png", size: 192, purpose: "any" },
  { file: "icon-512.png", size: 512, purpose: "any" },
  { file: "icon-maskable-512.png", size: 512, purpose: "maskable" },
  { file: "apple-touch-icon.png", size: 180, purpose: "apple" }, // drawn maskable: iOS rounds it itself,
];
