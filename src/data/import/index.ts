/**
 * Import a ledger (台账) into a dataset: read the .xlsx or .csv, recognise its header, read each
 * row into an application or an approval case, merge them into the dataset by id, and check the
 * result with the dataset validator. `planImport` does all of it without writing; the CLI
 * writes `plan.text` (atomically) unless --dry-run.
 *
 * Everything fails together: one problem anywhere (a cell, a column, the merged dataset) and
 * nothing is written; every problem is listed, each with file, sheet, row, column and header.
 * No message quotes an applicant's personal data; records are named by id and row.
 */
import { existsSync } from "node:fs";
import { assertZipInflatedSize, readInputBytes, readInputText } from "../../util/read-input.js";
import { extname } from "node:path";
import { unzipSync } from "fflate";
import { UserError } from "../../util/errors.js";
import { t, type Lang } from "../../util/i18n.js";
import { dateText } from "../date-text.js";
import { fieldPathLabel } from "../field-labels.js";
import { parseJsonText } from "../json-source.js";
import { assertInputSize, DatasetError } from "../load.js";
import type { Dataset } from "../types.js";
import { clerkMessage } from "../messages.js";
import { formatValidationError, validateDatasetText, type ValidationError } from "../validate.js";
import { fieldByKey, type ImportKind } from "./headers.js";
import { updateListText } from "./json-text.js";
import { formatIssue, type ImportIssue, type Ledger, type Place } from "./ledger.js";
import { loadMapping, type ImportMapping } from "./mapping.js";
import { mergeRecords, type RecordChange } from "./merge.js";
import { readCsv } from "./read-csv.js";
import { readXlsx } from "./read-xlsx.js";
import { readRecords, type SheetSummary } from "./records.js";

export { IMPORT_KINDS, type ImportKind } from "./headers.js";
export type { ImportMapping } from "./mapping.js";
export type { RecordChange, FieldChange } from "./merge.js";
export type { SheetSummary } from "./records.js";
export { formatIssue, formatPlace, type ImportIssue, type Place } from "./ledger.js";

export interface ImportOptions {
  /** The ledger file (.xlsx or .csv). */
  ledger: string;
  /** The dataset file to update. */
  into: string;
  kind?: ImportKind;
  /** Sheet names or positions (default: the one sheet that looks like a ledger). */
  sheets?: string[];
  /** A mapping file (schemas/import-mapping.schema.json). */
  mapping?: string;
  /** Allow changing values the dataset already holds. */
  force?: boolean;
  lang?: Lang;
}

export interface SkippedRowReport {
  place: Place;
  id: string;
  reason: string;
}

export interface ImportPlan {
  ledger: string;
  into: string;
  kind: ImportKind;
  format: "xlsx" | "csv";
  /** How a CSV file was decoded. */
  encoding: string | null;
  sheets: SheetSummary[];
  changes: RecordChange[];
  counts: {
    added: number;
    filled: number;
    changed: number;
    unchanged: number;
    kept: number;
    skipped: number;
  };
  skipped: SkippedRowReport[];
  /** Columns left out and similar notes, one line each. */
  warnings: string[];
  /** The dataset text to write; null when nothing changes. */
  text: string | null;
}

/** Problems found in a ledger: nothing was written. Exit 2, every problem in `details`. */
export class ImportError extends UserError {
  readonly issues: ImportIssue[];
  constructor(message: string, issues: ImportIssue[], lang: Lang, extra: string[] = []) {
    // The lines for people read as a clerk reads them; `issues` keep the messages as built (--json).
    const clerk = (i: ImportIssue): ImportIssue => ({
      ...i,
      message: { zh: clerkMessage(i.message.zh, "zh"), en: clerkMessage(i.message.en, "en") },
    });
    super(message, [...issues.map((i) => formatIssue(clerk(i), lang)), ...extra]);
    this.name = "ImportError";
    this.issues = issues;
  }
}

function byPlace(a: ImportIssue, b: ImportIssue): number {
  const pa = a.place;
  const pb = b.place;
  return (pa.sheet ?? 0) - (pb.sheet ?? 0) || (pa.row ?? 0) - (pb.row ?? 0) || (pa.col ?? 0) - (pb.col ?? 0);
}

/** Read the ledger file by its extension (or its first bytes). */
export async function readLedger(path: string, lang: Lang = "zh"): Promise<Ledger> {
  const bytes = readInputBytes(path, { lang });
  const ext = extname(path).toLowerCase();
  if (ext === ".xls" || ext === ".et")
    throw new UserError(
      t(
        lang,
        `${path}：不支持旧版 ${ext} 格式；请在 Excel 或 WPS 中另存为 .xlsx 或 CSV`,
        `${path}: the old ${ext} format is not supported; save it as .xlsx or CSV`,
      ),
    );
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === ".xlsx" || ext === ".xlsm" || (zip && ext !== ".csv")) {
    // A small zip can unpack to gigabytes: its declared sizes first (cheap), then what it really inflates to.
    assertInputSize(path, unzippedSize(bytes), lang, true);
    assertZipInflatedSize(bytes, path, lang);
    return readXlsx(bytes, path, lang);
  }
  return readCsv(bytes, path, lang);
}

/** Total size of a zip's entries once unpacked, from its directory (nothing is unpacked); 0 if unreadable. */
function unzippedSize(bytes: Uint8Array): number {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    return 0; // not a readable zip: the xlsx reader says so
  }
  return total;
}

/** Where the dataset keeps records of a kind. */
function listOf(kind: ImportKind): { parent: string[]; key: string } {
  return kind === "applications"
    ? { parent: ["disclosure"], key: "applications" }
    : { parent: ["approval"], key: "cases" };
}

/**
 * A dotted field path in words: reply.date → 答复日期 (the data layer's one table of field
 * names); a column that is no record field (seq 序号) by its column name.
 */
export function fieldName(kind: ImportKind, path: string, lang: Lang): string {
  const f = fieldByKey(kind, path);
  if (lang === "en") return f ? f.en : path;
  return fieldPathLabel(path) ?? f?.label ?? path;
}

function isPersonalPath(path: string): boolean {
  return path.startsWith("applicant.") && path !== "applicant.type";
}

/**
 * One change in words, values hidden for personal data. `forPeople`: for the plan a clerk reads,
 * dates as people write them (2014年3月5日); without it as the message is built (YYYY-MM-DD,
 * kept in --json; the error lines word it through clerkMessage).
 */
export function describeChange(
  kind: ImportKind,
  c: RecordChange["changed"][number],
  lang: Lang,
  forPeople = false,
): string {
  const shown = (v: unknown): string =>
    v === undefined
      ? "（无）"
      : typeof v !== "string"
        ? JSON.stringify(v)
        : forPeople && /^\d{4}-\d{2}-\d{2}$/.test(v)
          ? dateText(v, lang)
          : v;
  const name = fieldName(kind, c.path, lang);
  if (isPersonalPath(c.path)) return t(lang, `${name}有改动`, `${name} differs`);
  if (c.to === undefined) return t(lang, `删去${name} ${shown(c.from)}`, `${name} ${shown(c.from)} removed`);
  return `${name} ${shown(c.from)} → ${shown(c.to)}`;
}

/** Read, merge and check; nothing is written. Throws ImportError / UserError listing every problem. */
export async function planImport(opts: ImportOptions): Promise<ImportPlan> {
  const lang = opts.lang ?? "zh";
  const into = opts.into;
  if (!existsSync(into))
    throw new UserError(
      t(
        lang,
        `${into}：数据文件不存在；请先用 gongwen init 新建数据文件（填写本机关信息和年度），再导入台账`,
        `${into}: no such dataset; create one with gongwen init (agency and year) before importing`,
      ),
    );
  const datasetText = readInputText(into, { lang });
  const check = validateDatasetText(datasetText, into, lang);
  if (!check.ok) {
    const n = check.errors.length;
    throw new DatasetError(
      t(
        lang,
        `${into}：数据文件本身有 ${n} 处错误，请先修正（gongwen validate ${into}），再导入台账`,
        `${into}: the dataset has ${n} error(s) of its own; fix them first (gongwen validate ${into})`,
      ),
      check.errors,
      lang,
      check.value,
    );
  }
  const dataset: Dataset = check.data;
  const mapping: ImportMapping | undefined = opts.mapping
    ? loadMapping(opts.mapping, opts.kind, lang)
    : undefined;
  const ledger = await readLedger(opts.ledger, lang);

  const read = readRecords(ledger, { kind: opts.kind, sheets: opts.sheets, mapping, dataset });
  const kind = read.kind;
  const warnings = read.warnings.sort(byPlace).map((w) => formatIssue(w, lang));
  if (read.issues.length > 0) {
    const n = read.issues.length;
    throw new ImportError(
      t(
        lang,
        `${ledger.file}：台账有 ${n} 处错误，未写入 ${into}`,
        `${ledger.file}: ${n} error(s) in the ledger; ${into} not written`,
      ),
      read.issues.sort(byPlace),
      lang,
    );
  }

  const { parent, key } = listOf(kind);
  const holder = (kind === "applications" ? dataset.disclosure : dataset.approval) as unknown as Record<
    string,
    unknown
  >;
  const existing = (Array.isArray(holder[key]) ? holder[key] : []) as Record<string, unknown>[];
  const merged = mergeRecords(kind, existing, read.records);

  const changed = merged.changes.filter((c) => c.status === "changed");
  if (changed.length > 0 && !opts.force) {
    const issues: ImportIssue[] = changed.map((c) => ({
      place: c.place,
      recordId: c.id,
      message: {
        zh: `数据文件中已有此记录，将修改：${c.changed.map((x) => describeChange(kind, x, "zh")).join("；")}`,
        en: `the record exists and would change: ${c.changed.map((x) => describeChange(kind, x, "en")).join("; ")}`,
      },
    }));
    throw new ImportError(
      t(
        lang,
        `${ledger.file}：${changed.length} 件记录与 ${into} 中已有的内容不同，未写入；如确认以台账为准，请加 --force`,
        `${ledger.file}: ${changed.length} record(s) differ from ${into}; nothing written; add --force to take the ledger's values`,
      ),
      issues,
      lang,
    );
  }

  let text: string | null = null;
  if (merged.touched.size > 0) {
    const data = structuredClone(dataset) as unknown as Record<string, Record<string, unknown>>;
    data[parent[0]!]![key] = merged.list;
    text = updateListText(datasetText, data, {
      parent,
      key,
      list: merged.list,
      touched: merged.touched,
      inlineRecords: kind === "approval-cases",
    });
    const result = validateDatasetText(text, into, lang);
    if (!result.ok)
      throw mergedErrors(
        result.errors,
        merged.list,
        read.records,
        datasetText,
        ledger.file,
        into,
        kind,
        lang,
      );
  }

  const count = (s: RecordChange["status"]) => merged.changes.filter((c) => c.status === s).length;
  return {
    ledger: ledger.file,
    into,
    kind,
    format: ledger.format,
    encoding: ledger.encoding,
    sheets: read.sheets,
    changes: merged.changes,
    counts: {
      added: count("added"),
      filled: count("filled"),
      changed: count("changed"),
      unchanged: count("unchanged"),
      kept: merged.kept,
      skipped: read.skipped.length,
    },
    skipped: read.skipped.map((s) => ({
      place: s.place,
      id: s.id,
      reason: lang === "en" ? s.reason.en : s.reason.zh,
    })),
    warnings,
    text,
  };
}

/**
 * Errors of the merged dataset: those in a ledger record point at its row; the others (totals
 * the new records contradict, …) at their line in the dataset file as it is on disk.
 */
function mergedErrors(
  errors: ValidationError[],
  list: Record<string, unknown>[],
  records: { id: string; place: Place }[],
  originalText: string,
  file: string,
  into: string,
  kind: ImportKind,
  lang: Lang,
): ImportError {
  const { parent, key } = listOf(kind);
  const prefix = `/${parent.join("/")}/${key}/`;
  const rowOf = new Map(records.map((r) => [r.id, r.place]));
  const original = parseJsonText(originalText);
  const issues: ImportIssue[] = [];
  const other: string[] = [];
  for (const e of errors) {
    const m = e.pointer.startsWith(prefix) ? /^(\d+)/.exec(e.pointer.slice(prefix.length)) : null;
    const rec = m ? list[Number(m[1])] : undefined;
    const id = typeof rec?.id === "string" ? rec.id : undefined;
    const place = id !== undefined ? rowOf.get(id) : undefined;
    if (place && id !== undefined)
      issues.push({ place, recordId: id, message: { zh: e.message, en: e.message } });
    else {
      const pos =
        original.ok && !e.pointer.startsWith(prefix) ? original.locate(e.pointer, "value") : undefined;
      other.push(
        formatValidationError(pos ? { ...e, ...pos } : e, lang, original.ok ? original.data : undefined),
      );
    }
  }
  const n = issues.length + other.length;
  return new ImportError(
    t(
      lang,
      `${file}：导入后的数据有 ${n} 处错误，未写入 ${into}`,
      `${file}: the merged dataset has ${n} error(s); ${into} not written`,
    ),
    issues.sort(byPlace),
    lang,
    other,
  );
}
