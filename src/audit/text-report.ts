/**
 * The audit result as plain text for a terminal (gongwen audit --format text): the score, a
 * table of criteria with points lost, why, then every finding with its evidence and, for a
 * deadline, the summary line and the events of its trace. Colour only when asked (the CLI asks
 * on a TTY without NO_COLOR); widths count CJK characters as two columns.
 */
import stringWidth from "string-width";
import { dateText } from "../data/date-text.js";
import { evidenceText } from "../data/messages.js";
import { t, type Lang } from "../util/i18n.js";
import type { AuditResult, RuleRun } from "./engine.js";
import type { Finding, Severity } from "./finding.js";

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** The dataset audited: evidence is named by record id and field name (else by JSON pointer). */
  dataset?: unknown;
}

const SEVERITY_LABEL: Record<Severity, [string, string]> = {
  error: ["错误", "error"],
  warning: ["警告", "warning"],
  info: ["提示", "info"],
};

const ANSI = { red: 31, yellow: 33, cyan: 36, bold: 1, dim: 2, green: 32 } as const;

function paint(on: boolean, code: keyof typeof ANSI, s: string): string {
  return on ? `\u001b[${ANSI[code]}m${s}\u001b[0m` : s;
}

function num(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** Pad to a display width (CJK = 2 columns). */
function pad(s: string, width: number, right = false): string {
  const gap = Math.max(0, width - stringWidth(s));
  return right ? " ".repeat(gap) + s : s + " ".repeat(gap);
}

/** Cut to a display width with an ellipsis. */
function clip(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (stringWidth(out + ch + "…") > width) break;
    out += ch;
  }
  return out + "…";
}

function severityText(s: Severity, lang: Lang, color: boolean): string {
  const label = t(lang, SEVERITY_LABEL[s][0], SEVERITY_LABEL[s][1]);
  return paint(color, s === "error" ? "red" : s === "warning" ? "yellow" : "cyan", label);
}

function evidenceLines(f: Finding, lang: Lang, dataset: unknown): string[] {
  const lines = f.evidence.map((e) => {
    if (dataset === undefined)
      return t(lang, "证据：", "evidence: ") + `${e.pointer} = ${JSON.stringify(e.value)}`;
    const x = evidenceText(e.pointer, e.value, dataset, lang);
    return t(lang, `证据：${x.where}：${x.value}`, `evidence: ${x.where}: ${x.value}`);
  });
  if (f.deadline) {
    lines.push(t(lang, "期限：", "deadline: ") + f.deadline.summary);
    for (const e of f.deadline.events) lines.push(`      ${dateText(e.date, lang)} ${e.note}`);
  }
  return lines;
}

/** A finding: its severity, the rule by its title (the id is in --format json), the evidence. */
function findingBlock(
  f: Finding,
  index: number,
  o: TextOptions,
  titles: ReadonlyMap<string, string>,
): string[] {
  const { lang, color } = o;
  const title = t(lang, `【${titles.get(f.rule) ?? f.rule}】`, `[${titles.get(f.rule) ?? f.rule}]`);
  const head = `${index + 1}. ${severityText(f.severity, lang, color)} ${paint(color, "dim", title)}${lang === "en" ? " " : ""}${f.message}`;
  return [head, ...evidenceLines(f, lang, o.dataset).map((l) => "     " + l)];
}

/** The whole text report. */
export function formatAuditText(r: AuditResult, o: TextOptions): string {
  const { lang, color } = o;
  const out: string[] = [];
  out.push(
    paint(
      color,
      "bold",
      t(lang, `考核自查：${r.agency} ${r.year}年度`, `Self-audit: ${r.agency}, ${r.year}`),
    ),
  );
  const file = r.scheme.file ? t(lang, `（${r.scheme.file}）`, ` (${r.scheme.file})`) : "";
  out.push(t(lang, `考核方案：${r.scheme.title}${file}`, `Scheme: ${r.scheme.title}${file}`));
  const bonus =
    r.bonus > 0 ? t(lang, `，含加分${num(r.bonus)}分`, `, including a bonus of ${num(r.bonus)}`) : "";
  const notScored = r.criteria.filter((c) => !c.scored && c.method.type !== "bonus");
  const fewer =
    notScored.length > 0
      ? t(
          lang,
          `（${notScored.length} 项无数据、不计分：满分 ${num(r.total)} 分按 ${num(r.outOf)} 分计）`,
          ` (${notScored.length} criteri${notScored.length === 1 ? "on" : "a"} with no data not scored: out of ${num(r.outOf)} of ${num(r.total)})`,
        )
      : "";
  out.push(
    paint(
      color,
      "bold",
      t(
        lang,
        `得分：${num(r.score)} / ${num(r.outOf)}${bonus}${fewer}`,
        `Score: ${num(r.score)} / ${num(r.outOf)}${bonus}${fewer}`,
      ),
    ),
  );
  out.push("");

  const head = [
    t(lang, "编号", "id"),
    t(lang, "考核项", "criterion"),
    t(lang, "分值", "points"),
    t(lang, "扣分", "lost"),
    t(lang, "得分", "score"),
  ];
  const rows = r.criteria.map((c) => {
    const bonus = c.method.type === "bonus";
    return [
      c.id,
      clip(c.title, 44),
      num(c.points),
      bonus || !c.scored ? "" : num(c.lost),
      bonus ? `+${num(c.bonus)}` : c.scored ? num(c.earned) : t(lang, "无数据", "no data"),
    ];
  });
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((row) => stringWidth(row[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!, i >= 2))
      .join("  ")
      .trimEnd();
  out.push(paint(color, "bold", line(head)));
  for (const [i, row] of rows.entries()) {
    const c = r.criteria[i]!;
    const text = line(row);
    out.push(c.lost > 0 ? paint(color, "red", text) : text);
  }
  out.push("");

  const changed = r.criteria.filter((c) => c.lost > 0 || c.bonus > 0 || c.noData);
  if (changed.length > 0) {
    out.push(paint(color, "bold", t(lang, "扣分（加分）说明：", "Points lost (and added):")));
    for (const c of changed) {
      const refs = c.findings.map((i) => `#${i + 1}`).join(" ");
      const which =
        c.method.type === "bonus" ? "" : refs ? t(lang, `（问题 ${refs}）`, ` (findings ${refs})`) : "";
      out.push(`  ${c.id} ${c.title}${t(lang, "：", ": ")}${c.reason}${which}`);
    }
    out.push("");
  }

  if (r.findings.length === 0) out.push(paint(color, "green", t(lang, "未发现问题。", "No findings.")));
  else {
    out.push(
      paint(
        color,
        "bold",
        t(lang, `发现的问题（${r.findings.length}）：`, `Findings (${r.findings.length}):`),
      ),
    );
    const titles = new Map(r.rules.map((x) => [x.id, x.title]));
    r.findings.forEach((f, i) => out.push(...findingBlock(f, i, o, titles).map((l) => "  " + l)));
    if (r.unscored.length > 0)
      out.push(
        "",
        t(
          lang,
          `其中不计分（本方案无对应考核项）：${r.unscored.map((i) => `#${i + 1}`).join(" ")}`,
          `Not scored (no criterion of this scheme): ${r.unscored.map((i) => `#${i + 1}`).join(" ")}`,
        ),
      );
  }
  if (r.highlights.length > 0) {
    out.push(
      "",
      paint(
        color,
        "bold",
        t(lang, `加分事项（${r.highlights.length}）：`, `Highlights (${r.highlights.length}):`),
      ),
    );
    for (const h of r.highlights) out.push(`  + ${h.message}`);
  }
  out.push(
    "",
    t(
      lang,
      `合计：错误 ${r.counts.error}，警告 ${r.counts.warning}，提示 ${r.counts.info}`,
      `Total: ${r.counts.error} errors, ${r.counts.warning} warnings, ${r.counts.info} info`,
    ),
  );
  return out.join("\n") + "\n";
}

/** The rule list (gongwen audit --rules). */
export function formatRuleList(runs: readonly RuleRun[], lang: Lang): string {
  const out: string[] = [];
  const w = Math.max(...runs.map((r) => stringWidth(r.id)));
  for (const r of runs) {
    const sev =
      r.kind === "bonus"
        ? t(lang, "加分", "bonus")
        : r.severity === null
          ? t(lang, "关闭", "off")
          : t(lang, SEVERITY_LABEL[r.severity][0], r.severity);
    out.push(`${pad(r.id, w)}  ${pad(sev, 7)}  ${r.title}`);
    out.push(`${" ".repeat(w)}  ${" ".repeat(7)}  ${t(lang, "依据：", "source: ")}${r.source}`);
  }
  return out.join("\n") + "\n";
}
