/**
 * `gongwen import <ledger.xlsx|.csv> --into data.json [--kind applications|approval-cases]
 *                [--sheet NAME]… [--mapping FILE] [--dry-run] [--force] [--json]`
 *
 * Reads an office ledger (台账) and merges its records into the dataset by id. Decisions:
 * - --into must exist (a dataset needs the agency and year the ledger does not hold): create it
 *   with `gongwen init` first.
 * - Updating --into in place is what the command is for, so writing it needs no --force. What
 *   needs --force is changing a value the dataset already holds (a record whose date, type … in
 *   the ledger differs): without it nothing is written and every such record is listed. Adding
 *   records and filling fields a record lacks never need it; a blank cell never removes a value.
 * - Nothing is written when anything fails; --dry-run reports what would change and writes
 *   nothing. When nothing changes, the file is not touched.
 */
import type { Argv, CommandModule } from "yargs";
// Only light modules at start-up; the readers (exceljs, csv-parse, the validator) load in the handler.
import type { ImportKind, ImportPlan } from "../../data/import/index.js";
import { IMPORT_KINDS } from "../../data/import/headers.js";
import { formatPlace } from "../../data/import/ledger.js";
import { lstatSync, realpathSync } from "node:fs";
import { writeFileAtomic } from "../../util/fs-atomic.js";
import { parseLang, t, type Lang } from "../../util/i18n.js";
import { maskPersonalPatterns } from "../../util/personal-patterns.js";

interface ImportArgs {
  ledger: string;
  into: string;
  kind?: ImportKind;
  sheet?: (string | number)[];
  mapping?: string;
  "dry-run": boolean;
  force: boolean;
  json: boolean;
  lang?: string;
}

const KIND_NAME: Record<ImportKind, { zh: string; en: string }> = {
  applications: { zh: "依申请公开申请", en: "disclosure applications" },
  "approval-cases": { zh: "审批办件", en: "approval cases" },
};

/** At most this many ids are listed per line of the report. */
const LIST_MAX = 20;

function ids(list: string[], lang: Lang): string {
  const shown = list.slice(0, LIST_MAX).join(t(lang, "、", ", "));
  return list.length > LIST_MAX ? shown + t(lang, ` 等 ${list.length} 件`, ` … (${list.length})`) : shown;
}

/** The report a clerk reads, one line each. */
export function formatPlan(
  plan: ImportPlan,
  opts: {
    dryRun: boolean;
    lang: Lang;
    api: {
      fieldName: typeof import("../../data/import/index.js").fieldName;
      describeChange: typeof import("../../data/import/index.js").describeChange;
    };
  },
): string[] {
  const { lang } = opts;
  const { fieldName, describeChange } = opts.api;
  const lines: string[] = [];
  const name = KIND_NAME[plan.kind];
  for (const s of plan.sheets) {
    const where =
      plan.format === "xlsx" ? formatPlace({ file: plan.ledger, sheet: s.index }, lang) : plan.ledger;
    const header =
      s.headerRows.length === 1
        ? `${s.headerRows[0]}`
        : `${s.headerRows[0]}–${s.headerRows[s.headerRows.length - 1]}`;
    lines.push(
      t(
        lang,
        `${where}${s.name !== null ? `“${s.name}”` : ""}：表头第${header}行，读取 ${s.records} 行${plan.encoding ? `（编码 ${plan.encoding}）` : ""}`,
        `${where}${s.name !== null ? ` "${s.name}"` : ""}: header row ${header}, ${s.records} rows read${plan.encoding ? ` (encoding ${plan.encoding})` : ""}`,
      ),
    );
  }
  const c = plan.counts;
  lines.push(
    t(
      lang,
      `${plan.into} ${name.zh}：新增 ${c.added} 件，补充 ${c.filled} 件，修改 ${c.changed} 件，未变 ${c.unchanged} 件；台账未列出的 ${c.kept} 件保持不变`,
      `${plan.into} ${name.en}: ${c.added} added, ${c.filled} filled in, ${c.changed} changed, ${c.unchanged} unchanged; ${c.kept} not in the ledger kept`,
    ),
  );
  const of = (s: string) => plan.changes.filter((x) => x.status === s);
  const added = of("added").map((x) => x.id);
  if (added.length > 0) lines.push(t(lang, `  新增：${ids(added, lang)}`, `  added: ${ids(added, lang)}`));
  for (const x of of("filled")) {
    const fields = x.filled.map((p) => fieldName(plan.kind, p, lang)).join(t(lang, "、", ", "));
    lines.push(t(lang, `  补充：${x.id}（${fields}）`, `  filled in: ${x.id} (${fields})`));
  }
  for (const x of of("changed")) {
    const what = x.changed.map((ch) => describeChange(plan.kind, ch, lang, true)).join(t(lang, "；", "; "));
    lines.push(t(lang, `  修改：${x.id}（${what}）`, `  changed: ${x.id} (${what})`));
  }
  if (plan.skipped.length > 0) {
    lines.push(
      t(
        lang,
        `跳过 ${plan.skipped.length} 行（不属于本年度）：`,
        `${plan.skipped.length} row${plan.skipped.length === 1 ? "" : "s"} left out (not in the year):`,
      ),
    );
    for (const s of plan.skipped)
      lines.push(`  ${formatPlace(s.place, lang)} ${s.id}${t(lang, "：", ": ")}${s.reason}`);
  }
  if (plan.text === null)
    lines.push(
      t(lang, `没有需要写入的变化，${plan.into} 未改动`, `nothing to change; ${plan.into} untouched`),
    );
  else if (opts.dryRun)
    lines.push(
      t(lang, `预演（--dry-run）：未写入 ${plan.into}`, `dry run (--dry-run): ${plan.into} not written`),
    );
  else lines.push(t(lang, `已写入 ${plan.into}`, `wrote ${plan.into}`));
  return lines;
}

/** The real path of `path` when it is a symbolic link (resolved once), else null. */
function linkTarget(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : null;
  } catch {
    return null;
  }
}

export const importCommand: CommandModule<object, ImportArgs> = {
  command: "import <ledger>",
  describe: "导入台账（Excel/CSV）到数据文件 / import a ledger (Excel/CSV) into a dataset",
  builder: (y: Argv) =>
    y
      .positional("ledger", {
        type: "string",
        demandOption: true,
        describe: "台账文件 .xlsx 或 .csv / ledger file",
      })
      .option("into", {
        type: "string",
        demandOption: true,
        describe: "要更新的数据文件 / dataset file to update",
      })
      .option("kind", {
        choices: IMPORT_KINDS,
        describe: "台账种类（默认按表头判断）/ kind of ledger (default: from its header)",
      })
      .option("sheet", {
        type: "string",
        array: true,
        describe: "工作表名称或序号，可多次使用 / sheet name or position, may be repeated",
      })
      .option("mapping", {
        type: "string",
        describe: "列映射文件 / mapping file (schemas/import-mapping.schema.json)",
      })
      .option("dry-run", {
        type: "boolean",
        default: false,
        describe: "只报告将发生的变化，不写入 / report only",
      })
      .option("force", {
        type: "boolean",
        default: false,
        describe: "允许修改数据文件中已有的值 / allow changing values the dataset already holds",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "以 JSON 输出结果 / print the result as JSON",
      }) as unknown as Argv<ImportArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    const api = await import("../../data/import/index.js");
    const plan = await api.planImport({
      ledger: argv.ledger,
      into: argv.into,
      kind: argv.kind,
      sheets: argv.sheet?.map(String),
      mapping: argv.mapping,
      force: argv.force,
      lang,
    });
    const write = plan.text !== null && !argv["dry-run"];
    // A dataset that is a symbolic link is written through to the file it points to, resolved
    // once and reported (replacing the link would leave that file stale).
    const target = write ? linkTarget(plan.into) : null;
    // Updating the dataset in place is the command's purpose: no --force needed for the file itself.
    if (write) writeFileAtomic(target ?? plan.into, plan.text!, { force: true, lang });
    if (target !== null && !argv.json)
      process.stderr.write(
        t(
          lang,
          `${plan.into} 是符号链接：已写入它指向的文件 ${target}`,
          `${plan.into} is a symbolic link: wrote the file it points to, ${target}`,
        ) + "\n",
      );
    if (argv.json) {
      const { text, ...rest } = plan;
      void text;
      process.stdout.write(
        JSON.stringify(
          {
            ...rest,
            dryRun: argv["dry-run"],
            written: write,
            ...(target !== null ? { writtenTo: target } : {}),
          },
          null,
          2,
        ) + "\n",
      );
      return;
    }
    for (const w of plan.warnings.map((m) => maskPersonalPatterns(m)))
      process.stderr.write(t(lang, `警告：${w}`, `warning: ${w}`) + "\n");
    process.stdout.write(formatPlan(plan, { dryRun: argv["dry-run"], lang, api }).join("\n") + "\n");
  },
};
