/**
 * A ledger (台账, XLSX/CSV) uploaded to the workbench, read through the library's import
 * (`planImport`, the same reading, mapping, merge and validation as `gongwen import`) against
 * the year's dataset as stored. The server never parses a ledger itself: it writes the upload
 * and the year's dataset to a temporary folder, plans the import there, and keeps what the plan
 * would write — new records and updates of existing ones by id — for the clerk to confirm.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { csrfField, tpl, type Html, type Part } from "./html.js";
import { valueText } from "./labels.js";
import {
  fieldName,
  planImport,
  UserError,
  writeFileAtomic,
  type Application,
  type ApprovalCase,
  type Dataset,
  type ImportPlan,
} from "./lib.js";
import { screenText } from "./text.js";
import type { Store } from "../storage/index.js";

export type LedgerKind = "approval-cases" | "applications";

/** A ledger refused: the messages for the clerk, and the HTTP status. Nothing was saved. */
export class LedgerRefused extends Error {
  constructor(
    readonly messages: string[],
    readonly status = 400,
  ) {
    super(messages.join("；"));
    this.name = "LedgerRefused";
  }
}

/** One ledger row as the preview shows it. */
export interface PreviewRow {
  id: string;
  status: "added" | "changed" | "unchanged";
  /** Where in the ledger: 工作表“…”第N行 / 第N行. */
  where: string;
  /** The fields it changes, in words (old → new); for an added record, empty. */
  changes: string[];
}

/** What confirming writes: each record, and what it was when previewed (null: a new one). */
export interface LedgerWrite<R> {
  record: R;
  /** The stored record's JSON the preview was made against (a case) … */
  before: string | null;
  /** … or its version (an application). */
  version: number | null;
}

export interface LedgerPreview {
  kind: LedgerKind;
  year: number;
  /** The clerk's file name (made safe), as messages quote it. */
  file: string;
  plan: ImportPlan;
  rows: PreviewRow[];
  writes: LedgerWrite<ApprovalCase | Application>[];
}

const EXTENSIONS = [".xlsx", ".csv", ".xls", ".et", ".xlsm"];

/** Read an uploaded ledger against the year as stored; nothing is saved. Throws LedgerRefused. */
export async function previewLedger(
  store: Store,
  officeId: number,
  year: number,
  kind: LedgerKind,
  form: { fileName?: string | undefined; data?: string | undefined; sheets?: string | undefined },
): Promise<LedgerPreview> {
  const data = form.data ?? "";
  const given = (form.fileName ?? "").replace(/^.*[\\/]/, "");
  const ext = extname(given).toLowerCase();
  if (data === "" || given === "") throw new LedgerRefused(["请选择要导入的台账文件"]);
  if (!EXTENSIONS.includes(ext)) throw new LedgerRefused([`${given}：请选择 Excel（.xlsx）或 CSV 文件`]);
  const bytes = Buffer.from(data, "base64");
  const dir = mkdtempSync(join(tmpdir(), "gongwen-ledger-"));
  // Messages name the uploaded file by its own name, never the temporary folder. A problem of
  // the year's data (a total the new records contradict) is named by what it says, not by a
  // line of the file the server wrote for the import.
  const local = (m: string) =>
    screenText(
      m
        .split(`${dir}/`)
        .join("")
        .replace(/\S+年度数据\.json 第\d+行第\d+列 (?:[^：\n]*：)?/g, "本年度数据：")
        .replace(/，未写入 \S+年度数据\.json/, "，未保存")
        .replace("（可在映射文件中指定）", "")
        .replace(
          "请用 --sheet 指定要导入的表（可多次使用）",
          "请在“工作表”一栏填写要导入的表（名称或第几张，多张用顿号分隔）",
        ),
    );
  try {
    // The clerk's file name, made safe for the file system (messages quote it).
    const safe = given.replace(/[^\p{L}\p{N}._() -]/gu, "_").slice(-120) || `台账${ext}`;
    const ledger = join(dir, safe);
    const into = join(dir, `${year}年度数据.json`);
    writeFileAtomic(ledger, bytes);
    const dataset = await store.exportYear(officeId, year);
    if (!dataset) throw new LedgerRefused([`没有${year}年度的数据`], 404);
    writeFileAtomic(into, JSON.stringify(dataset, null, 2) + "\n");
    let plan: ImportPlan;
    try {
      // force: a row of a record already stored updates it (the preview shows every change).
      // The sheets the clerk named (names or positions, 、 or , between them), else the one
      // sheet that looks like a ledger.
      const sheets = (form.sheets ?? "")
        .split(/[、,，;；]/)
        .map((x) => x.trim())
        .filter(Boolean);
      plan = await planImport({
        ledger,
        into,
        kind,
        lang: "zh",
        force: true,
        ...(sheets.length ? { sheets } : {}),
      });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      throw new LedgerRefused([local(e.message), ...e.details.map(local)]);
    }
    plan = {
      ...plan,
      ledger: safe,
      warnings: plan.warnings.map(local),
      skipped: plan.skipped.map((x) => ({ ...x, reason: local(x.reason) })),
    };
    const sheetName = (n: number | undefined) => {
      const sheet = plan.format === "xlsx" ? plan.sheets.find((x) => x.index === n) : undefined;
      return sheet ? `工作表“${sheet.name ?? n}”` : "";
    };
    const rows: PreviewRow[] = plan.changes.map((c) => ({
      id: c.id,
      status: c.status === "added" ? "added" : c.status === "unchanged" ? "unchanged" : "changed",
      where: `${sheetName(c.place.sheet)}第${c.place.row ?? ""}行`,
      changes: [
        ...c.filled.map((path) => changeText(kind, path, undefined, valueAt(plan, kind, c.id, path))),
        ...c.changed.map((x) => changeText(kind, x.path, x.from, x.to)),
      ],
    }));
    const writes = await writesOf(store, officeId, year, kind, plan);
    if (writes.length === 0) throw new LedgerRefused([`${safe}：台账中的记录与已登记的内容相同，无需导入`]);
    return { kind, year, file: safe, plan, rows, writes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A field's change in words: its name, old → new with codes as labels; personal data hidden. */
function changeText(kind: LedgerKind, path: string, from: unknown, to: unknown): string {
  const name = fieldName(kind, path, "zh");
  if (path.startsWith("applicant.") && path !== "applicant.type")
    return from === undefined ? `${name}：填入` : `${name}：有改动`;
  const shown = (v: unknown) => valueText(JSON.stringify(v));
  if (from === undefined) return `${name}：填入 ${shown(to)}`;
  if (to === undefined) return `${name}：删去 ${shown(from)}`;
  return `${name} ${shown(from)} → ${shown(to)}`;
}

function listOf(d: Dataset | null, kind: LedgerKind): Record<string, unknown>[] {
  if (!d) return [];
  return ((kind === "applications" ? d.disclosure?.applications : d.approval?.cases) ??
    []) as unknown as Record<string, unknown>[];
}

function valueAt(plan: ImportPlan, kind: LedgerKind, id: string, path: string): unknown {
  const merged = plan.text ? (JSON.parse(plan.text) as Dataset) : null;
  let v: unknown = listOf(merged, kind).find((r) => r.id === id);
  for (const k of path.split("."))
    v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

async function writesOf(
  store: Store,
  officeId: number,
  year: number,
  kind: LedgerKind,
  plan: ImportPlan,
): Promise<LedgerWrite<ApprovalCase | Application>[]> {
  const touched = new Set(plan.changes.filter((c) => c.status !== "unchanged").map((c) => c.id));
  if (touched.size === 0 || !plan.text) return [];
  const merged = listOf(JSON.parse(plan.text) as Dataset, kind).filter(
    (r) => typeof r.id === "string" && touched.has(r.id),
  );
  if (kind === "approval-cases") {
    const stored = new Map((await store.cases(officeId, year)).map((c) => [c.id, JSON.stringify(c)]));
    return merged.map((r) => ({
      record: r as unknown as ApprovalCase,
      before: stored.get(r.id as string) ?? null,
      version: null,
    }));
  }
  const ids = merged.map((r) => r.id as string);
  const stored = await store.applicationsById(officeId, year, ids);
  return merged.map((r) => {
    const rec = { ...r };
    // The export adds the numbers of issued letters to each record; they are the letters'
    // (a ledger has no column for them), so the record keeps what it had.
    const had = stored.get(r.id as string)?.record;
    const hadIssued = (had as unknown as Record<string, unknown> | undefined)?.issued;
    if (hadIssued === undefined) delete rec.issued;
    else rec.issued = hadIssued;
    return {
      record: rec as unknown as Application,
      before: null,
      version: stored.get(r.id as string)?.version ?? null,
    };
  });
}

const STATUS_TEXT: Record<PreviewRow["status"], string> = {
  added: "新增",
  changed: "修改",
  unchanged: "无变化",
};

/** The preview of a read ledger: counts, column mapping, every row with its changes, confirm. */
export function previewHtml(
  p: LedgerPreview,
  o: {
    csrf: string;
    confirm: string;
    cancel: string;
    token: string;
    noun: string;
    describe: (id: string) => Part;
  },
): Html {
  const n = (s: PreviewRow["status"]) => p.rows.filter((r) => r.status === s).length;
  return tpl`<div class="preview-import" role="status">
    <p>
      台账“${p.file}”：新增${o.noun}<strong id="import-added">${n("added")}</strong>件，修改<strong id="import-changed">${n("changed")}</strong>件，与已登记的内容相同<strong id="import-unchanged">${n("unchanged")}</strong>件${p.plan.counts.skipped ? `，跳过${p.plan.counts.skipped}行` : ""}。尚未保存，请核对后确认。
    </p>
    ${p.plan.sheets.map(
      (s) =>
        tpl`<table class="mapping">
          <caption>
            ${s.name ? `工作表“${s.name}”` : "台账"}：表头在第${s.headerRows.join("、")}行，读取${s.records}行
          </caption>
          <thead>
            <tr>
              <th scope="col">列</th>
              <th scope="col">台账表头</th>
              <th scope="col">对应栏目</th>
            </tr>
          </thead>
          <tbody>
            ${s.columns.map((c) => tpl`<tr><td>${c.column}</td><td>${c.header}</td><td>${fieldName(p.kind, c.field, "zh")}</td></tr>`)}
          </tbody>
        </table>`,
    )}
    ${p.plan.warnings.length ? tpl`<ul class="hint">${p.plan.warnings.map((w) => tpl`<li>${w}</li>`)}</ul>` : ""}
    ${p.plan.skipped.length ? tpl`<ul class="hint">${p.plan.skipped.map((s) => tpl`<li>第${s.place.row ?? ""}行（${s.id}）：${s.reason}</li>`)}</ul>` : ""}
    <div class="table-wrap">
      <table class="import-rows">
        <thead>
          <tr>
            <th scope="col">台账行</th>
            <th scope="col">编号</th>
            <th scope="col">内容</th>
            <th scope="col">导入后</th>
            <th scope="col">改动</th>
          </tr>
        </thead>
        <tbody>
          ${p.rows.map(
            (r) =>
              tpl`<tr class="row-${r.status}">
                <td>${r.where}</td>
                <td>${r.id}</td>
                <td>${o.describe(r.id)}</td>
                <td>${STATUS_TEXT[r.status]}</td>
                <td>${r.changes.length ? tpl`<ul>${r.changes.map((c) => tpl`<li>${c}</li>`)}</ul>` : ""}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <form method="post" action="${o.confirm}" class="inline">
      ${csrfField(o.csrf)}<input type="hidden" name="token" value="${o.token}" />
      <button type="submit">确认导入</button>
    </form>
    <a href="${o.cancel}">放弃</a>
  </div>`;
}

/** The records a preview would write, by id (for describing its rows). */
export function recordsOf<R>(p: LedgerPreview): Map<string, R> {
  return new Map(p.writes.map((w) => [(w.record as { id: string }).id, w.record as R]));
}
