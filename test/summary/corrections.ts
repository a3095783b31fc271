/**
 * Where the summary rendered from samples/2014-commerce-bureau.json differs from the reference
 * document (shared/reference/summary-2014-commerce-bureau.txt), and why. Texts are compared
 * paragraph by paragraph after normalising (NFKC, so full- and half-width punctuation are equal;
 * no white space inside a paragraph; paragraphs separated by one "\n").
 *
 * kind:
 * - "slip": an obvious slip of the reference, corrected (the issue allows it);
 * - "claim": the reference claims what the data does not prove; the facts decide the sentence;
 * - "data": the dataset (owned by the data model) words or holds it differently — the template
 *   states what the data says; the note says what the data would need to match the reference;
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
    kind: "data",
    reference: "并说明理由，努力为办理业务的企业和个人提供更好、更快的服务。",
    rendered: "并说明理由。",
    reason:
      "The sample's narrative.approvalForwardService ends at 并说明理由; the clause 努力为…更快的服务 would have to be added to it.",
  },
  {
    kind: "slip",
    reference: "二是“贴心服务”为进一步转变政府职能",
    rendered: "二是“贴心服务”。为进一步转变政府职能",
    reason: "Missing full stop after the label, as after 一是“靠前服务”。 and 三是“限时服务”。",
  },
  {
    kind: "data",
    reference:
      "外商投资企业联合年检今年变更为“联合年报”，即将年度检查制变更为年度报告制，并相应取消了纸质资料报送、盖章确认等环节，简化了年审程序、缩短了审核时限，避免了企业年审人员往返“跑路”的过程。",
    rendered:
      "外商投资企业联合年检变更为联合年报，相应取消了纸质资料报送、盖章确认等环节，将年度检查制变更为年度报告制，简化了年审程序、缩短了审核时限，避免了企业年审人员往返“跑路”。",
    reason:
      "Composed from the reform record (title, removedSteps, description). To match, the record would need from = 外商投资企业联合年检 and a description holding only 将年度检查制变更为年度报告制, with the effect as narrative.",
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
    kind: "data",
    reference: "排名第七名；呼市政府办公厅门户网站",
    rendered: "排名第七名。呼市政府办公厅门户网站",
    reason: "Each outlet is its own sentence; the data model has no field for joining outlets.",
  },
  {
    kind: "data",
    reference:
      "自治区网站采用报送信息26条。在市人民政府办公厅门户网站第四季度全市各委办局信息通报排名中居第一名；",
    rendered:
      "自治区网站采用26条。在市人民政府办公厅门户网站第四季度全市各委办局信息通报中，位居全市各委办局排名第一名。",
    reason:
      "Relays and rankings are worded the same way for every outlet (outlet.relayed, outlet.ranking); the data model holds no per-outlet wording.",
  },
  {
    kind: "data",
    reference: "共采用信息54条，其中，每日要请32条，政务信息22条，自治区网站",
    rendered: "共采用信息54条（其中，每日要请采用信息32条，政务信息采用信息22条），自治区网站",
    reason: "Sub-counts (outlet.subCounts) are worded as for 《每日报》 in the first outlet.",
  },
  {
    kind: "data",
    reference:
      "在内蒙古日报、呼和浩特日报共刊发各类商务新闻70余条。向商务部地方商务之窗转载、原创发布各类信息2074条。更新市商务局信息网各类业务信息550余条。",
    rendered:
      "内蒙古日报、呼和浩特日报共采用信息70余条。在商务部地方商务之窗发布各类信息2074条。在市商务局信息网发布各类信息550余条。",
    reason:
      "The outlet record has counts (adopted, published) but no verb or kind of item (刊发商务新闻, 转载、原创发布, 更新…业务信息); the template uses one wording per count field.",
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
    kind: "data",
    reference:
      "今年，我局政府信息公开工作领导小组及时做了调整，并将分管领导确定为保密审查第一责任人。我局新版门户网站正式上线以来，政府信息公开内容上新增加了“依申请专栏”、“旗县区商务动态”、“意见建议箱”等，便于社会公众及时查阅信息、信息互动及好的意见建议能够及时采纳。",
    rendered:
      "今年，我局政府信息公开工作领导小组及时调整，分管领导确定为保密审查第一责任人；新版门户网站新增“依申请专栏”；新版门户网站新增“旗县区商务动态”；新版门户网站新增“意见建议箱”。",
    reason:
      "The sample holds this as disclosure.innovations (four sentences); with a narrative.disclosureInnovation passage the template prints the reference's two sentences (leading group from disclosure.leadingGroup, then the passage).",
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
