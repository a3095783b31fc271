/**
 * The specific ground of a refusal (reply.ground): a refusal, and the withheld part of a partial
 * disclosure, must say why (说明理由, ogi-2019 Art. 36(3), Art. 37; ogi-2008 Art. 21(2)) — not the
 * whole list of Art. 14 at once. The one copy of the rule: validation reports a problem at
 * reply.ground (code "required" or "not-allowed"), and a reply letter refused for one gives the
 * same sentence.
 *
 * Which regulation's grounds apply is the one in force on the reply date (the decision is taken
 * then): a reply dated before 2019-05-15 is judged on the 2008 text, whose Art. 14 ¶4 names only
 * 商业秘密 and 个人隐私 among the rights of third parties, and where internal and process
 * information rest on 国办发〔2010〕5号 (内部管理信息, 过程性信息), whose sorts are not required.
 */
import {
  GROUND_LABELS,
  GROUND_LAW_REASON,
  GROUNDS_2019_ONLY,
  groundsOf,
  REASON_LABELS,
  type Ground,
  type Reason,
} from "./codes.js";
import type { Msg } from "./messages.js";

/** First day of the 2019 regulation (国务院令第711号); the law layer's OGI_2019_FROM. */
const OGI_2019_FROM = "2019-05-15";

/** Reasons whose ground is optional in a reply dated before 2019-05-15. */
const GROUNDS_OPTIONAL_2008: readonly string[] = ["internal-affairs", "process-information"];

/** A refusal's ground problem: the issue code and the sentence. */
export interface GroundProblem {
  code: "required" | "not-allowed";
  message: Msg;
}

/** 《…》第…条: a law and its article, as a prohibited-by-law ground names them. */
const LAW_ARTICLE = /^《[^》]+》(?:（[^）]*）)?第[一二三四五六七八九十百零两]+条/;

const quoted = (list: readonly Ground[]): string => list.map((g) => `“${GROUND_LABELS[g]}”`).join("");

/** The ground a reply gives, read as a code (codes and labels are normalised on load). */
export function isGround(v: unknown): v is Ground {
  return typeof v === "string" && Object.prototype.hasOwnProperty.call(GROUND_LABELS, v);
}

/**
 * The problem with a reply's ground, or null. `reply` is the record's reply (any shape); only
 * refused and partial replies with a refusal reason are judged.
 */
export function groundProblem(reply: unknown): GroundProblem | null {
  if (typeof reply !== "object" || reply === null) return null;
  const r = reply as Record<string, unknown>;
  if (r.type !== "refused" && r.type !== "partial") {
    if (r.ground !== undefined)
      return {
        code: "not-allowed",
        message: {
          zh: "reply.ground 只用于不予公开和部分公开的答复",
          en: "reply.ground is only for refused and partial replies",
        },
      };
    return null;
  }
  const reason = typeof r.reason === "string" ? (r.reason as Reason) : undefined;
  if (reason === undefined) return null; // the missing reason is reported on its own
  const label = REASON_LABELS[reason] ?? reason;
  const ground = r.ground;
  const grounds = groundsOf(reason);
  const date = typeof r.date === "string" ? r.date : undefined;
  if (reason === GROUND_LAW_REASON) {
    if (typeof ground === "string" && LAW_ARTICLE.test(ground.trim()) && !ground.includes("政府信息公开条例"))
      return null;
    return {
      code: ground === undefined ? "required" : "not-allowed",
      message: {
        zh: `理由为${label}时，须在 reply.ground 中写明禁止公开的法律或行政法规及其条款，例如“《中华人民共和国保守国家秘密法》第×条”`,
        en: `a refusal for ${reason} must name the law or administrative regulation and its article in reply.ground, e.g. "《中华人民共和国保守国家秘密法》第×条"`,
      },
    };
  }
  if (grounds.length === 0) {
    if (ground === undefined) return null;
    return {
      code: "not-allowed",
      message: {
        zh: `理由“${label}”只有一种情形，不填写 reply.ground`,
        en: `the reason ${reason} has a single ground: leave reply.ground out`,
      },
    };
  }
  const before2019 = date !== undefined && date < OGI_2019_FROM;
  // Under the 2008 regulation internal and process information rest on 国办发〔2010〕5号, which
  // names the two kinds (内部管理信息, 过程性信息) without their sorts: the reason is the ground.
  if (ground === undefined && before2019 && GROUNDS_OPTIONAL_2008.includes(reason)) return null;
  const allowed = before2019 ? grounds.filter((g) => !GROUNDS_2019_ONLY.includes(g)) : grounds;
  if (isGround(ground) && allowed.includes(ground)) return null;
  const regimeNote =
    isGround(ground) && grounds.includes(ground)
      ? {
          zh: "（2019年5月15日前答复的，适用2008年条例，不含该情形）",
          en: " (a reply dated before 2019-05-15 is judged on the 2008 regulation, which has no such ground)",
        }
      : { zh: "", en: "" };
  return {
    code: ground === undefined ? "required" : "not-allowed",
    message: {
      zh: `理由为${label}时，须在 reply.ground 中写明具体情形：${quoted(allowed)}之一${regimeNote.zh}`,
      en: `a refusal for ${reason} must state its specific ground in reply.ground: one of ${allowed.join(", ")}${regimeNote.en}`,
    },
  };
}
