/**
 * Datasets for the letter tests: the 2023 sample, and synthetic datasets with one application
 * per reply variant, replied in 2023 (before the revised 行政复议法) or in 2024 (after it).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Application, Dataset, Reply } from "../../src/data/types.js";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const SAMPLE_2023 = resolve(ROOT, "samples", "2023-district-bureau.json");

export function sample2023(): Dataset {
  return JSON.parse(readFileSync(SAMPLE_2023, "utf8")) as Dataset;
}

export const LAW = "《中华人民共和国政府信息公开条例》";

/** One reply variant of ogi-2019 and the citation its letter must carry (before 的规定). */
export interface Variant {
  key: string;
  reply: Omit<Reply, "date">;
  basis: string;
  /** replyBasis's text when the letter prints another citation (a withdrawal cites Art. 29 for asking again). */
  replyBasis?: string;
  /** Partial disclosure: the citation for the withheld part. */
  withheld?: string;
  /** Extra record fields the variant needs. */
  extra?: Partial<Application>;
}

const L = (arts: string): string => `根据${LAW}${arts}`;

export const VARIANTS_2019: Variant[] = [
  {
    key: "already-public",
    reply: { type: "already-public", note: "已在示例市青禾区人民政府门户网站公开" },
    basis: L("第三十六条第（一）项"),
  },
  { key: "disclosed", reply: { type: "disclosed" }, basis: L("第三十六条第（二）项") },
  {
    key: "partial-process-information",
    reply: { type: "partial", reason: "process-information", ground: "draft" },
    basis: L("第三十六条第（二）项、第三十七条"),
    withheld: L("第十六条第二款、第三十六条第（三）项"),
  },
  {
    key: "refused-state-secret",
    reply: { type: "refused", reason: "state-secret" },
    basis: L("第十四条、第三十六条第（三）项"),
  },
  {
    key: "refused-prohibited-by-law",
    reply: { type: "refused", reason: "prohibited-by-law", ground: "《中华人民共和国统计法》第二十五条" },
    basis: L("第十四条、第三十六条第（三）项"),
  },
  {
    key: "refused-three-securities-one-stability",
    reply: { type: "refused", reason: "three-securities-one-stability", ground: "public-security" },
    basis: L("第十四条、第三十六条第（三）项"),
  },
  {
    key: "refused-third-party-rights",
    reply: { type: "refused", reason: "third-party-rights", ground: "personal-privacy" },
    basis: L("第十五条、第三十六条第（三）项"),
  },
  {
    key: "refused-internal-affairs",
    reply: { type: "refused", reason: "internal-affairs", ground: "personnel-management" },
    basis: L("第十六条第一款、第三十六条第（三）项"),
  },
  {
    key: "refused-process-information",
    reply: { type: "refused", reason: "process-information", ground: "request-report" },
    basis: L("第十六条第二款、第三十六条第（三）项"),
  },
  {
    key: "refused-enforcement-file",
    reply: { type: "refused", reason: "enforcement-file" },
    basis: L("第十六条第二款、第三十六条第（三）项"),
  },
  {
    key: "refused-administrative-query",
    reply: { type: "refused", reason: "administrative-query" },
    basis: L("第三十六条第（三）项"),
  },
  {
    key: "unavailable-not-held",
    reply: { type: "unavailable", reason: "not-held" },
    basis: L("第三十六条第（四）项"),
  },
  {
    key: "unavailable-needs-creation",
    reply: { type: "unavailable", reason: "needs-creation" },
    basis: L("第三十八条"),
  },
  {
    key: "unavailable-unclear-after-correction",
    reply: { type: "unavailable", reason: "unclear-after-correction" },
    basis: L("第三十条"),
    extra: {
      correction: {
        notified: "@+2",
        items: ["所需政府信息的名称"],
        periodDays: 10,
        correctedReceived: "@+4",
      },
    },
  },
  {
    key: "not-processed-petition-complaint",
    reply: { type: "not-processed", reason: "petition-complaint" },
    basis: L("第三十九条第一款"),
  },
  {
    key: "not-processed-duplicate",
    reply: { type: "not-processed", reason: "duplicate", duplicateOf: "V-2022-001" },
    basis: L("第三十六条第（六）项"),
  },
  {
    key: "not-processed-publication",
    reply: { type: "not-processed", reason: "publication" },
    basis: L("第三十九条第二款"),
  },
  {
    key: "not-processed-excessive",
    reply: { type: "not-processed", reason: "excessive" },
    basis: L("第三十五条"),
  },
  {
    key: "not-processed-confirmation",
    reply: { type: "not-processed", reason: "confirmation" },
    basis: L("第二条"),
  },
  {
    key: "other-no-correction",
    reply: { type: "other", reason: "no-correction" },
    basis: L("第三十条"),
    extra: { correction: { notified: "@+2", items: ["所需政府信息的名称"], periodDays: 5 } },
  },
  {
    key: "other-fee-unpaid",
    reply: { type: "other", reason: "fee-unpaid" },
    basis: `${L("第四十二条")}和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`,
    extra: { fee: { method: "per-page", quantity: 120, amount: 1100, noticeDate: "@+3", paid: false } },
  },
  {
    key: "other-other",
    reply: { type: "other", reason: "other", note: "经与申请人沟通，申请人已到本机关当面查阅所需信息" },
    basis: `根据${LAW}`,
  },
  {
    key: "other-withdrawn",
    reply: { type: "other", reason: "other", withdrawn: "@+5" },
    basis: L("第二十九条"),
    replyBasis: `根据${LAW}`,
  },
  {
    key: "not-this-agency",
    reply: {
      type: "not-this-agency",
      responsibleAgency: { name: "示例市青禾区住房和城乡建设局", contact: "0571-88000001" },
    },
    basis: L("第三十六条第（五）项"),
  },
  {
    key: "not-this-agency-unknown",
    reply: { type: "not-this-agency" },
    basis: L("第三十六条第（五）项"),
  },
  {
    key: "special-law",
    reply: { type: "special-law", note: "依照《不动产登记暂行条例》向不动产登记机构查询" },
    basis: L("第三十六条第（七）项"),
  },
];

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Replace "@+N" date placeholders (N calendar days after `base`) anywhere in a value. */
function resolveDates<T>(v: T, base: string): T {
  if (typeof v === "string") return (/^@\+\d+$/.test(v) ? addDays(base, Number(v.slice(2))) : v) as T;
  if (Array.isArray(v)) return v.map((x) => resolveDates(x, base)) as T;
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveDates(x, base)])) as T;
  return v;
}

/**
 * A dataset of `year` with one in-person application per variant, received on `received` and
 * replied `replyAfter` calendar days later. Ids: V-<key>.
 */
export function variantDataset(
  year: number,
  received: string,
  replyAfter = 14,
  variants = VARIANTS_2019,
): Dataset {
  const base = sample2023();
  const applications: Application[] = variants.map((v) => ({
    id: `V-${v.key}`,
    applicant: { type: "natural-person", name: "测试某某" },
    channel: "in-person",
    submitted: received,
    content: `测试申请（${v.key}）`,
    ...resolveDates(v.extra ?? {}, received),
    reply: { date: addDays(received, replyAfter), ...resolveDates(v.reply, received) },
  }));
  return {
    year,
    regime: "ogi-2019",
    agency: base.agency,
    disclosure: { applications },
  };
}
