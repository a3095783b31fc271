/**
 * Messages of bad input met while computing (a date that does not exist, a year without holiday
 * data, a pause that ends before it starts, …) as a message id and its data, like eslint's
 * messageId + data. The computations throw a CodedUserError (its message in one language for the
 * caller that throws it up); the facts keep only the id and the data, and the edges word them
 * with `inputMessage` in the language they print — one derivation for both languages.
 */
import { regimeName, type Regime } from "./codes.js";
import { dateText } from "./date-text.js";
import { WordedUserError } from "../util/errors.js";
import { maskPersonalPatterns } from "../util/personal-patterns.js";
import { t, type Lang } from "../util/i18n.js";

/** What a fee quantity counts (the subject of its range message). */
export type QuantitySubject = "requests" | "pages" | "rank";

/** Which event of a request fixes its receipt date (law/receipt.ts ReceiptBasis). */
type Basis = "submitted" | "signedFor" | "confirmed";

export type InputMessage =
  /** `what` names the field (e.g. "reply.date", "--received"); `value` as given. */
  | { messageId: "invalid-date"; data: { what: string; value: string } }
  /** `afterData`: the year comes after every year of data (its notice may not be out yet). */
  | { messageId: "unknown-year"; data: { year: number; afterData: boolean } }
  | { messageId: "unknown-regime"; data: { regime: string } }
  | { messageId: "extension-not-whole"; data: { days: string } }
  | { messageId: "extension-over-limit"; data: { days: number; regime: Regime; maxDays: number } }
  /** `what`: "pauses[i]". */
  | { messageId: "pause-end-before-start"; data: { what: string; from: string; to: string } }
  | { messageId: "pause-before-receipt"; data: { what: string; from: string; received: string } }
  /** A date of the request (`what`, e.g. "extensionApproved") before its receipt. */
  | { messageId: "date-before-receipt"; data: { what: string; date: string; received: string } }
  | { messageId: "correction-before-notice"; data: { correctionReceived: string; notified: string } }
  /** `who`: "ID: " naming the record, or "". */
  | { messageId: "unknown-channel"; data: { who: string; channel: string } }
  | { messageId: "receipt-date-missing"; data: { who: string; channel: string; basis: Basis } }
  | { messageId: "quantity-out-of-range"; data: { subject: QuantitySubject; max: number; value: string } }
  /** An approval case's time limit (承诺时限) that is not a whole number of days, as given. */
  | { messageId: "approval-limit-not-whole"; data: { days: string } }
  | { messageId: "completed-before-accepted"; data: { completed: string; accepted: string } }
  /** An error without a message id (not bad input the computations know): its message as it came. */
  | { messageId: "error"; data: { message: string } };

export type InputMessageId = InputMessage["messageId"];

const BASIS_LABELS: Record<Basis, [string, string]> = {
  submitted: ["提交日期", "submission date"],
  signedFor: ["签收日期", "signed-for date"],
  confirmed: ["确认日期", "confirmation date"],
};

const QUANTITY_SUBJECTS: Record<QuantitySubject, [string, string]> = {
  requests: ["申请件数", "The number of requests"],
  pages: ["页数", "The number of pages"],
  rank: ["申请序号", "The request's rank"],
};

function words(m: InputMessage, lang: Lang): string {
  switch (m.messageId) {
    case "error":
      return m.data.message;
    case "invalid-date": {
      const { what, value } = m.data;
      return t(
        lang,
        `日期无效（${what}）：${value}，应为 YYYY-MM-DD 格式的真实日期`,
        `Invalid date (${what}): ${value}; expected a real date as YYYY-MM-DD`,
      );
    }
    case "unknown-year": {
      const { year, afterData } = m.data;
      return afterData
        ? t(
            lang,
            `${year}年的节假日数据缺失：日历中还没有国务院办公厅关于${year}年部分节假日安排的通知，` +
              `跨入${year}年的工作日无法计算。通知发布后，请把${year}年的全部节假日和调休上班日写入日历覆盖文件，` +
              `用 --calendar-override 文件名 指定，例如 {"years": [${year}], "days": [{"date": "${year}-01-01", ` +
              `"name": "元旦", "isOffDay": true}, …]}（格式见 schemas/README-calendar.md）`,
            `No holiday data for ${year}: the State Council's notice on the ${year} holidays is not in the ` +
              `calendar yet, so working days in ${year} cannot be counted. Once it is published, list all of ` +
              `${year}'s holidays and make-up workdays in a calendar override file and pass it with ` +
              `--calendar-override FILE, e.g. {"years": [${year}], "days": [{"date": "${year}-01-01", ` +
              `"name": "元旦", "isOffDay": true}, …]} (format: schemas/README-calendar.md)`,
          )
        : t(
            lang,
            `${year}年的节假日数据缺失，无法计算工作日（可用 --calendar-override 提供）`,
            `No holiday data for ${year}: cannot compute working days (supply it with --calendar-override)`,
          );
    }
    case "unknown-regime":
      return t(lang, `未知的条例版本：${m.data.regime}`, `Unknown regime: ${m.data.regime}`);
    case "extension-not-whole":
      return t(
        lang,
        `延期天数应为非负整数：${m.data.days}`,
        `Extension must be a non-negative whole number of working days: ${m.data.days}`,
      );
    case "extension-over-limit": {
      const { days, regime, maxDays } = m.data;
      return t(
        lang,
        `延期${days}个工作日超过上限：${regimeName(regime, "zh")}规定最长延期${maxDays}个工作日`,
        `An extension of ${days} working days exceeds the limit: ${regimeName(regime, "en")} allow at most ${maxDays}`,
      );
    }
    case "pause-end-before-start": {
      const { what, from, to } = m.data;
      return t(
        lang,
        `${what}：结束日期 ${dateText(to)} 早于开始日期 ${dateText(from)}`,
        `${what}: end ${dateText(to, "en")} is before start ${dateText(from, "en")}`,
      );
    }
    case "pause-before-receipt": {
      const { what, from, received } = m.data;
      return t(
        lang,
        `${what}：开始日期 ${dateText(from)} 早于收到申请的日期（${dateText(received)}）`,
        `${what}: start ${dateText(from, "en")} is before the receipt date (${dateText(received, "en")})`,
      );
    }
    case "date-before-receipt": {
      const { what, date, received } = m.data;
      return t(
        lang,
        `${what}（${dateText(date)}）早于收到申请的日期（${dateText(received)}）`,
        `${what} (${dateText(date, "en")}) is before the receipt date (${dateText(received, "en")})`,
      );
    }
    case "correction-before-notice": {
      const { correctionReceived, notified } = m.data;
      return t(
        lang,
        `correctionReceived（${dateText(correctionReceived)}）早于补正告知日期（${dateText(notified)}）`,
        `correctionReceived (${dateText(correctionReceived, "en")}) is before the correction notice (${dateText(notified, "en")})`,
      );
    }
    case "unknown-channel": {
      const { who, channel } = m.data;
      return t(lang, `${who}未知的申请渠道：${channel}`, `${who}unknown channel: ${channel}`);
    }
    case "receipt-date-missing": {
      const { who, channel, basis } = m.data;
      const [zh, en] = BASIS_LABELS[basis];
      return t(
        lang,
        `${who}渠道为“${channel}”的申请以${zh}为收到申请之日，但缺少 ${basis}`,
        `${who}a request by ${channel} is received on its ${en}, but ${basis} is missing`,
      );
    }
    case "approval-limit-not-whole":
      return t(
        lang,
        `承诺时限应为非负整数：${m.data.days}`,
        `The time limit must be a non-negative whole number: ${m.data.days}`,
      );
    case "completed-before-accepted": {
      const { completed, accepted } = m.data;
      return t(
        lang,
        `办结日期 ${completed} 早于受理日期 ${accepted}`,
        `completed ${completed} is before accepted ${accepted}`,
      );
    }
    case "quantity-out-of-range": {
      const { subject, max, value } = m.data;
      const [zh, en] = QUANTITY_SUBJECTS[subject];
      return t(
        lang,
        `${zh}应为 0 至 ${max} 之间的整数：${value}`,
        `${en} must be a whole number from 0 to ${max}: ${value}`,
      );
    }
  }
}

/**
 * The message in a language, as people read it (anything shaped like personal data masked, as
 * every UserError's message is).
 */
export function inputMessage(m: InputMessage, lang: Lang = "zh"): string {
  return maskPersonalPatterns(words(m, lang));
}

/** A UserError that carries its message id and data (its message is in the thrower's language). */
export class CodedUserError extends WordedUserError {
  readonly coded: InputMessage;
  constructor(coded: InputMessage, lang: Lang = "zh") {
    super((l) => ({ message: words(coded, l) }), lang);
    this.name = "CodedUserError";
    this.coded = coded;
  }
}

/** The message id and data of an error (an error without them: "error" with its message). */
export function codedOf(e: unknown): InputMessage {
  if (e instanceof CodedUserError) return e.coded;
  return { messageId: "error", data: { message: e instanceof Error ? e.message : String(e) } };
}

/**
 * Problems as one line: each message once, in order, joined by "；" (the workbench's worklist and
 * `gongwen audit --as-of`); null when there is none.
 */
export function problemsText(problems: readonly InputMessage[], lang: Lang = "zh"): string | null {
  return problems.length > 0 ? [...new Set(problems.map((p) => inputMessage(p, lang)))].join("；") : null;
}

/** A one-line description of an application's problem, naming the application by id only. */
export function formatApplicationProblem(
  id: string,
  p: InputMessage & { field: string },
  lang: Lang = "zh",
): string {
  const m = inputMessage(p, lang);
  return t(lang, `${id}：${p.field}：${m}`, `${id}: ${p.field}: ${m}`);
}
