/**
 * Big JSON text in pieces: one piece per key (or item) of the value and of its children, so a
 * result listing 100,000 files, or a manifest of them, is written without its whole text (and a
 * copy of its structure) in memory at once. The pieces join to exactly the text JSON.stringify
 * (value, null, 2) gives, or with `sortKeys` the text of the same value with every object's keys
 * sorted (stableStringify in render/manifest.ts).
 */
import { once } from "node:events";

export interface JsonChunkOptions {
  /** Object keys in sorted order, at every level. */
  sortKeys?: boolean;
  /** Levels written piece by piece (deeper values are one piece each; default 2). */
  depth?: number;
}

function sortedCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedCopy);
  if (v && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON !== "function") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortedCopy((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Whether JSON.stringify leaves an object's property out. */
const skipped = (v: unknown): boolean => v === undefined || typeof v === "function" || typeof v === "symbol";

export function* jsonChunks(value: unknown, options: JsonChunkOptions = {}, level = 0): Generator<string> {
  const maxDepth = options.depth ?? 2;
  const pad = (d: number): string => "  ".repeat(d);
  const plain =
    level >= maxDepth ||
    value === null ||
    typeof value !== "object" ||
    typeof (value as { toJSON?: unknown }).toJSON === "function";
  if (plain) {
    const text = JSON.stringify(options.sortKeys ? sortedCopy(value) : value, null, 2);
    // JSON strings never hold a raw line break: every "\n" is the layout's, indented here.
    yield level === 0 ? text : text.replace(/\n/g, `\n${pad(level)}`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) yield "[]";
    else {
      yield "[\n";
      for (let i = 0; i < value.length; i++) {
        yield pad(level + 1);
        const item: unknown = value[i];
        // JSON.stringify writes null for an item it cannot write.
        if (skipped(item)) yield "null";
        else yield* jsonChunks(item, options, level + 1);
        yield i < value.length - 1 ? ",\n" : "\n";
      }
      yield `${pad(level)}]`;
    }
  } else {
    const obj = value as Record<string, unknown>;
    let keys = Object.keys(obj).filter((k) => !skipped(obj[k]));
    if (options.sortKeys) keys = keys.sort();
    if (keys.length === 0) yield "{}";
    else {
      yield "{\n";
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        yield `${pad(level + 1)}${JSON.stringify(k)}: `;
        yield* jsonChunks(obj[k], options, level + 1);
        yield i < keys.length - 1 ? ",\n" : "\n";
      }
      yield `${pad(level)}}`;
    }
  }
}

/** Pieces joined into runs of about 1 MB (fewer, larger writes). */
function* runsOf(chunks: Iterable<string>): Generator<string> {
  let run = "";
  for (const c of chunks) {
    run += c;
    if (run.length >= 1 << 20) {
      yield run;
      run = "";
    }
  }
  if (run) yield run;
}

/** Write pieces through `write` in runs of about 1 MB. */
export function writeChunks(chunks: Iterable<string>, write: (text: string) => void): void {
  for (const run of runsOf(chunks)) write(run);
}

/**
 * Write pieces to `stream` in runs of about 1 MB, waiting for it to drain whenever its buffer
 * is full. process.stdout to a pipe is asynchronous: without waiting, a reader slower than the
 * writer leaves every run queued in memory (the 100,000 files of a 50,000-letter batch's --json
 * are ≈25 MB of text, queued at once as ≈100 MB in the bench, which reads the pipe).
 */
export async function writeChunksTo(chunks: Iterable<string>, stream: NodeJS.WritableStream): Promise<void> {
  for (const run of runsOf(chunks)) if (!stream.write(run)) await once(stream, "drain");
}
