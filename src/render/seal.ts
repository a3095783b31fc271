/**
 * What the writers draw where a sealed signature's seal (印章) goes. The sealed layout itself
 * (GB/T 9704-2012 7.3.5.1: the date right-indented 4 characters, the agency centred over it) is
 * the tree's `SignatureBlock.seal`; the mark is a render option, per run or from the letters
 * configuration:
 * - `none` (the default): nothing drawn — the document is printed and stamped by hand;
 * - `placeholder`: a red 42 mm ring, for drafts;
 * - `image`: an electronic seal (a PNG, transparency kept), drawn behind the text.
 * Both writers place the mark with `sealBox` (document/layout.ts), so PDF and DOCX agree.
 */
import { deflateSync } from "node:zlib";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import { readInputBytes } from "../util/read-input.js";

export const SEAL_MODES = ["none", "placeholder", "image"] as const;
export type SealMode = (typeof SEAL_MODES)[number];

/** A PNG with its pixel size (read from IHDR). */
export interface SealImage {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

export type SealMark =
  | { mode: "none" }
  | { mode: "placeholder" }
  | ({ mode: "image"; /** Where it came from (messages, cache keys). */ file: string } & SealImage);

export const NO_SEAL: SealMark = Object.freeze({ mode: "none" });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height of a PNG, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { widthPx: number; heightPx: number } | undefined {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return undefined;
  const widthPx = dv.getUint32(16);
  const heightPx = dv.getUint32(20);
  return widthPx > 0 && heightPx > 0 ? { widthPx, heightPx } : undefined;
}

/** Read an electronic seal image (UserError naming the file when it is missing or not a PNG). */
export function loadSealImage(file: string, lang: Lang = "zh"): SealMark {
  // The shared input reader: size-limited, a clear message for a missing file or a folder.
  const bytes = new Uint8Array(readInputBytes(file, { lang, regularOnly: true }));
  const size = pngSize(bytes);
  if (!size)
    throw new UserError(
      t(
        lang,
        `印章图片 ${file} 不是 PNG 文件（电子印章请用带透明背景的 PNG）`,
        `seal image ${file} is not a PNG file (use a PNG with a transparent background)`,
      ),
    );
  return { mode: "image", file, png: bytes, ...size };
}

/**
 * The seal mark from a mode and an image file (CLI options or the letters configuration). An
 * image file without a mode means `image`; `image` without a file is an error.
 */
export function sealMark(mode: string | undefined, image: string | undefined, lang: Lang = "zh"): SealMark {
  const m = mode ?? (image !== undefined ? "image" : "none");
  if (!(SEAL_MODES as readonly string[]).includes(m))
    throw new UserError(
      t(
        lang,
        `不支持的印章方式 ${m}，可选：${SEAL_MODES.join("、")}`,
        `unknown seal mode ${m}; choose from ${SEAL_MODES.join(", ")}`,
      ),
    );
  if (m === "image") {
    if (image === undefined)
      throw new UserError(
        t(
          lang,
          "印章方式 image 需要印章图片（--seal-image FILE）",
          "seal mode image needs an image (--seal-image FILE)",
        ),
      );
    return loadSealImage(image, lang);
  }
  if (image !== undefined)
    throw new UserError(
      t(
        lang,
        `给了印章图片 ${image}，但印章方式是 ${m}（图片只用于 image）`,
        `a seal image ${image} was given but the seal mode is ${m} (images are for mode image)`,
      ),
    );
  return m === "placeholder" ? { mode: "placeholder" } : NO_SEAL;
}

/** A short, stable key for caches (the image by its bytes' length and a checksum). */
export function sealKey(mark: SealMark | undefined): string {
  if (!mark || mark.mode !== "image") return mark?.mode ?? "none";
  let h = 0x811c9dc5;
  for (const b of mark.png) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `image:${mark.png.length}:${h.toString(16)}`;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (const b of p) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  const typeBytes = new TextEncoder().encode(type);
  out.set(typeBytes, 4);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32([typeBytes, data]));
  return out;
}

/** An RGBA image as PNG bytes (deterministic: fixed zlib level, no ancillary chunks). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const raw = new Uint8Array((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const parts = [
    new Uint8Array(PNG_SIGNATURE),
    chunk("IHDR", ihdr),
    chunk("IDAT", new Uint8Array(deflateSync(raw, { level: 9 }))),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

let ring: SealImage | undefined;

/**
 * The placeholder as an image (the DOCX has no vector circle of ours): a red ring on a
 * transparent ground, its outer edge the image's edge, the stroke 1/60 of the diameter as the
 * PDF's 1 pt ring of 42 mm.
 */
export function placeholderRing(): SealImage {
  if (ring) return ring;
  const size = 240;
  const rgba = new Uint8Array(size * size * 4);
  const c = size / 2;
  const stroke = Math.max(2, size / 60);
  const outer = c - 0.5;
  const inner = outer - stroke;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // 4×4 supersampling for a smooth edge.
      let hits = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const d = Math.hypot(x + (sx + 0.5) / 4 - c, y + (sy + 0.5) / 4 - c);
          if (d <= outer && d >= inner) hits++;
        }
      const i = (y * size + x) * 4;
      rgba[i] = 217;
      rgba[i + 1] = 0;
      rgba[i + 2] = 0;
      rgba[i + 3] = Math.round((hits / 16) * 255);
    }
  ring = { png: encodePng(size, size, rgba), widthPx: size, heightPx: size };
  return ring;
}
