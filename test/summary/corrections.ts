/**
 * Where the summary rendered from samples/2014-commerce-bureau.json differs from the reference
 * document (test/fixtures/reference/summary-2014-commerce-bureau.txt, a copy of shared/reference/), and why. Texts are compared
 * paragraph by paragraph after normalising (NFKC, so full- and half-width punctuation are equal;
 * no white space inside a paragraph; paragraphs separated by one "\n").
 *
 * kind:
 * - "slip": an obvious slip of the reference, corrected (the issue allows it);
 * - "claim": the reference claims what the data does not prove; the facts decide the sentence;
 * - "data": the data model cannot express the reference's wording, so the template states what
 *   the data says; the note says what the model would need. None remain: the 2014 sample holds
 *   every passage (outlets with their verb, item kind, construction and sub-count kind, rankings
 *   with their wording, the reform's subject/explanation, innovations by platform), and
 *   test/summary/summary-corrections.test.ts keeps it so;
 * - "form": the document's form (web-page residue removed, signature and date added).
 */
export interface Correction {
  kind: "slip" | "claim" | "data" | "form";
  /** The passage as the reference has it. */
  reference: string;
  /** The passage as the summary has it. */
  rendered: string;
  reason: string;
}

export const SUMMARY_CORRECTIONS: readonly Correction[] = [
  {
    kind: "form",
    reference: "23.01.2015  17:43",
    rendered: "",
    reason: "Web-page residue (publication time stamp) above the body; the date goes into the signature.",
  },
  {
    kind: "slip",
    reference: "场所和人员“三集中",
    rendered: "场所和人员“三集中”",
    reason: "Heading (一) lacks the closing quotation mark.",
  },
  {
    kind: "slip",
    reference: "企业变更事项19项；对外贸易经营者备案登记事项240项，就机动车鉴定评估机构设立事项2项",
    rendered: "企业变更事项19项、对外贸易经营者备案登记事项240项、机动车鉴定评估机构设立事项2项",
    reason:
      "One enumeration of the four categories, uniformly with 、; the stray 就 (a typo, probably for 旧) is dropped — the category is 机动车鉴定评估机构设立.",
  },
  {
    kind: "slip",
    reference: "要求工作人员，坚决杜绝",
    rendered: "要求工作人员坚决杜绝",
    reason: "Comma between verb and object; corrected in the sample's narrative.approvalServiceEthos.",
  },
  {
    kind: "slip",
    reference: "“零障碍”签审。受到了服务对象和政务中心的好评，同时获得",
    rendered: "“零障碍”签审，受到了服务对象和政务中心的好评。同时获得",
    reason:
      "A sentence without a subject (受到了…); the sample's narrative.approvalIntegrity joins it to the previous one, and the award (data, approval.awards) is its own sentence.",
  },
  {
    kind: "slip",
    reference: "对申报材料齐全，符合受理条件的",
    rendered: "对申报材料齐全、符合受理条件的",
    reason: "Two conditions of one clause joined with 、 (sample's narrative.approvalForwardService).",
  },
  {
    kind: "slip",
    reference: "二是“贴心服务”为进一步转变政府职能",
    rendered: "二是“贴心服务”。为进一步转变政府职能",
    reason: "Missing full stop after the label, as after 一是“靠前服务”。 and 三是“限时服务”。",
  },
  {
    kind: "claim",
    reference: "所有审批事项办结时限不超过7天；二是",
    rendered: "除旧机动车鉴定评估机构设立审批事项外，其余审批事项办结时限均不超过7个工作日；二是",
    reason:
      "Unsupported claim: the same paragraph gives 旧机动车鉴定评估机构设立 a promised limit of 13 working days (facts.claims.maxLimit, basis promised; samples/README.md). The ceiling is in working days, so 天 becomes 个工作日.",
  },
  {
    kind: "slip",
    reference: "办理时间缩短了60%。三是",
    rendered: "办理时间缩短了60%；三是",
    reason: "The series 一是…；二是…；三是… is separated by semicolons throughout.",
  },
  {
    kind: "slip",
    reference: "及时的给予了解答",
    rendered: "及时地给予了解答",
    reason: "Adverbial 地, not 的.",
  },
  {
    kind: "slip",
    reference: "共发文237余份",
    rendered: "共发文237份",
    reason: "余 with an exact count; the sample stores documentsIssued = 237 (samples/README.md).",
  },
  {
    kind: "form",
    reference: "做好我局2015年集中审批服务和信息公开工作。",
    rendered: "做好我局2015年集中审批服务和信息公开工作。\n呼和浩特市商务局\n2015年1月23日",
    reason: "Signature and date (GB/T 9704 署名 and 成文日期) added at the end.",
  },
];

/**
 * NFKC (full- and half-width punctuation equal), no white space inside a paragraph, and one
 * "\n" between paragraphs (a paragraph is a line of the reference; blank lines are dropped).
 */
export function normaliseText(s: string): string {
  return s
    .normalize("NFKC")
    .split(/\r?\n/u)
    .map((line) => line.replace(/\s+/gu, ""))
    .filter((line) => line !== "")
    .join("\n");
}

/** The reference with every correction applied (each reference passage must occur exactly once). */
export function correctedReference(
  reference: string,
  corrections: readonly Correction[] = SUMMARY_CORRECTIONS,
): string {
  let text = normaliseText(reference);
  for (const c of corrections) {
    const from = normaliseText(c.reference);
    const first = text.indexOf(from);
    if (first < 0) throw new Error(`correction not found in the reference: ${c.reference}`);
    if (text.indexOf(from, first + 1) >= 0)
      throw new Error(`correction found twice in the reference: ${c.reference}`);
    text = text.slice(0, first) + normaliseText(c.rendered) + text.slice(first + from.length);
  }
  // A passage removed whole leaves an empty paragraph: drop it.
  return normaliseText(text);
}
