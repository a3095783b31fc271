/**
 * DIR/doc-numbers.json: the document numbers `letters` has issued into an output folder, by
 * `${id}/${suffix}` (e.g. YSQ2025-001/reply), each with the date it was issued with. Read at the
 * start of every run into that folder, so a number once written never changes when records are
 * moved, added or removed; letters of the run are added to it at the end (read-merge-write under
 * the manifest's lock). The application's own `issued` entries take precedence over it.
 *
 *   { "generator": "gongwen", "issued": { "YSQ2025-001/reply": { "docNumber": "…", "date": "2025-03-20" } } }
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "../data/types.js";
import { withManifestLock } from "../render/manifest.js";
import { UserError } from "../util/errors.js";
import { writeFileAtomic } from "../util/fs-atomic.js";
import { jsonChunks } from "../util/json-chunks.js";
import { t, type Lang } from "../util/i18n.js";
import type { IssuedNumber } from "./doc-number.js";

export const ISSUED_LEDGER_FILE = "doc-numbers.json";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The ledger of an output folder (empty when there is none). */
export function readIssuedLedger(outDir: string, lang: Lang = "zh"): Map<string, IssuedNumber> {
  const path = join(outDir, ISSUED_LEDGER_FILE);
  const out = new Map<string, IssuedNumber>();
  if (!existsSync(path)) return out;
  const bad = (why: string, en: string) =>
    new UserError(
      t(
        lang,
        `${path}：已签发文号登记不能读取（${why}）；请恢复该文件，不要删除它：其中的文号已经发出`,
        `${path}: the ledger of issued numbers cannot be read (${en}); restore it, do not delete it: its numbers have been issued`,
      ),
    );
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw bad("不是有效的 JSON", "not valid JSON");
  }
  const issued = (data as { generator?: unknown; issued?: unknown } | null)?.issued;
  if (
    (data as { generator?: unknown } | null)?.generator !== "gongwen" ||
    typeof issued !== "object" ||
    issued === null
  )
    throw bad("不是 gongwen 写的登记", "not a ledger gongwen wrote");
  for (const [key, v] of Object.entries(issued as Record<string, unknown>)) {
    const e = v as { docNumber?: unknown; date?: unknown } | null;
    if (typeof e?.docNumber !== "string" || typeof e.date !== "string" || !DATE.test(e.date))
      throw bad(`${key} 的记录不完整`, `entry ${key} is incomplete`);
    out.set(key, { docNumber: e.docNumber, date: e.date });
  }
  return out;
}

/** Add `entries` to the folder's ledger (entries already there are kept as they are). */
export function recordIssued(
  outDir: string,
  entries: ReadonlyMap<string, IssuedNumber>,
  lang: Lang = "zh",
): void {
  if (entries.size === 0) return;
  withManifestLock(outDir, lang, () => {
    const ledger = readIssuedLedger(outDir, lang);
    let changed = false;
    for (const [k, v] of entries)
      if (!ledger.has(k)) {
        ledger.set(k, v);
        changed = true;
      }
    if (!changed) return;
    const keys = [...ledger.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    writeFileAtomic(join(outDir, ISSUED_LEDGER_FILE), ledgerChunks(keys, ledger), { force: true, lang });
  });
}

/**
 * The ledger's text, JSON.stringify({ generator, issued }, null, 2) with `issued` in the order of
 * `keys`, in pieces (util/json-chunks.ts): a batch of 50,000 letters issues as many numbers,
 * ≈10 MB of text as a two-byte string, which is not built at once. The object is the one the
 * ledger was always written from (Object.fromEntries in the order of `keys`).
 */
export function* ledgerChunks(
  keys: readonly string[],
  ledger: ReadonlyMap<string, IssuedNumber>,
): Generator<string> {
  yield* jsonChunks({
    generator: "gongwen",
    issued: Object.fromEntries(keys.map((k) => [k, ledger.get(k)])),
  });
  yield "\n";
}

/** The issued numbers of a dataset's applications (`issued`), by `${id}/${suffix}`. */
export function issuedOfDataset(dataset: Dataset): Map<string, IssuedNumber> {
  const out = new Map<string, IssuedNumber>();
  for (const a of dataset.disclosure.applications ?? []) {
    // A record set aside as invalid may be anything (null, a string): it has no issued numbers.
    const issued = (a as { issued?: unknown } | null)?.issued;
    if (!issued || typeof issued !== "object") continue;
    for (const [suffix, v] of Object.entries(issued as NonNullable<typeof a.issued>))
      if (v && typeof v === "object") out.set(`${a.id}/${suffix}`, { docNumber: v.docNumber, date: v.date });
  }
  return out;
}
