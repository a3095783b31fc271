/**
 * The legal basis of each reply (regulations.md §3): which template states it and which
 * articles it cites, per regime, reply type and reason. Code decides the citation; templates
 * only word the letter around `basis.text`.
 *
 * ogi-2019 (国务院令第711号): Art. 36 (1)–(7), Art. 37 (partial), the reasons' own articles
 * (14, 15, 16, 30, 35, 38, 39) and Art. 42 with 国办函〔2020〕109号 for fees.
 * ogi-2008 (国务院令第492号): the four Art. 21 answers (and Art. 22 for severable parts);
 * reply types the 2008 text has no item for cite the State Council guidance that governed them
 * (国办发〔2010〕5号) or, where none is settled, the regulation in general.
 *
 * Interpretations (documented defaults, each overridable by `basis` in the letters config):
 * - 行政查询事项 (administrative-query) has no article of its own: Art. 36(3) only.
 * - 要求确认或重新出具已获取信息 (confirmation) is not a request for existing government
 *   information in the sense of Art. 2.
 * - A refusal to protect third-party rights cites Art. 32 as well when the third party was
 *   consulted.
 */
import {
  REASONS,
  REASON_LABELS,
  REPLY_TYPE_LABELS,
  type Reason,
  type RefusalReason,
  type Regime,
  type ReplyType,
} from "../data/codes.js";
import { OGI_2019_FROM } from "../law/index.js";

export const OGI_LAW = "《中华人民共和国政府信息公开条例》";
export const FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";
export const GUIDANCE_2010 = "《国务院办公厅关于做好政府信息依申请公开工作的意见》（国办发〔2010〕5号）";

/** One instrument and the articles cited from it (none: cited as a whole). */
export interface Citation {
  instrument: string;
  articles: string[];
}

export interface CitedBasis {
  citations: Citation[];
  /** The citation as a letter writes it, without the closing 的规定: 根据《…》第十四条、第三十六条第（三）项 */
  text: string;
}

export interface ReplyBasis extends CitedBasis {
  regime: Regime;
  type: ReplyType;
  reason: Reason | null;
  /** Template that words the reply, e.g. letters/reply-refused-state-secret. */
  template: string;
  /** Partial disclosure: the basis for the withheld part. */
  withheld: (CitedBasis & { reason: RefusalReason }) | null;
}

/** Overrides of the citation text, keyed `regime/type` or `regime/type/reason` (the longer key wins). */
export type BasisOverrides = Record<string, string>;

export interface BasisInput {
  regime: Regime;
  type: ReplyType;
  reason?: Reason | null;
  /** A third party was consulted (adds Art. 32 / ogi-2008 Art. 23 to a third-party refusal). */
  thirdPartyConsulted?: boolean;
  /**
   * The reply date: the ground of a refusal (Arts. 14–16, 2008: Arts. 8, 14) is cited from the
   * regulation in force that day, with its decree number when that is not the request's regime.
   */
  replyDate?: string;
  overrides?: BasisOverrides;
}

/** Why a basis cannot be given: the field the reply lacks. */
export class BasisError extends Error {
  constructor(
    readonly field: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "BasisError";
  }
}

const law = (...articles: string[]): Citation => ({ instrument: OGI_LAW, articles });

/** 根据《A》第x条、第y条和《B》 */
export function citationText(citations: readonly Citation[]): string {
  const parts = citations.map((c) => c.instrument + c.articles.join("、"));
  return "根据" + parts.join("和");
}

function cited(citations: Citation[]): CitedBasis {
  return { citations, text: citationText(citations) };
}

/** Merge citations of the same instrument, keeping first-seen order of instruments and articles. */
function merge(...lists: Citation[][]): Citation[] {
  const out: Citation[] = [];
  for (const c of lists.flat()) {
    const same = out.find((o) => o.instrument === c.instrument);
    if (!same) out.push({ instrument: c.instrument, articles: [...c.articles] });
    else for (const a of c.articles) if (!same.articles.includes(a)) same.articles.push(a);
  }
  return out;
}

/** ogi-2019: the article(s) of each refusal reason (before Art. 36(3)). */
const REFUSAL_2019: Record<RefusalReason, Citation[]> = {
  "state-secret": [law("第十四条")],
  "prohibited-by-law": [law("第十四条")],
  "three-securities-one-stability": [law("第十四条")],
  "third-party-rights": [law("第十五条")],
  "internal-affairs": [law("第十六条第一款")],
  "process-information": [law("第十六条第二款")],
  "enforcement-file": [law("第十六条第二款")],
  "administrative-query": [],
};

/** ogi-2008 (国务院令第492号): the provision each refusal reason rests on (before Art. 21(2)). */
const REFUSAL_2008: Record<RefusalReason, Citation[]> = {
  "state-secret": [law("第十四条第四款")],
  // The 2008 regulations name no such ground: Art. 14 ¶2 is the duty to review before disclosure,
  // not a rule that withholds. The law that forbids disclosure is the basis, and the letter names
  // it with its article (reply.ground → refusal.law) before Art. 21(2).
  "prohibited-by-law": [],
  "three-securities-one-stability": [law("第八条")],
  "third-party-rights": [law("第十四条第四款")],
  "internal-affairs": [{ instrument: GUIDANCE_2010, articles: [] }],
  "process-information": [{ instrument: GUIDANCE_2010, articles: [] }],
  "enforcement-file": [],
  "administrative-query": [],
};

/** ogi-2019: reasons of the non-refusal types. */
const OTHER_2019: Record<Exclude<Reason, RefusalReason>, Citation[]> = {
  "not-held": [law("第三十六条第（四）项")],
  "needs-creation": [law("第三十八条")],
  "unclear-after-correction": [law("第三十条")],
  "petition-complaint": [law("第三十九条第一款")],
  duplicate: [law("第三十六条第（六）项")],
  publication: [law("第三十九条第二款")],
  excessive: [law("第三十五条")],
  confirmation: [law("第二条")],
  "no-correction": [law("第三十条")],
  "fee-unpaid": [law("第四十二条"), { instrument: FEE_MEASURES, articles: [] }],
  other: [law()],
};

/** ogi-2008: reasons of the non-refusal types. */
const OTHER_2008: Record<Exclude<Reason, RefusalReason>, Citation[]> = {
  "not-held": [law("第二十一条第（三）项")],
  "needs-creation": [law("第二十一条第（三）项"), { instrument: GUIDANCE_2010, articles: [] }],
  "unclear-after-correction": [law("第二十一条第（四）项")],
  "petition-complaint": [{ instrument: GUIDANCE_2010, articles: [] }],
  duplicate: [{ instrument: GUIDANCE_2010, articles: [] }],
  publication: [law()],
  excessive: [law()],
  confirmation: [law()],
  "no-correction": [law("第二十一条第（四）项")],
  "fee-unpaid": [law("第二十七条")],
  other: [law()],
};

function isRefusalReason(r: Reason): r is RefusalReason {
  return (REASONS.refused as readonly string[]).includes(r);
}

function requireReason(input: BasisInput, allowed: readonly string[]): Reason {
  const r = input.reason ?? null;
  const type = `“${REPLY_TYPE_LABELS[input.type]}”（${input.type}）`;
  if (r === null)
    throw new BasisError(
      "reply.reason",
      input.type === "partial"
        ? `答复类型为${type}，须说明不予公开部分的理由，缺少 reply.reason`
        : `答复类型为${type}，缺少理由 reply.reason`,
      input.type === "partial"
        ? `a ${input.type} reply must give the reason for the withheld part: reply.reason is missing`
        : `a ${input.type} reply needs reply.reason`,
    );
  if (!allowed.includes(r))
    throw new BasisError(
      "reply.reason",
      `答复类型为${type}时理由不能是 ${r}（可选：${allowed.join("、")}）`,
      `a ${input.type} reply cannot have reason ${r} (choose from ${allowed.join(", ")})`,
    );
  return r;
}

/** The regulation in force on a day (the ground of a refusal is judged on the reply date). */
export function regimeInForce(date: string): Regime {
  return date < OGI_2019_FROM ? "ogi-2008" : "ogi-2019";
}

const DECREE: Record<Regime, string> = {
  "ogi-2008": "（国务院令第492号）",
  "ogi-2019": "（国务院令第711号）",
};

function refusalCitations(
  regime: Regime,
  reason: RefusalReason,
  consulted: boolean,
  groundRegime: Regime = regime,
): Citation[] {
  const table = groundRegime === "ogi-2019" ? REFUSAL_2019 : REFUSAL_2008;
  // The ground from the regulation in force on the reply date, named by its decree number when
  // the request itself is handled under the other one.
  const ground = table[reason].map((c) =>
    c.instrument === OGI_LAW && groundRegime !== regime
      ? { instrument: OGI_LAW + DECREE[groundRegime], articles: [...c.articles] }
      : c,
  );
  // …and then the request's own regulation by its decree number too, so neither reads as the other.
  const own = (...articles: string[]): Citation =>
    groundRegime !== regime ? { instrument: OGI_LAW + DECREE[regime], articles } : law(...articles);
  if (regime === "ogi-2019") {
    const extra = reason === "third-party-rights" && consulted ? [own("第三十二条")] : [];
    return merge(ground, extra, [own("第三十六条第（三）项")]);
  }
  const extra = reason === "third-party-rights" && consulted ? [own("第二十三条")] : [];
  return merge(ground, extra, [own("第二十一条第（二）项")]);
}

/** Template name of the reply for a regime, type and reason. */
export function replyTemplate(regime: Regime, type: ReplyType, reason: Reason | null): string {
  if (regime === "ogi-2008") {
    switch (type) {
      case "already-public":
      case "disclosed":
      case "partial":
        return "letters/reply-2008-public";
      case "refused":
        return "letters/reply-2008-refused";
      case "not-this-agency":
        return "letters/reply-2008-not-held";
      case "unavailable":
        if (reason === "unclear-after-correction") return "letters/reply-2008-unclear";
        return "letters/reply-2008-not-held";
      case "other":
        if (reason === "no-correction") return "letters/reply-2008-unclear";
        break;
      default:
        break;
    }
  }
  if (
    reason !== null &&
    (type === "refused" || type === "unavailable" || type === "not-processed" || type === "other")
  )
    return `letters/reply-${type}-${reason}`;
  return `letters/reply-${type}`;
}

/** The legal basis of a reply. Throws BasisError naming the field when the reply lacks a reason it needs. */
export function replyBasis(input: BasisInput): ReplyBasis {
  const { regime, type } = input;
  const consulted = input.thirdPartyConsulted === true;
  const groundRegime = input.replyDate !== undefined ? regimeInForce(input.replyDate) : regime;
  let citations: Citation[];
  let reason: Reason | null = null;
  let withheld: ReplyBasis["withheld"] = null;
  const is2019 = regime === "ogi-2019";
  switch (type) {
    case "already-public":
      citations = [law(is2019 ? "第三十六条第（一）项" : "第二十一条第（一）项")];
      break;
    case "disclosed":
      citations = [law(is2019 ? "第三十六条第（二）项" : "第二十一条第（一）项")];
      break;
    case "partial": {
      const r = requireReason(input, REASONS.refused) as RefusalReason;
      reason = r;
      citations = [
        law(...(is2019 ? ["第三十六条第（二）项", "第三十七条"] : ["第二十一条第（一）项", "第二十二条"])),
      ];
      const w = refusalCitations(regime, r, consulted, groundRegime);
      withheld = { ...cited(w), reason: r };
      break;
    }
    case "refused": {
      const r = requireReason(input, REASONS.refused) as RefusalReason;
      reason = r;
      citations = refusalCitations(regime, r, consulted, groundRegime);
      break;
    }
    case "unavailable":
    case "not-processed":
    case "other": {
      const r = requireReason(input, REASONS[type]);
      reason = r;
      if (isRefusalReason(r)) throw new Error("unreachable");
      citations = (is2019 ? OTHER_2019 : OTHER_2008)[r].map((c) => ({ ...c, articles: [...c.articles] }));
      break;
    }
    case "not-this-agency":
      citations = [law(is2019 ? "第三十六条第（五）项" : "第二十一条第（三）项")];
      break;
    case "special-law":
      citations = [law(...(is2019 ? ["第三十六条第（七）项"] : []))];
      break;
    default:
      throw new BasisError(
        "reply.type",
        `未知的答复类型：${String(type)}`,
        `unknown reply type: ${String(type)}`,
      );
  }
  const basis: ReplyBasis = {
    regime,
    type,
    reason,
    template: replyTemplate(regime, type, reason),
    ...cited(citations),
    withheld,
  };
  const o = input.overrides;
  if (o) {
    const key = `${regime}/${type}`;
    const text = (reason !== null ? o[`${key}/${reason}`] : undefined) ?? o[key];
    if (text !== undefined) basis.text = text;
    if (withheld) {
      const wText = o[`${regime}/refused/${withheld.reason}`] ?? o[`${regime}/refused`];
      if (wText !== undefined) withheld.text = wText;
    }
  }
  return basis;
}

/** Every override key the letters config accepts (for validation and documentation). */
export function basisOverrideKeys(): string[] {
  const keys: string[] = [];
  for (const regime of ["ogi-2008", "ogi-2019"] as const) {
    for (const type of [
      "already-public",
      "disclosed",
      "partial",
      "refused",
      "unavailable",
      "not-processed",
      "other",
      "not-this-agency",
      "special-law",
    ] as const) {
      keys.push(`${regime}/${type}`);
      const reasons: readonly string[] =
        type === "partial" ? REASONS.refused : type in REASONS ? REASONS[type as keyof typeof REASONS] : [];
      for (const r of reasons) keys.push(`${regime}/${type}/${r}`);
    }
  }
  return keys;
}

/** The annual-report label of a reason (属于国家秘密 …). */
export function reasonLabel(reason: Reason): string {
  return REASON_LABELS[reason];
}

/** Letters other than the reply whose legal basis depends on the regime. */
export type ProcedureLetter =
  | "receipt"
  | "correction"
  | "extension"
  | "consultation-third-party"
  | "consultation-agency"
  | "consultation-notice"
  | "fee";

const PROCEDURE: Record<ProcedureLetter, Record<Regime, Citation[]>> = {
  receipt: { "ogi-2019": [law("第三十三条")], "ogi-2008": [law("第二十四条")] },
  correction: { "ogi-2019": [law("第三十条")], "ogi-2008": [law("第二十一条第（四）项")] },
  // Art. 33 ¶2 (2008: Art. 24 ¶2) sets the limit and its extension; ¶3 keeps consultation time out of it.
  extension: { "ogi-2019": [law("第三十三条第二款")], "ogi-2008": [law("第二十四条第二款")] },
  "consultation-third-party": { "ogi-2019": [law("第三十二条")], "ogi-2008": [law("第二十三条")] },
  "consultation-agency": { "ogi-2019": [law("第三十四条")], "ogi-2008": [law("第七条第一款")] },
  "consultation-notice": { "ogi-2019": [law("第三十三条第三款")], "ogi-2008": [law("第二十四条第三款")] },
  fee: {
    "ogi-2019": [law("第四十二条"), { instrument: FEE_MEASURES, articles: [] }],
    "ogi-2008": [law("第二十七条")],
  },
};

/** The legal basis a procedural letter cites (receipt: the reply deadline; fee: the fee rules …). */
export function procedureBasis(letter: ProcedureLetter, regime: Regime): CitedBasis {
  return cited(PROCEDURE[letter][regime].map((c) => ({ ...c, articles: [...c.articles] })));
}

/**
 * A withdrawal ends the handling (终止办理) on the applicant's own written act; the reply tells
 * the applicant how to ask again: under ogi-2019 by Art. 29 (how a request is made and what it
 * contains). null under ogi-2008: its text is not in data/law, so the letter cites nothing.
 */
export function reapplyBasis(regime: Regime): CitedBasis | null {
  return regime === "ogi-2019" ? cited([law("第二十九条")]) : null;
}

/**
 * Providing the information in another form than the application asked for: ogi-2019 Art. 40
 * (可能危及政府信息载体安全或者公开成本过高的，可以通过电子数据以及其他适当形式提供，或者安排申请人
 * 查阅、抄录); ogi-2008 Art. 26 (无法按照申请人要求的形式提供的 …).
 */
export function deliveryBasis(regime: Regime): CitedBasis {
  return cited([law(regime === "ogi-2019" ? "第四十条" : "第二十六条")]);
}

/**
 * ogi-2008 Art. 28 ¶1: a citizen in financial hardship may ask for the cost fee to be reduced or
 * waived (经本人申请、政府信息公开工作机构负责人审核同意). The 2019 text has no such rule.
 */
export function waiverBasis(): CitedBasis {
  return cited([law("第二十八条第一款")]);
}
