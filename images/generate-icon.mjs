// Draws images/icon.png (128x128): three ordered pods (web-0, web-1, web-2), each with its
// own volume, on Kubernetes blue. No dependencies: shapes are signed-distance functions,
// 4x4 supersampled, written as an RGBA PNG with node:zlib. Not shipped in the VSIX.
//
//   node images/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

const BLUE = [50, 108, 229];
const WHITE = [255, 255, 255];
const LIGHT = [170, 196, 245];
const DARK = [23, 61, 140];

/** Distance from (x, y) to a rounded rectangle; negative inside. */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - (right - left) / 2 + radius;
  const qy = Math.abs(y - cy) - (bottom - top) / 2 + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function circle(x, y, cx, cy, r) {
  return Math.hypot(x - cx, y - cy) - r;
}

/** Shapes from back to front: [distance function, colour]. */
const shapes = [[(x, y) => roundedRect(x, y, 0, 0, SIZE, SIZE, 26), BLUE]];
for (const [i, top] of [26, 54, 82].entries()) {
  const bottom = top + 20;
  const mid = top + 10;
  shapes.push(
    [(x, y) => roundedRect(x, y, 20, top, 108, bottom, 6), WHITE],
    // The pod's ordinal: one, two, three dots.
    ...Array.from({ length: i + 1 }, (_, k) => [(x, y) => circle(x, y, 31 + k * 9, mid, 3.2), BLUE]),
    // Its volume: a small cylinder at the right end.
    [(x, y) => roundedRect(x, y, 86, top + 4, 100, bottom - 4, 3), LIGHT],
    [(x, y) => roundedRect(x, y, 86, top + 4, 100, top + 7, 1.5), DARK],
  );
}

function pixel(px, py) {
  let [r, g, b, a] = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      const hit = shapes.findLast(([inside]) => inside(x, y) <= 0);
      if (!hit) continue;
      r += hit[1][0];
      g += hit[1][1];
      b += hit[1][2];
      a += 255;
    }
  }
  const n = SAMPLES * SAMPLES;
  const covered = a / 255;
  // Un-premultiplied colour of the covered samples, alpha from the coverage.
  return covered === 0 ? [0, 0, 0, 0] : [r / covered, g / covered, b / covered, a / n].map(Math.round);
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`${out.pathname}: ${SIZE}x${SIZE}, ${png.length} bytes`);
