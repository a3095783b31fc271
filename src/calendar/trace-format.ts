/**
 * A deadline trace as a readable table (Chinese by default), for `gongwen deadline --explain`
 * and the self-audit report. The table is a Markdown pipe table, readable as plain text and
 * usable as-is in the Markdown the compose stage produces.
 */
import { regimeName } from "../data/codes.js";
import { dateText } from "../data/date-text.js";
import { t, type Lang } from "../util/i18n.js";
import { parseDay, weekdayLabel } from "./dates.js";
import type { DeadlineEvent, DeadlineResult, TraceClass, TraceEntry } from "./deadline.js";

const CLASS_LABELS: Record<TraceClass, [string, string]> = {
  start: ["起算日（第0日）", "day 0"],
  counted: ["工作日", "working day"],
  weekend: ["周末", "weekend"],
  holiday: ["节假日", "holiday"],
  "makeup-workday": ["调休上班日", "make-up workday"],
  paused: ["暂停计算", "paused"],
};

const EVENT_LABELS: Record<DeadlineEvent["kind"], [string, string]> = {
  received: ["收到申请", "received"],
  "correction-notice": ["补正告知", "correction notice"],
  "correction-restart": ["补正后重新起算", "correction restart"],
  "correction-received": ["收到补正", "correction received"],
  "pause-start": ["暂停开始", "pause starts"],
  "pause-end": ["暂停结束", "pause ends"],
  extension: ["延期", "extension"],
  due: ["截止", "deadline"],
};

const PAUSE_KIND_LABELS: Record<string, [string, string]> = {
  "third-party": ["征求第三方意见", "Third-party consultation"],
  agency: ["征求其他机关意见", "Consultation of other agencies"],
  fee: ["收费通知至缴费", "fee notice to payment"],
};

/** What a pause is called: a consultation's party, the fee's payment window, or the kind as given. */
export function pauseLabel(kind: string | null, lang: Lang): string {
  const l = kind === null ? undefined : PAUSE_KIND_LABELS[kind];
  if (l) return t(lang, l[0], l[1]);
  if (kind) return kind;
  return t(lang, "征求意见", "Consultation");
}

/** An event's note in a language: "收到申请（适用…，答复期限20个工作日）". */
export function eventNote(e: DeadlineEvent, lang: Lang = "zh"): string {
  switch (e.kind) {
    case "received":
      return t(
        lang,
        `收到申请（适用${regimeName(e.data.regime, "zh")}，答复期限${e.data.baseDays}个工作日）`,
        `Request received (${regimeName(e.data.regime, "en")}: reply within ${e.data.baseDays} working days)`,
      );
    case "correction-notice": {
      const { due, late } = e.data;
      return due === null
        ? t(lang, "发出补正告知", "Correction notice sent")
        : t(
            lang,
            `发出补正告知（应于${dateText(due)}前${late ? "，已逾期" : ""}）`,
            `Correction notice sent (due by ${dateText(due, "en")}${late ? ", late" : ""})`,
          );
    }
    case "correction-restart":
      return t(
        lang,
        "收到补正后的申请，重新起算（第0日）",
        "Corrected request received: counting restarts (day 0)",
      );
    case "correction-received":
      return t(
        lang,
        "收到补正后的申请（不重新起算）",
        "Corrected request received (counting does not restart)",
      );
    case "pause-start": {
      const label = pauseLabel(e.data.pause, lang);
      return t(lang, `${label}开始（发函）`, `${label} starts (letter sent)`);
    }
    case "pause-end": {
      const label = pauseLabel(e.data.pause, lang);
      const { days } = e.data;
      return days !== null
        ? t(
            lang,
            `${label}结束（收到答复），期间${days}个工作日不计入期限`,
            `${label} ends (answer received): ${days} working days not counted`,
          )
        : t(
            lang,
            `${label}结束（收到答复），不在计算期间内，不影响期限`,
            `${label} ends (answer received): outside the counting period, no effect`,
          );
    }
    case "extension": {
      const { days, originalDue, late } = e.data;
      return t(
        lang,
        `延期${days}个工作日（原截止日期${dateText(originalDue)}${late ? "，延期晚于原截止日期" : ""}）`,
        `Extended by ${days} working days (original deadline ${dateText(originalDue, "en")}${late ? "; extension after the original deadline" : ""})`,
      );
    }
    case "due": {
      const { workingDay, pausedDays } = e.data;
      return t(
        lang,
        `截止日期（第${workingDay}个工作日${pausedDays > 0 ? `，暂停${pausedDays}个工作日不计` : ""}）`,
        `Deadline (working day ${workingDay}${pausedDays > 0 ? `; ${pausedDays} paused working days not counted` : ""})`,
      );
    }
  }
}

export function eventKindLabel(k: DeadlineEvent["kind"], lang: Lang): string {
  const l = EVENT_LABELS[k];
  return t(lang, l[0], l[1]);
}

export function traceClassLabel(c: TraceClass, lang: Lang): string {
  const l = CLASS_LABELS[c];
  return t(lang, l[0], l[1]);
}

/** A deadline's figures as JSON data: what the regime gives, the dates and the day counts. */
export interface DeadlineFigures {
  regime: string;
  received: string;
  /** Day 0 actually used (the corrected request's receipt after a correction). */
  start: string;
  due: string;
  baseDays: number;
  extensionDays: number;
  pausedDays: number;
}

/**
 * The one JSON form of a deadline's figures and events (gongwen deadline --json and the audit's
 * deadline evidence add to it, they do not copy it).
 */
export function deadlineFigures(result: DeadlineResult): DeadlineFigures {
  return {
    regime: result.regime,
    received: result.received,
    start: result.start,
    due: result.due,
    baseDays: result.baseDays,
    extensionDays: result.extensionDays,
    pausedDays: result.pausedDays,
  };
}

/** A deadline event as JSON for people's tools: date, kind and its note in a language. */
export interface DeadlineEventJson {
  date: string;
  kind: DeadlineEvent["kind"];
  note: string;
}

/** The deadline's events as JSON data: date, kind, note. */
export function deadlineEventsJson(result: DeadlineResult, lang: Lang = "zh"): DeadlineEventJson[] {
  return result.events.map((e) => ({ date: e.date, kind: e.kind, note: eventNote(e, lang) }));
}

export interface TraceTable {
  header: string[];
  rows: string[][];
}

/**
 * The trace as table cells for people: date (2023年9月13日 / 13 September 2023), weekday, class,
 * running count, note (holiday name, events). The ISO dates are in the figures and events.
 */
export function traceTable(result: DeadlineResult, lang: Lang = "zh"): TraceTable {
  const header =
    lang === "en" ? ["Date", "Day", "Class", "Count", "Note"] : ["日期", "星期", "类别", "计数", "说明"];
  const eventsByDate = new Map<string, DeadlineEvent[]>();
  for (const e of result.events) {
    const list = eventsByDate.get(e.date) ?? [];
    list.push(e);
    eventsByDate.set(e.date, list);
  }
  const rows = result.trace.map((e: TraceEntry) => {
    const notes: string[] = [];
    if (e.holidayName) notes.push(e.holidayName);
    for (const ev of eventsByDate.get(e.date) ?? []) notes.push(eventNote(ev, lang));
    return [
      dateText(e.date, lang),
      weekdayLabel(parseDay(e.date, "date", lang), lang),
      traceClassLabel(e.class, lang),
      e.n === undefined ? "" : String(e.n),
      notes.join(t(lang, "；", "; ")),
    ];
  });
  return { header, rows };
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

/** The trace table (Markdown) followed by the list of events. */
export function formatTrace(result: DeadlineResult, lang: Lang = "zh"): string {
  const { header, rows } = traceTable(result, lang);
  const lines = [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
    "",
    t(lang, "事件：", "Events:"),
    ...result.events.map((e) => `- ${dateText(e.date, lang)} ${eventNote(e, lang)}`),
  ];
  return lines.join("\n") + "\n";
}

/**
 * What the deadline is made of, as short phrases: the base days, an extension, the days paused,
 * the day counting started when it is not the receipt (a corrected request). The summary line
 * and the workbench's application page both word it so.
 */
export function deadlineParts(result: DeadlineResult, lang: Lang = "zh"): string[] {
  const parts: string[] = [];
  if (lang === "en") {
    parts.push(`${result.baseDays} working days`);
    if (result.extensionDays > 0) parts.push(`extended by ${result.extensionDays}`);
    if (result.pausedDays > 0) parts.push(`${result.pausedDays} paused`);
    if (result.start !== result.received) parts.push(`counted from ${dateText(result.start, "en")}`);
    return parts;
  }
  parts.push(`${result.baseDays}个工作日`);
  if (result.extensionDays > 0) parts.push(`延期${result.extensionDays}个工作日`);
  if (result.pausedDays > 0) parts.push(`暂停${result.pausedDays}个工作日不计`);
  if (result.start !== result.received) parts.push(`自${dateText(result.start)}起算`);
  return parts;
}

/** One-line summary, e.g. "截止日期：2023年2月20日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日）". */
export function formatDeadlineSummary(result: DeadlineResult, lang: Lang = "zh"): string {
  const parts = [regimeName(result.regime, lang), ...deadlineParts(result, lang)];
  return lang === "en"
    ? `Due date: ${dateText(result.due, "en")} (${parts.join(", ")})`
    : `截止日期：${dateText(result.due)}（${parts.join("，")}）`;
}
