/**
 * What a record must hold for the letter it leads to (record completeness): a correction notice
 * states what to correct; a reply of some types says, in reply.note, where or how (an other/other
 * reply that is a withdrawal, reply.withdrawn, needs none: its letter is the decision to end). The one copy
 * of these rules: validation reports them (code "incomplete"), and a letter refused for one gives
 * the same sentence.
 */
import type { Msg } from "./messages.js";

/** A record gap: the letter kind that needs the field, the field (dotted), and why. */
export interface RecordGap {
  letter: "correction" | "reply";
  field: "correction.items" | "reply.note";
  message: Msg;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A note as the letters insert it: trimmed, without a closing full stop; null when empty. */
export function noteText(s: unknown): string | null {
  if (typeof s !== "string") return null;
  const v = s.trim().replace(/[。．.；;，,]+$/u, "");
  return v === "" ? null : v;
}

/** The gaps of one application record (`agencyHasWebsite`: agency.website is given). */
export function recordGaps(app: unknown, agencyHasWebsite: boolean): RecordGap[] {
  if (!isObj(app)) return [];
  const gaps: RecordGap[] = [];
  const c = app.correction;
  if (isObj(c) && (!Array.isArray(c.items) || c.items.length === 0))
    gaps.push({
      letter: "correction",
      field: "correction.items",
      message: {
        zh: "补正告知书须说明需要补正的事项，缺少 correction.items",
        en: "a correction notice must state what to correct: correction.items is missing",
      },
    });
  const r = app.reply;
  if (isObj(r) && noteText(r.note) === null) {
    const need = (zh: string, en: string) =>
      gaps.push({ letter: "reply", field: "reply.note", message: { zh, en } });
    if (r.type === "already-public" && !agencyHasWebsite)
      need(
        "已主动公开的答复须告知获取途径：请在 reply.note 中写明公开的位置（或在 agency.website 中填写门户网站）",
        "an already-public reply must say where: give reply.note (or agency.website)",
      );
    if (r.type === "special-law")
      need(
        "须在 reply.note 中写明依照哪部法律、行政法规以及如何办理",
        "reply.note must say which law governs access and how to proceed",
      );
    // A withdrawal (reply.withdrawn) is the decision to end the handling: its letter says so.
    if (r.type === "other" && r.reason === "other" && r.withdrawn === undefined)
      need(
        "其他处理须在 reply.note 中写明处理情况（申请人撤回申请的，填写撤回日期 reply.withdrawn）",
        "an other/other reply needs reply.note saying what was done (for a withdrawal, give reply.withdrawn)",
      );
  }
  return gaps;
}
