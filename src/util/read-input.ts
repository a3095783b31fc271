/**
 * Reading input: the one module through which gongwen reads a file the user gives it (a
 * dataset, a ledger, a template, a calendar override, an assessment scheme, a mapping, a
 * letters or font configuration). The CLI, and the server and workers built on the library,
 * use it too.
 *
 * - Bytes are counted while reading: a pipe, /dev/zero or a file that grows cannot pass the
 *   input limit (maxInputBytes); the read stops one chunk past it.
 * - Text is decoded strictly: UTF-8 with or without a byte-order mark, or UTF-16 with one.
 *   Anything else is refused with a message saying which encoding it looks like (GBK/GB18030,
 *   UTF-16 without BOM, UTF-32) and how to convert it. A UTF-8 BOM over a GBK body is refused
 *   the same way. (CSV ledgers may, in addition, be GBK without a BOM: `legacy`.)
 * - A zip (XLSX) is inflated entry by entry as a stream before it is opened, counting the bytes
 *   that come out: a zip that declares small sizes and inflates to gigabytes is stopped at the
 *   limit, whatever its directory says.
 * - Failures are UserErrors naming the path (exit 2): ENOENT, EACCES, ELOOP, EISDIR, a FIFO or
 *   device where only a regular file may be (`regularOnly`), a link where none may be
 *   (`noFollow`).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { getHeapStatistics } from "node:v8";
import { Unzip, UnzipInflate } from "fflate";
import { UserError } from "./errors.js";
import { fsError } from "./fs-atomic.js";
import { t, type Lang } from "./i18n.js";

/**
 * Largest input read (a dataset, a ledger; for a zip, what it inflates to), in bytes. Checking a
 * dataset takes about 30 bytes of memory per byte of JSON, so the limit is 64 MB (some 500,000
 * approval cases, ten times a large office's year) or what this process's heap can hold,
 * whichever is less. GONGWEN_MAX_INPUT_MB overrides it.
 */
export function maxInputBytes(): number {
  const env = Number(process.env.GONGWEN_MAX_INPUT_MB);
  if (Number.isFinite(env) && env > 0) return env * 1024 * 1024;
  return Math.min(64 * 1024 * 1024, Math.floor(getHeapStatistics().heap_size_limit / 32));
}

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

function tooLarge(path: string, size: string, limit: number, lang: Lang): UserError {
  return new UserError(
    t(
      lang,
      `${path}：文件过大（${size}），输入文件最大 ${mb(limit)} MB；确需处理更大的文件，可设置环境变量 GONGWEN_MAX_INPUT_MB`,
      `${path}: file too large (${size}); an input file may be at most ${mb(limit)} MB (set GONGWEN_MAX_INPUT_MB to raise the limit)`,
    ),
  );
}

/**
 * A UserError when an input of `bytes` bytes (for a zipped file the size unzipped) is over
 * maxInputBytes(): refused with a clear message rather than risking the heap.
 */
export function assertInputSize(path: string, bytes: number, lang: Lang = "zh", unzipped = false): void {
  const limit = maxInputBytes();
  if (bytes <= limit) return;
  const size = unzipped ? t(lang, `解压后 ${mb(bytes)} MB`, `${mb(bytes)} MB unzipped`) : `${mb(bytes)} MB`;
  throw tooLarge(path, size, limit, lang);
}

export interface ReadInputOptions {
  lang?: Lang;
  /** Bytes allowed (default maxInputBytes()). */
  limit?: number;
  /** Only a regular file (no FIFO, device or socket); a FIFO is not even waited on. */
  regularOnly?: boolean;
  /** The path itself must not be a symbolic link. */
  noFollow?: boolean;
  /** How messages name the file (default: the path). */
  shownAs?: string;
}

const CHUNK = 1 << 20;

/** The bytes of an input, counted as they are read (see the module comment). */
export function readInputBytes(path: string, opts: ReadInputOptions = {}): Buffer {
  const lang = opts.lang ?? "zh";
  const limit = opts.limit ?? maxInputBytes();
  const shown = opts.shownAs ?? path;
  let fd: number;
  try {
    // Non-blocking open: a FIFO with no writer does not hang a check for regular files.
    const flags =
      constants.O_RDONLY |
      (opts.regularOnly ? (constants.O_NONBLOCK ?? 0) : 0) |
      (opts.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
    fd = openSync(path, flags);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ELOOP" && opts.noFollow) throw notRegular(shown, lang, "link");
    throw fsError(e, shown, lang, "read");
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw fsError(Object.assign(new Error(), { code: "EISDIR" }), shown, lang, "read");
    if (opts.regularOnly && !st.isFile()) throw notRegular(shown, lang, st.isFIFO() ? "fifo" : "special");
    if (st.isFile() && st.size > limit) assertInputSize(shown, st.size, lang);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(st.isFile() ? Math.min(Math.max(st.size - total + 1, 1), CHUNK) : CHUNK);
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
        throw e;
      }
      if (n === 0) break;
      total += n;
      if (total > limit)
        throw tooLarge(shown, t(lang, `超过 ${mb(limit)} MB`, `over ${mb(limit)} MB`), limit, lang);
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (e) {
    throw fsError(e, shown, lang, "read");
  } finally {
    closeSync(fd);
  }
}

function notRegular(path: string, lang: Lang, what: "fifo" | "special" | "link"): UserError {
  const why =
    what === "fifo"
      ? t(lang, "这是一个管道（FIFO），不是普通文件", "is a pipe (FIFO), not a regular file")
      : what === "link"
        ? t(lang, "这是一个符号链接，不读取它指向的文件", "is a symbolic link; links are not followed here")
        : t(lang, "这不是普通文件（设备或套接字）", "is not a regular file (a device or socket)");
  return new UserError(t(lang, `无法读取 ${path}：${why}`, `cannot read ${path}: ${why}`));
}

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  /** The text, without its byte-order mark. */
  text: string;
  encoding: TextEncoding;
}

export interface DecodeOptions {
  lang?: Lang;
  /** Also GBK/GB18030 without a BOM (CSV from Excel on a Chinese system). */
  legacy?: boolean;
}

const fatal = (label: string, bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/** What non-UTF-8 bytes look like, in words. */
function looksLike(bytes: Uint8Array, lang: Lang): { name: string; from: string } {
  const b = bytes;
  if (
    (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) ||
    (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
  )
    return { name: "UTF-32", from: "UTF-32" };
  const head = b.subarray(0, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  // UTF-16 text of mostly ASCII or CJK has NULs at one parity (ASCII) and few at the other.
  const pairs = head.length / 2;
  if (
    head.length >= 16 &&
    Math.max(evenNul, oddNul) > pairs * 0.3 &&
    Math.min(evenNul, oddNul) < pairs * 0.05
  )
    return {
      name: t(lang, "没有 BOM 的 UTF-16", "UTF-16 without a byte-order mark"),
      from: oddNul > evenNul ? "UTF-16LE" : "UTF-16BE",
    };
  if (fatal("gb18030", b) !== null) return { name: "GBK/GB18030", from: "GB18030" };
  if (fatal("big5", b) !== null) return { name: "Big5", from: "BIG5" };
  return { name: t(lang, "未知编码", "an unknown encoding"), from: "GB18030" };
}

function encodingError(path: string, bytes: Uint8Array, bomSaysUtf8: boolean, lang: Lang): UserError {
  const like = looksLike(bytes, lang);
  const how = t(
    lang,
    `请转换为 UTF-8 后再用，例如 iconv -f ${like.from} -t UTF-8 原文件 > 新文件，或在记事本、WPS 中“另存为”并选择 UTF-8 编码`,
    `convert it to UTF-8 first, e.g. iconv -f ${like.from} -t UTF-8 old > new, or "Save as" with encoding UTF-8 in your editor`,
  );
  return new UserError(
    bomSaysUtf8
      ? t(
          lang,
          `${path}：文件开头标明是 UTF-8（BOM），但内容不是 UTF-8（看起来是 ${like.name}）；${how}`,
          `${path}: the byte-order mark says UTF-8 but the content is not UTF-8 (it looks like ${like.name}); ${how}`,
        )
      : t(
          lang,
          `${path}：不是 UTF-8 编码的文本（看起来是 ${like.name}）；${how}`,
          `${path}: not UTF-8 text (it looks like ${like.name}); ${how}`,
        ),
  );
}

/** Decode input bytes strictly (see the module comment). `path` names the file in messages. */
export function decodeInput(bytes: Uint8Array, path: string, opts: DecodeOptions = {}): DecodedText {
  const lang = opts.lang ?? "zh";
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = fatal("utf-8", b.subarray(3));
    if (text === null) throw encodingError(path, b.subarray(3), true, lang);
    return { text, encoding: "utf-8-bom" };
  }
  if (b[0] === 0xff && b[1] === 0xfe && !(b[2] === 0 && b[3] === 0)) {
    const text = fatal("utf-16le", b.subarray(2));
    if (text === null) throw encodingError(path, b, false, lang);
    return { text, encoding: "utf-16le" };
  }
  if (b[0] === 0xfe && b[1] === 0xff) {
    const text = fatal("utf-16be", b.subarray(2));
    if (text === null) throw encodingError(path, b, false, lang);
    return { text, encoding: "utf-16be" };
  }
  const text = fatal("utf-8", b);
  if (text !== null && !(text.includes("\0") && looksLike(b, lang).from.startsWith("UTF-16")))
    return { text, encoding: "utf-8" };
  if (opts.legacy && text === null) {
    // Loaded only here: its code tables are about 0.6 MB of source that every start would load.
    const iconv = createRequire(import.meta.url)("iconv-lite") as typeof import("iconv-lite");
    const gb = iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), "gb18030");
    if (!gb.includes("\ufffd")) return { text: gb, encoding: "gb18030" };
  }
  throw encodingError(path, b, false, lang);
}

/** Read and decode a text input (a dataset, a template, a configuration): the text without BOM. */
export function readInputText(path: string, opts: ReadInputOptions & DecodeOptions = {}): string {
  return decodeInput(readInputBytes(path, opts), opts.shownAs ?? path, opts).text;
}

/**
 * Inflate every entry of a zip as a stream, counting the bytes that come out, and refuse
 * (UserError) past `limit` (default maxInputBytes()). Nothing is kept. A zip that cannot be
 * read is left to the reader that opens it (returns without error).
 */
export function assertZipInflatedSize(
  bytes: Uint8Array,
  path: string,
  lang: Lang = "zh",
  limit = maxInputBytes(),
): void {
  let total = 0;
  let over = false;
  const files: { terminate: () => void }[] = [];
  const unzip = new Unzip((file) => {
    files.push(file);
    file.ondata = (err, data) => {
      if (err || over) return;
      total += data.length;
      if (total > limit) {
        over = true;
        for (const f of files) f.terminate();
      }
    };
    try {
      file.start();
    } catch {
      // An entry compressed with a method fflate cannot inflate: left to the workbook reader.
    }
  });
  unzip.register(UnzipInflate);
  try {
    // Pushed in slices so a bomb is stopped after at most one slice's worth of inflation.
    const SLICE = 16 * 1024;
    for (let off = 0; off < bytes.length && !over; off += SLICE)
      unzip.push(bytes.subarray(off, Math.min(bytes.length, off + SLICE)), off + SLICE >= bytes.length);
  } catch {
    if (!over) return;
  }
  if (over)
    throw tooLarge(path, t(lang, `解压后超过 ${mb(limit)} MB`, `over ${mb(limit)} MB unzipped`), limit, lang);
}
