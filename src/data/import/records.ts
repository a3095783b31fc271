/**
 * Ledger rows to dataset records: finds the sheet(s), the header and the columns, then reads
 * each data row into an application or an approval case, collecting every problem (with file,
 * sheet, row, column and header) instead of stopping at the first.
 *
 * A record keeps apart the values its cells give (`values`: they update an existing record) and
 * the values only needed to complete a new one (`defaults`: 收件日期 = 受理日期 when a case list
 * has no receipt date, a mapping's default channel, 上年结转 from a receipt date in the previous
 * year): a default never overwrites what the dataset already holds.
 *
 * Rows outside the dataset's year are left out and reported: an application received after the
 * year or answered before it; a case accepted after the year or completed before it (a running
 * register over several years imports year by year).
 */
import { REPLY_TYPE_LABELS, REASON_LABELS, type Reason } from "../codes.js";
import type { Msg } from "../messages.js";
import { RECEIPT_FIELD } from "../receipt.js";
import { deliveryProblems } from "../delivery.js";
import type { Channel, Dataset } from "../types.js";
import {
  HeaderMatcher,
  fieldByKey,
  fieldsOf,
  findHeaderRow,
  headerColumns,
  type FieldDef,
  type HeaderColumn,
  type ImportKind,
} from "./headers.js";
import {
  cellText,
  columnLetter,
  columnNumber,
  isBlank,
  sheetPlace,
  type CellValue,
  type ImportIssue,
  type Ledger,
  type LedgerSheet,
  type Place,
} from "./ledger.js";
import type { ImportMapping } from "./mapping.js";
import {
  APPLICANT_TYPE_TABLE,
  BOOLEAN_TABLE,
  CHANNEL_TABLE,
  CODE_NAMES,
  DELIVERY_FORM_TABLE,
  DELIVERY_METHOD_TABLE,
  FEE_METHOD_TABLE,
  REASON_TABLE,
  REPLY_TYPE_TABLE,
  labelKey,
  parseAmount,
  parseDate,
  parseDelivery,
  parseLabel,
  parsePositiveInteger,
  parseReplyLabel,
  quotedList,
  reasonRequired,
  reasonsFor,
  type Parsed,
} from "./normalise.js";

type Obj = Record<string, unknown>;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const TOTAL_ROW = /^(合计|总计|小计|共计)/;
/** Cells that mean "nothing here" in an optional column (理由 of a disclosed request: 无, /, —). */
const NOTHING = /^(无|\/|-|—|－|——|\\)$/;

/** A record read from one ledger row. */
export interface LedgerRecord {
  id: string;
  /** The row it was read from. */
  place: Place;
  /** Values the row's cells give (nested like the record). */
  values: Obj;
  /** Values that complete a new record (never overwrite existing ones). */
  defaults: Obj;
}

export interface SheetSummary {
  index: number;
  name: string | null;
  headerRows: number[];
  /** Columns used, as field key → column letter and header. */
  columns: { field: string; column: string; header: string }[];
  /** Data rows read into records. */
  records: number;
}

export interface SkippedRow {
  place: Place;
  id: string;
  reason: Msg;
}

export interface ReadRecordsResult {
  kind: ImportKind;
  records: LedgerRecord[];
  sheets: SheetSummary[];
  issues: ImportIssue[];
  warnings: ImportIssue[];
  skipped: SkippedRow[];
}

export interface ReadRecordsOptions {
  kind?: ImportKind;
  /** Sheet names or 1-based positions (--sheet, else the mapping's sheet). */
  sheets?: (string | number)[];
  mapping?: ImportMapping;
  dataset: Dataset;
}

function msg(zh: string, en: string): Msg {
  return { zh, en };
}

function setPath(obj: Obj, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = obj;
  for (const p of parts.slice(0, -1)) {
    if (typeof node[p] !== "object" || node[p] === null) node[p] = {};
    node = node[p] as Obj;
  }
  node[parts[parts.length - 1]!] = value;
}

export function getPath(obj: unknown, path: string): unknown {
  let node = obj;
  for (const p of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Obj)[p];
  }
  return node;
}

/** A column bound to a field. */
interface Binding {
  field: FieldDef;
  col: number;
  header: string;
}

interface Layout {
  sheet: LedgerSheet;
  headerRows: number[];
  bound: Map<string, Binding>;
  /** Remark columns (备注, 说明): not kept, but read for what would change a deadline. */
  remarks?: { col: number; header: string }[];
}

/** Which sheets to read. */
function chooseSheets(
  ledger: Ledger,
  wanted: (string | number)[] | undefined,
  kinds: readonly ImportKind[],
  issues: ImportIssue[],
): LedgerSheet[] {
  const file = { file: ledger.file };
  if (wanted && wanted.length > 0) {
    const out: LedgerSheet[] = [];
    for (const w of wanted) {
      const byNumber = typeof w === "number" || /^\d+$/.test(w) ? Number(w) : undefined;
      const s =
        ledger.sheets.find((x) => x.name === String(w)) ??
        (byNumber !== undefined ? ledger.sheets.find((x) => x.index === byNumber) : undefined);
      if (!s) {
        const names = ledger.sheets.map((x) => `${x.index}“${x.name ?? ""}”`).join("、");
        const namesEn = ledger.sheets.map((x) => `${x.index} "${x.name ?? ""}"`).join(", ");
        issues.push({
          place: file,
          message: msg(`没有名为“${w}”的工作表（有：${names}）`, `no sheet "${w}" (sheets: ${namesEn})`),
        });
      } else if (!out.includes(s)) out.push(s);
    }
    return out;
  }
  if (ledger.sheets.length === 1) return ledger.sheets;
  const candidates = ledger.sheets.filter((s) =>
    kinds.some((k) => findHeaderRow(s, new HeaderMatcher(k)) !== undefined),
  );
  if (candidates.length === 1) return candidates;
  if (candidates.length === 0) {
    issues.push({
      place: file,
      message: msg(
        `没有一张工作表能识别出表头（前20行中应有一行列名，如 申请编号、申请人、答复日期）；可用 --mapping 指定`,
        `no sheet has a recognisable header row (column names such as 申请编号, 申请人, 答复日期 in the first 20 rows); use --mapping`,
      ),
    });
    return [];
  }
  issues.push({
    place: file,
    message: msg(
      `有 ${candidates.length} 张工作表像是台账（${candidates.map((s) => `第${s.index}张表“${s.name ?? ""}”`).join("、")}），请用 --sheet 指定要导入的表（可多次使用）`,
      `${candidates.length} sheets look like ledgers (${candidates.map((s) => `${s.index} "${s.name ?? ""}"`).join(", ")}); choose with --sheet (may be repeated)`,
    ),
  });
  return [];
}

/** The kind named by the headers, when not given. */
function detectKind(sheets: LedgerSheet[], ledger: Ledger, issues: ImportIssue[]): ImportKind | undefined {
  let apps = 0;
  let cases = 0;
  for (const s of sheets) {
    apps += findHeaderRow(s, new HeaderMatcher("applications"))?.score ?? 0;
    cases += findHeaderRow(s, new HeaderMatcher("approval-cases"))?.score ?? 0;
  }
  if (apps > cases) return "applications";
  if (cases > apps) return "approval-cases";
  issues.push({
    place: { file: ledger.file },
    message: msg(
      apps === 0
        ? "无法识别表头；请用 --kind 指明台账种类（applications 依申请公开申请 / approval-cases 审批办件），必要时用 --mapping 指定各列"
        : "无法从表头判断台账种类；请用 --kind applications（依申请公开申请）或 --kind approval-cases（审批办件）指明",
      apps === 0
        ? "the header is not recognised; give --kind (applications / approval-cases) and, if needed, --mapping"
        : "cannot tell the kind of ledger from its header; give --kind applications or --kind approval-cases",
    ),
  });
  return undefined;
}

/** Header, columns and bindings of one sheet. */
function layoutOf(
  ledger: Ledger,
  sheet: LedgerSheet,
  kind: ImportKind,
  mapping: ImportMapping | undefined,
  issues: ImportIssue[],
  warnings: ImportIssue[],
): Layout | undefined {
  const place = sheetPlace(ledger, sheet);
  const issuesBefore = issues.length;
  const byHeader = new Map<string, FieldDef>();
  const byColumn = new Map<number, FieldDef>();
  for (const [key, where] of Object.entries(mapping?.columns ?? {})) {
    const field = fieldByKey(kind, key);
    if (!field) continue; // reported when the mapping was loaded
    if (typeof where === "string") byHeader.set(labelKey(where).replace(/\s+/g, ""), field);
    else byColumn.set(columnNumber(where.column)!, field);
  }
  const ignore = new Set((mapping?.ignore ?? []).map((h) => labelKey(h)));
  const matcher = new HeaderMatcher(kind, { byHeader, ignore });

  const headerRow = mapping?.headerRow ?? findHeaderRow(sheet, matcher)?.row;
  if (headerRow === undefined) {
    issues.push({
      place,
      message: msg(
        `找不到表头：前20行中没有一行能识别出至少两个列名（如 ${fieldsOf(kind)
          .slice(1, 4)
          .map((f) => f.label)
          .join("、")}）；可用 --mapping 指定各列`,
        `no header row: none of the first 20 rows names two known columns; use --mapping`,
      ),
    });
    return undefined;
  }
  const { rows, columns } =
    mapping?.headerRow !== undefined
      ? { rows: [headerRow], columns: headerColumns(sheet, headerRow, matcher).columns }
      : headerColumns(sheet, headerRow, matcher);
  // Columns named by letter in the mapping.
  const all: HeaderColumn[] = columns.filter((c) => !byColumn.has(c.col));
  for (const [col, field] of byColumn) {
    const text = columns.find((c) => c.col === col)?.header ?? columnLetter(col);
    all.push({ col, header: text, match: { kind: "field", field, weak: false } });
  }
  all.sort((a, b) => a.col - b.col);

  const bound = new Map<string, Binding>();
  const remarks: { col: number; header: string }[] = [];
  const strength = new Map<string, boolean>();
  for (const c of all) {
    if (c.match.kind === "quiet") {
      if (/^(备注|说明)$/.test(c.header.trim())) remarks.push({ col: c.col, header: c.header });
      continue;
    }
    if (c.match.kind === "none") {
      warnings.push({
        place: { ...place, col: c.col, header: c.header },
        message: msg(
          "未识别的列，已略过（可在映射文件中指定）",
          "column not recognised, left out (a mapping file can name it)",
        ),
      });
      continue;
    }
    const { field, weak } = c.match;
    const prev = bound.get(field.key);
    if (!prev) {
      bound.set(field.key, { field, col: c.col, header: c.header });
      strength.set(field.key, !weak);
      continue;
    }
    const prevStrong = strength.get(field.key)!;
    if (prevStrong && weak) {
      warnings.push({
        place: { ...place, col: c.col, header: c.header },
        message: msg(
          `已按${columnLetter(prev.col)}列“${prev.header}”读取${field.label}，此列略过`,
          `${field.en} is read from column ${columnLetter(prev.col)} "${prev.header}"; this column is left out`,
        ),
      });
      continue;
    }
    if (!prevStrong && !weak) {
      warnings.push({
        place: { ...place, col: prev.col, header: prev.header },
        message: msg(
          `已按${columnLetter(c.col)}列“${c.header}”读取${field.label}，此列略过`,
          `${field.en} is read from column ${columnLetter(c.col)} "${c.header}"; this column is left out`,
        ),
      });
      bound.set(field.key, { field, col: c.col, header: c.header });
      strength.set(field.key, true);
      continue;
    }
    issues.push({
      place: { ...place, col: c.col, header: c.header },
      message: msg(
        `与${columnLetter(prev.col)}列“${prev.header}”都表示${field.label}；请在映射文件 columns 中指定用哪一列`,
        `column ${columnLetter(prev.col)} "${prev.header}" also holds ${field.en}; name the one to use in a mapping file`,
      ),
    });
  }

  // Required columns (a mapping default or 序号 + idPrefix stands in for some).
  const missing: FieldDef[] = [];
  const need = (key: string, ok = false) => {
    if (!bound.has(key) && !ok) missing.push(fieldByKey(kind, key)!);
  };
  need("id", mapping?.idPrefix !== undefined && bound.has("seq"));
  if (kind === "applications") {
    need("applicant.name");
    need("applicant.type", mapping?.defaults?.applicantType !== undefined);
    need("channel", mapping?.defaults?.channel !== undefined);
    need("submitted", bound.has("received"));
    need("content");
  } else {
    if (!bound.has("item") && !bound.has("itemId")) missing.push(fieldByKey(kind, "item")!);
    need("accepted");
    need("sealUsed", mapping?.defaults?.sealUsed !== undefined);
  }
  const headerAt = rows.length === 1 ? `第${rows[0]}行` : `第${rows[0]}–${rows[rows.length - 1]}行`;
  const headerAtEn = rows.length === 1 ? `row ${rows[0]}` : `rows ${rows[0]}–${rows[rows.length - 1]}`;
  for (const f of missing) {
    const hint =
      f.key === "id" && bound.has("seq")
        ? {
            zh: "；只有“序号”时，可在映射文件中用 idPrefix 按序号生成编号",
            en: "; with only 序号, a mapping's idPrefix makes ids from it",
          }
        : f.key === "sealUsed"
          ? {
              zh: '；如全部使用了审批专用章，可在映射文件 defaults 中写 "sealUsed": true',
              en: '; if every case used it, put "sealUsed": true in a mapping\'s defaults',
            }
          : f.key === "channel" || f.key === "applicant.type"
            ? {
                zh: "；也可在映射文件 defaults 中给出统一的值",
                en: "; or give one value for all in a mapping's defaults",
              }
            : { zh: "", en: "" };
    issues.push({
      place,
      message: msg(
        `找不到“${f.label}”列（表头在${headerAt}）${hint.zh}`,
        `no column for ${f.en} ("${f.label}"; header in ${headerAtEn})${hint.en}`,
      ),
    });
  }
  // Rows are read only under a header without problems (no errors that follow from it).
  if (issues.length > issuesBefore) return undefined;
  return { sheet, headerRows: rows, bound, remarks };
}

/** Reading context of one row. */
class RowReader {
  constructor(
    readonly ledger: Ledger,
    readonly layout: Layout,
    readonly row: number,
    readonly issues: ImportIssue[],
    readonly warnings: ImportIssue[] = [],
  ) {}

  warn(key: string, message: Msg): void {
    this.warnings.push({ place: this.placeOf(key), message });
  }

  /** The row's remarks (备注, 说明), with where each is. */
  remarks(): { text: string; place: Place }[] {
    return (this.layout.remarks ?? []).flatMap((c) => {
      const v = this.layout.sheet.rows[this.row - 1]?.[c.col - 1] ?? null;
      return isBlank(v)
        ? []
        : [{ text: cellText(v).trim(), place: { ...this.rowPlace, col: c.col, header: c.header } }];
    });
  }

  get rowPlace(): Place {
    return { ...sheetPlace(this.ledger, this.layout.sheet), row: this.row };
  }

  has(key: string): boolean {
    return this.layout.bound.has(key);
  }

  cell(key: string): CellValue {
    const b = this.layout.bound.get(key);
    if (!b) return null;
    return this.layout.sheet.rows[this.row - 1]?.[b.col - 1] ?? null;
  }

  blank(key: string): boolean {
    return isBlank(this.cell(key));
  }

  placeOf(key: string): Place {
    const b = this.layout.bound.get(key);
    return b ? { ...this.rowPlace, col: b.col, header: b.header } : this.rowPlace;
  }

  error(key: string, message: Msg): void {
    this.issues.push({ place: this.placeOf(key), message });
  }

  /** A parsed cell, or undefined (blank, or an error reported). */
  read<T>(key: string, parse: (v: CellValue) => Parsed<T>): T | undefined {
    if (this.blank(key)) return undefined;
    const r = parse(this.cell(key));
    if (r.ok) return r.value;
    this.error(key, r.message);
    return undefined;
  }

  text(key: string): string | undefined {
    if (this.blank(key)) return undefined;
    return cellText(this.cell(key)).trim();
  }

  date(key: string): string | undefined {
    return this.read(key, (v) => parseDate(v, this.ledger.date1904));
  }
}

interface Tables {
  applicantType: typeof APPLICANT_TYPE_TABLE;
  channel: typeof CHANNEL_TABLE;
  replyType: typeof REPLY_TYPE_TABLE;
  reason: typeof REASON_TABLE;
  feeMethod: typeof FEE_METHOD_TABLE;
  deliveryForm: typeof DELIVERY_FORM_TABLE;
  deliveryMethod: typeof DELIVERY_METHOD_TABLE;
  boolean: typeof BOOLEAN_TABLE;
}

function tablesOf(mapping: ImportMapping | undefined): Tables {
  const v = mapping?.values;
  const bools = Object.fromEntries(
    Object.entries(v?.boolean ?? {}).map(([k, b]) => [k, b ? "true" : "false"] as const),
  );
  return {
    applicantType: APPLICANT_TYPE_TABLE.extend(v?.applicantType),
    channel: CHANNEL_TABLE.extend(v?.channel),
    replyType: REPLY_TYPE_TABLE.extend(v?.replyType),
    reason: REASON_TABLE.extend(v?.reason),
    feeMethod: FEE_METHOD_TABLE.extend(v?.feeMethod),
    deliveryForm: DELIVERY_FORM_TABLE.extend(v?.deliveryForm),
    deliveryMethod: DELIVERY_METHOD_TABLE.extend(v?.deliveryMethod),
    boolean: BOOLEAN_TABLE.extend(bools),
  };
}

function readBoolean(r: RowReader, key: string, tables: Tables): boolean | undefined {
  return r.read(key, (v) => {
    if (typeof v === "boolean") return { ok: true, value: v };
    const p = parseLabel(v, tables.boolean, CODE_NAMES.boolean);
    return p.ok ? { ok: true, value: p.value === "true" } : p;
  });
}

/** The record id of a row: the id column, or idPrefix + 序号. */
function readId(r: RowReader, mapping: ImportMapping | undefined): string | undefined {
  if (r.has("id") && !r.blank("id")) {
    const id = cellText(r.cell("id")).normalize("NFKC").trim();
    if (ID_PATTERN.test(id)) return id;
    r.error(
      "id",
      msg(
        `编号“${id}”不能用作记录编号：只能由字母、数字和 . _ - 组成${mapping?.idPrefix === undefined && r.has("seq") ? "（也可在映射文件中用 idPrefix 按序号生成编号）" : ""}`,
        `"${id}" cannot be a record id: only letters, digits, '.', '_' and '-'`,
      ),
    );
    return undefined;
  }
  if (mapping?.idPrefix !== undefined && r.has("seq") && !r.blank("seq")) {
    const n = r.read("seq", parsePositiveInteger);
    return n === undefined ? undefined : mapping.idPrefix + String(n).padStart(3, "0");
  }
  r.error(r.has("id") ? "id" : "seq", msg("编号不能为空", "the id is empty"));
  return undefined;
}

function readApplication(
  r: RowReader,
  id: string,
  exists: boolean,
  mapping: ImportMapping | undefined,
  tables: Tables,
): { values: Obj; defaults: Obj } {
  const values: Obj = { id };
  const defaults: Obj = {};
  const required = (key: string, label: string) => {
    if (!exists && r.has(key) && r.blank(key)) r.error(key, msg(`${label}不能为空`, `${label} is empty`));
  };

  const carried = r.has("carriedOver") ? readBoolean(r, "carriedOver", tables) : undefined;
  if (carried !== undefined) values.carriedOver = carried;

  // Applicant (personal data: values are never quoted in messages).
  const type = r.read("applicant.type", (v) => parseLabel(v, tables.applicantType, CODE_NAMES.applicantType));
  if (type !== undefined) setPath(values, "applicant.type", type);
  else if (r.blank("applicant.type")) {
    if (mapping?.defaults?.applicantType) setPath(defaults, "applicant.type", mapping.defaults.applicantType);
    else if (!exists)
      r.error(
        "applicant.type",
        msg(`申请人类型不能为空，可用：${tables.applicantType.list()}`, "the applicant type is empty"),
      );
  }
  for (const k of ["name", "address", "postcode", "phone", "email", "idNumber"]) {
    const v = r.text(`applicant.${k}`);
    if (v !== undefined) setPath(values, `applicant.${k}`, k === "postcode" ? v.normalize("NFKC") : v);
  }
  required("applicant.name", "申请人");

  const channel = r.read("channel", (v) => parseLabel(v, tables.channel, CODE_NAMES.channel));
  if (channel !== undefined) values.channel = channel;
  else if (r.blank("channel")) {
    if (mapping?.defaults?.channel) defaults.channel = mapping.defaults.channel;
    else if (!exists)
      r.error("channel", msg(`申请方式不能为空，可用：${tables.channel.list()}`, "the channel is empty"));
  }
  // 信函 may be registered or ordinary post, and the channel decides the receipt date.
  if (channel === "ordinary-post" && /^信函(申请)?$/.test(labelKey(r.text("channel") ?? "")))
    r.warn(
      "channel",
      msg(
        "“信函”按平常信函读取（以与申请人确认之日为收到申请之日）；如为挂号信（以签收之日为收到申请之日），请改为“挂号信”",
        '"信函" read as ordinary post (received on the day receipt is confirmed with the applicant); if it was registered post (received on the day it was signed for), write "挂号信"',
      ),
    );
  // A remark that would change the deadline, with nothing in the row that records it.
  for (const remark of r.remarks())
    if (/征求.*意见|第三方/.test(remark.text) && !r.has("consultations"))
      r.warnings.push({
        place: remark.place,
        message: msg(
          "备注写有征求第三方意见，但台账中没有征求意见的记录：征求意见所需时间不计算在答复期限内，导入的数据不含这段时间，答复期限会偏短；请在数据文件中补记 consultations（发出和收到意见的日期）",
          "the remark says third parties were consulted, but the ledger records no consultation: the time it takes does not count toward the deadline, so without it the deadline is too short; add consultations (sent and answered dates) to the dataset",
        ),
      });

  for (const k of ["submitted", "received", "signedFor", "confirmed"]) {
    const d = r.date(k);
    if (d !== undefined) values[k] = d;
  }
  if (values.submitted === undefined && r.blank("submitted")) {
    if (typeof values.received === "string") defaults.submitted = values.received;
    else if (!exists)
      r.error(r.has("submitted") ? "submitted" : "received", msg("申请日期不能为空", "the date is empty"));
  }

  const content = r.text("content");
  if (content !== undefined) values.content = content;
  required("content", "申请内容");

  const requested = r.read("requestedDelivery", (v) =>
    parseDelivery(v, tables.deliveryForm, tables.deliveryMethod),
  );
  if (requested !== undefined) values.requestedDelivery = requested;

  readReply(r, values, tables);
  readFee(r, values, tables);
  return { values, defaults };
}

function readReply(r: RowReader, values: Obj, tables: Tables): void {
  const hasType = r.has("reply.type") && !r.blank("reply.type");
  const hasDate = r.has("reply.date") && !r.blank("reply.date");
  const reasonCell = r.has("reply.reason") && !r.blank("reply.reason") ? r.text("reply.reason")! : undefined;
  const reasonText =
    reasonCell !== undefined && !NOTHING.test(reasonCell.normalize("NFKC")) ? reasonCell : undefined;
  if (!hasType && !hasDate) {
    if (reasonText !== undefined)
      r.error(
        "reply.reason",
        msg("填写了理由，但没有答复日期和答复类型", "a reason is given without a reply date and type"),
      );
    for (const key of DELIVERY_KEYS)
      if (r.has(key) && !r.blank(key))
        r.error(
          key,
          msg(
            `填写了${fieldByKey("applications", key)!.label}，但没有答复日期和答复类型`,
            `${fieldByKey("applications", key)!.en} is given without a reply date and type`,
          ),
        );
    return;
  }
  const date = r.date("reply.date");
  const label = r.read("reply.type", (v) => parseReplyLabel(v, tables.replyType, tables.reason));
  if (hasType && !hasDate)
    r.error(
      r.has("reply.date") ? "reply.date" : "reply.type",
      msg("有答复类型，但没有答复日期", "a reply type without a reply date"),
    );
  if (hasDate && !hasType)
    r.error(
      r.has("reply.type") ? "reply.type" : "reply.date",
      msg("有答复日期，但没有答复类型", "a reply date without a reply type"),
    );
  if (!label) return;
  const typeLabel = REPLY_TYPE_LABELS[label.type];
  let reason: Reason | undefined = label.reason;
  if (reasonText !== undefined) {
    const p = parseLabel(reasonText, tables.reason, CODE_NAMES.reason);
    if (!p.ok) {
      r.error("reply.reason", p.message);
      return;
    }
    if (reason !== undefined && reason !== p.value) {
      r.error(
        "reply.reason",
        msg(
          `理由“${reasonText}”与答复类型中的理由“${REASON_LABELS[reason]}”不一致`,
          `the reason differs from the one in the reply type`,
        ),
      );
      return;
    }
    reason = p.value;
  }
  const allowed = reasonsFor(label.type);
  if (reason !== undefined && !allowed.includes(reason)) {
    const key = reasonText !== undefined ? "reply.reason" : "reply.type";
    r.error(
      key,
      allowed.length === 0
        ? msg(`答复类型为“${typeLabel}”，不应填写理由`, `a reply of type ${label.type} takes no reason`)
        : msg(
            `“${REASON_LABELS[reason]}”不是“${typeLabel}”的理由，可用：${quotedList(allowed.map((x) => REASON_LABELS[x]))}`,
            `${reason} is not a reason for ${label.type}; accepted: ${allowed.join(", ")}`,
          ),
    );
    return;
  }
  if (reason === undefined && reasonRequired(label.type)) {
    r.error(
      r.has("reply.reason") ? "reply.reason" : "reply.type",
      msg(
        `答复类型为“${typeLabel}”，须写明理由，可用：${quotedList(allowed.map((x) => REASON_LABELS[x]))}`,
        `a reply of type ${label.type} needs its reason; accepted: ${allowed.join(", ")}`,
      ),
    );
    return;
  }
  if (date === undefined) return;
  const reply: Obj = { date, type: label.type };
  if (reason !== undefined) reply.reason = reason;
  readDelivery(r, values, reply, tables);
  values.reply = reply;
}

/** Columns of the reply's delivery (提供形式, 未按申请形式提供的原因, 送达日期). */
const DELIVERY_KEYS = ["reply.delivery", "reply.delivery.deviation", "reply.delivered"] as const;

/**
 * The reply's delivery and service date; the delivery's rules (src/data/delivery.ts: only a
 * disclosed or partial reply provides, another form than asked needs its reason) are reported
 * at the row's column with the validation's sentence.
 */
function readDelivery(r: RowReader, values: Obj, reply: Obj, tables: Tables): void {
  const shape = r.read("reply.delivery", (v) => parseDelivery(v, tables.deliveryForm, tables.deliveryMethod));
  const deviation = r.text("reply.delivery.deviation");
  const delivered = r.date("reply.delivered");
  if (shape !== undefined || deviation !== undefined) {
    const delivery: Obj = { ...(shape ?? {}) };
    if (deviation !== undefined) delivery.deviation = deviation;
    reply.delivery = delivery;
  }
  if (delivered !== undefined) {
    if (delivered < (reply.date as string))
      r.error(
        "reply.delivered",
        msg(
          `送达日期 ${delivered} 早于答复日期 ${reply.date as string}`,
          `served ${delivered}, before the reply date ${reply.date as string}`,
        ),
      );
    else reply.delivered = delivered;
  }
  for (const p of deliveryProblems({ requestedDelivery: values.requestedDelivery, reply })) {
    const key =
      p.field === "reply.delivery.deviation" && r.has("reply.delivery.deviation")
        ? "reply.delivery.deviation"
        : r.has("reply.delivery")
          ? "reply.delivery"
          : "reply.delivery.deviation";
    r.error(key, p.message);
  }
}

function readFee(r: RowReader, values: Obj, tables: Tables): void {
  if (!r.has("fee.amount")) return;
  const amount = r.read("fee.amount", parseAmount);
  if (amount === undefined || amount === 0) return;
  const fee: Obj = {};
  const method = r.read("fee.method", (v) => parseLabel(v, tables.feeMethod, CODE_NAMES.feeMethod));
  const quantity = r.read("fee.quantity", parsePositiveInteger);
  const noticeDate = r.date("fee.noticeDate");
  const missing: string[] = [];
  for (const [key, v] of [
    ["fee.method", method],
    ["fee.quantity", quantity],
    ["fee.noticeDate", noticeDate],
  ] as const) {
    if (v !== undefined) continue;
    if (!r.has(key)) missing.push(fieldByKey("applications", key)!.label);
    else if (r.blank(key)) r.error(key, msg("收费金额不为0时不能为空", "needed when a fee is charged"));
  }
  if (missing.length > 0)
    r.error(
      "fee.amount",
      msg(
        `收费金额不为0，但台账没有${missing.map((m) => `“${m}”`).join("")}列`,
        `a fee is charged but the ledger has no column for ${missing.join(", ")}`,
      ),
    );
  const paidDate = r.date("fee.paidDate");
  const paid = r.has("fee.paid") ? readBoolean(r, "fee.paid", tables) : undefined;
  if (method === undefined || quantity === undefined || noticeDate === undefined) return;
  Object.assign(fee, { method, quantity, amount, noticeDate });
  if (paid !== undefined || paidDate !== undefined) fee.paid = paid ?? true;
  if (paidDate !== undefined) fee.paidDate = paidDate;
  values.fee = fee;
}

/** The approval item a case names: by code, by a mapping label, by name. */
function itemResolver(dataset: Dataset, mapping: ImportMapping | undefined) {
  const items = dataset.approval?.items ?? [];
  const byName = new Map(items.map((i) => [labelKey(i.name), i.id]));
  const ids = new Set(items.map((i) => i.id));
  const extra = new Map(Object.entries(mapping?.values?.item ?? {}).map(([k, v]) => [labelKey(k), v]));
  const list = quotedList(items.map((i) => i.name));
  const listIds = items.map((i) => i.id).join("、");
  return {
    byName(v: CellValue): Parsed<string> {
      const shown = cellText(v).trim();
      const id =
        extra.get(labelKey(shown)) ?? byName.get(labelKey(shown)) ?? (ids.has(shown) ? shown : undefined);
      if (id !== undefined) return { ok: true, value: id };
      return {
        ok: false,
        message: msg(
          `数据文件中没有名为“${shown}”的审批事项（已有：${list}）；名称不同时可在映射文件 values.item 中对应`,
          `no approval item is named "${shown}" (known: ${items.map((i) => i.name).join(", ")}); a mapping's values.item can pair them`,
        ),
      };
    },
    byId(v: CellValue): Parsed<string> {
      const shown = cellText(v).normalize("NFKC").trim();
      const id = extra.get(labelKey(shown)) ?? (ids.has(shown) ? shown : undefined);
      if (id !== undefined) return { ok: true, value: id };
      return {
        ok: false,
        message: msg(
          `数据文件中没有编码为“${shown}”的审批事项（已有：${listIds}）`,
          `no approval item has code "${shown}" (known: ${[...ids].join(", ")})`,
        ),
      };
    },
  };
}

function readCase(
  r: RowReader,
  id: string,
  exists: boolean,
  mapping: ImportMapping | undefined,
  tables: Tables,
  items: ReturnType<typeof itemResolver>,
): { values: Obj; defaults: Obj } {
  const values: Obj = { id };
  const defaults: Obj = {};
  const byId = r.read("itemId", (v) => items.byId(v));
  const byName = r.read("item", (v) => items.byName(v));
  if (byId !== undefined && byName !== undefined && byId !== byName)
    r.error(
      "item",
      msg(
        `事项名称与${columnLetter(r.layout.bound.get("itemId")!.col)}列的事项编码不一致`,
        "the item name and the item code disagree",
      ),
    );
  const item = byId ?? byName;
  if (item !== undefined) values.item = item;
  else if (!exists && r.blank("item") && r.blank("itemId"))
    r.error(r.has("item") ? "item" : "itemId", msg("审批事项不能为空", "the approval item is empty"));

  for (const k of ["received", "accepted", "completed"]) {
    const d = r.date(k);
    if (d !== undefined) values[k] = d;
  }
  if (values.accepted === undefined && r.blank("accepted") && !exists)
    r.error("accepted", msg("受理日期不能为空", "the acceptance date is empty"));
  if (values.received === undefined && r.blank("received") && typeof values.accepted === "string")
    defaults.received = values.accepted;

  const seal = r.has("sealUsed") ? readBoolean(r, "sealUsed", tables) : undefined;
  if (seal !== undefined) values.sealUsed = seal;
  else if (r.blank("sealUsed")) {
    if (mapping?.defaults?.sealUsed !== undefined) defaults.sealUsed = mapping.defaults.sealUsed;
    else if (!exists)
      r.error("sealUsed", msg("是否使用审批专用章不能为空（是/否）", "approval seal used: empty (是/否)"));
  }
  return { values, defaults };
}

/** Why a row lies outside the dataset's year, if it does. */
function outsideYear(kind: ImportKind, v: Obj, d: Obj, year: number): Msg | undefined {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (kind === "applications") {
    const channel = (v.channel ?? d.channel) as Channel | undefined;
    const viaChannel = channel ? (v[RECEIPT_FIELD[channel]] as string | undefined) : undefined;
    const receipt = (v.received ?? viaChannel ?? v.submitted ?? d.submitted) as string | undefined;
    const replied = (v.reply as Obj | undefined)?.date as string | undefined;
    if (receipt !== undefined && receipt > end)
      return msg(`收到日期 ${receipt} 晚于 ${year} 年度`, `received ${receipt}, after the year ${year}`);
    if (replied !== undefined && replied < start)
      return msg(`已于 ${replied} 答复，不属于 ${year} 年度`, `answered ${replied}, before the year ${year}`);
    return undefined;
  }
  const accepted = v.accepted as string | undefined;
  const completed = v.completed as string | undefined;
  if (accepted !== undefined && accepted > end)
    return msg(`受理日期 ${accepted} 晚于 ${year} 年度`, `accepted ${accepted}, after the year ${year}`);
  if (completed !== undefined && completed < start)
    return msg(
      `已于 ${completed} 办结，不属于 ${year} 年度`,
      `completed ${completed}, before the year ${year}`,
    );
  return undefined;
}

/** Read every record of the ledger, or every problem found. */
export function readRecords(ledger: Ledger, opts: ReadRecordsOptions): ReadRecordsResult {
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const skipped: SkippedRow[] = [];
  const mapping = opts.mapping;
  const wanted =
    opts.sheets && opts.sheets.length > 0
      ? opts.sheets
      : mapping?.sheet !== undefined
        ? [mapping.sheet]
        : undefined;
  const fixedKind = opts.kind ?? mapping?.kind;
  const sheets = chooseSheets(
    ledger,
    wanted,
    fixedKind ? [fixedKind] : ["applications", "approval-cases"],
    issues,
  );
  const kind = fixedKind ?? (sheets.length > 0 ? detectKind(sheets, ledger, issues) : undefined);
  const result: ReadRecordsResult = {
    kind: kind ?? "applications",
    records: [],
    sheets: [],
    issues,
    warnings,
    skipped,
  };
  if (!kind || sheets.length === 0) return result;

  const dataset = opts.dataset;
  if (kind === "approval-cases" && !dataset.approval) {
    issues.push({
      place: { file: ledger.file },
      message: msg(
        "数据文件中没有 approval（集中审批）部分，无法导入办件；请先填写 approval.office 和 approval.items（审批事项）",
        "the dataset has no approval section; add approval.office and approval.items before importing cases",
      ),
    });
    return result;
  }
  const existing = new Set(
    (kind === "applications" ? (dataset.disclosure.applications ?? []) : (dataset.approval?.cases ?? [])).map(
      (x) => x.id,
    ),
  );
  const tables = tablesOf(mapping);
  const items = itemResolver(dataset, mapping);
  const firstRowOf = new Map<string, Place>();

  for (const sheet of sheets) {
    const layout = layoutOf(ledger, sheet, kind, mapping, issues, warnings);
    if (!layout) continue;
    const summary: SheetSummary = {
      index: sheet.index,
      name: sheet.name,
      headerRows: layout.headerRows,
      columns: [...layout.bound.values()]
        .sort((a, b) => a.col - b.col)
        .map((b) => ({ field: b.field.key, column: columnLetter(b.col), header: b.header })),
      records: 0,
    };
    result.sheets.push(summary);
    const boundCols = [...layout.bound.values()].filter((b) => b.field.key !== "seq").map((b) => b.col);
    const firstData = Math.max(...layout.headerRows) + 1;
    for (let row = firstData; row <= sheet.rows.length; row++) {
      const cells = sheet.rows[row - 1] ?? [];
      if (boundCols.every((c) => isBlank(cells[c - 1]))) continue;
      const first = cells.find((c) => !isBlank(c));
      if (first !== undefined && TOTAL_ROW.test(cellText(first).trim())) continue;
      const before = issues.length;
      const r = new RowReader(ledger, layout, row, issues, warnings);
      const id = readId(r, mapping);
      if (id === undefined) continue;
      const dup = firstRowOf.get(id);
      if (dup) {
        const where =
          dup.sheet !== undefined && dup.sheet !== sheet.index
            ? `第${dup.sheet}张表第${dup.row}行`
            : `第${dup.row}行`;
        const whereEn =
          dup.sheet !== undefined && dup.sheet !== sheet.index
            ? `sheet ${dup.sheet} row ${dup.row}`
            : `row ${dup.row}`;
        r.error(
          r.has("id") ? "id" : "seq",
          msg(`编号“${id}”与${where}重复`, `id "${id}" is also used in ${whereEn}`),
        );
        continue;
      }
      firstRowOf.set(id, r.rowPlace);
      const exists = existing.has(id);
      const { values, defaults } =
        kind === "applications"
          ? readApplication(r, id, exists, mapping, tables)
          : readCase(r, id, exists, mapping, tables, items);
      if (issues.length > before) continue;
      const outside = outsideYear(kind, values, defaults, dataset.year);
      if (outside) {
        skipped.push({ place: r.rowPlace, id, reason: outside });
        continue;
      }
      if (kind === "applications" && values.carriedOver === undefined) {
        const channel = (values.channel ?? defaults.channel) as Channel | undefined;
        const via = channel ? (values[RECEIPT_FIELD[channel]] as string | undefined) : undefined;
        const receipt = (values.received ?? via ?? values.submitted ?? defaults.submitted) as
          string | undefined;
        if (receipt !== undefined && receipt < `${dataset.year}-01-01`) defaults.carriedOver = true;
      }
      result.records.push({ id, place: r.rowPlace, values, defaults });
      summary.records++;
    }
  }
  return result;
}
