/**
 * The statute texts the documents cite (data/law/*.json): article by article, paragraph by
 * paragraph, item by item, with the dates each text is in force. Every citation a letter,
 * self-audit or annual report prints can be resolved here to the text it relies on; the tests
 * check each against this data.
 *
 * Instruments: ogi-2008 / ogi-2019 (政府信息公开条例 492号 / 711号), arl-1999 / arl-2023
 * (行政复议法), all-1989 / all-2014 (行政诉讼法), fee-2020 (国办函〔2020〕109号, cited as a whole
 * only), guidance-2010 (国办发〔2010〕5号, cited as a whole only), and the laws a refusal's
 * ground names in the samples and tests: food-safety-2015 (食品安全法, 2015 revision) and
 * statistics-2009 (统计法, 2009 revision). A ground naming any other law is printed as the clerk
 * wrote it and not checked here.
 *
 * References are written the Chinese way: 第三十六条第（三）项, 第十六条第二款, 第二十三条第一款第（四）项.
 * An item without a paragraph (第三十六条第（三）项) belongs to the article's only paragraph with items.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PACKAGE_ROOT } from "../util/paths.js";

export const LAW_DIR = resolve(PACKAGE_ROOT, "data", "law");

export interface StatuteParagraph {
  text: string;
  /** The items （一）（二）… of the paragraph, in order, without their numbers. */
  items?: string[];
}

export interface StatuteArticle {
  number: number;
  paragraphs: StatuteParagraph[];
  /** Only some paragraphs are recorded (the rest are not cited). */
  partial?: boolean;
}

export interface Statute {
  id: StatuteId;
  title: string;
  /** How a document names it: 《中华人民共和国政府信息公开条例》. */
  citeAs: string;
  promulgation: string;
  inForce: { from: string; until: string | null };
  note: string;
  articles: StatuteArticle[];
}

export const STATUTE_IDS = [
  "ogi-2008",
  "ogi-2019",
  "arl-1999",
  "arl-2023",
  "all-1989",
  "all-2014",
  "fee-2020",
  "guidance-2010",
  "food-safety-2015",
  "statistics-2009",
] as const;
export type StatuteId = (typeof STATUTE_IDS)[number];

let cache: Map<StatuteId, Statute> | null = null;

/** Every statute of data/law, by id (read once). */
export function statutes(): Map<StatuteId, Statute> {
  if (cache) return cache;
  const out = new Map<StatuteId, Statute>();
  for (const f of readdirSync(LAW_DIR)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const s = JSON.parse(readFileSync(join(LAW_DIR, f), "utf8")) as Statute;
    if (!(STATUTE_IDS as readonly string[]).includes(s.id) || `${s.id}.json` !== f)
      throw new Error(`data/law/${f}: unknown statute id ${s.id}`);
    out.set(s.id, s);
  }
  for (const id of STATUTE_IDS) if (!out.has(id)) throw new Error(`data/law/${id}.json is missing`);
  cache = out;
  return out;
}

export function statute(id: StatuteId): Statute {
  return statutes().get(id)!;
}

/** The statute in force on `date` among those of the same title (e.g. which 行政诉讼法). */
export function statuteInForce(ids: readonly StatuteId[], date: string): Statute | null {
  for (const id of ids) {
    const s = statute(id);
    if (date >= s.inForce.from && (s.inForce.until === null || date <= s.inForce.until)) return s;
  }
  return null;
}

const DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三十六 → 36 (numbers below 1000, as article numbers are). */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else throw new Error(`not a Chinese number: ${s}`);
  }
  return total + digit;
}

const NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 36 → 三十六 (1..199). */
export function toChineseNumber(n: number): string {
  if (n < 10) return NUMERALS[n]!;
  if (n < 20) return "十" + NUMERALS[n - 10]!;
  if (n < 100) return NUMERALS[Math.floor(n / 10)]! + "十" + NUMERALS[n % 10]!;
  return "一百" + (n % 100 === 0 ? "" : (n % 100 < 10 ? "零" : "") + toChineseNumber(n % 100));
}

/** A reference to an article, optionally a paragraph (款) and an item (项). */
export interface ArticleRef {
  article: number;
  paragraph?: number;
  item?: number;
}

const REF =
  /^第([一二三四五六七八九十百零两]+)条(?:第([一二三四五六七八九十]+)款)?(?:第（([一二三四五六七八九十]+)）项)?$/;

/** Parse 第三十六条第（三）项 / 第十六条第二款 / 第二十三条第一款第（四）项. */
export function parseRef(text: string): ArticleRef | null {
  const m = REF.exec(text);
  if (!m) return null;
  const ref: ArticleRef = { article: chineseNumber(m[1]!) };
  if (m[2]) ref.paragraph = chineseNumber(m[2]);
  if (m[3]) ref.item = chineseNumber(m[3]);
  return ref;
}

/** 第三十六条第（三）项 */
export function formatRef(ref: ArticleRef): string {
  return (
    `第${toChineseNumber(ref.article)}条` +
    (ref.paragraph !== undefined ? `第${toChineseNumber(ref.paragraph)}款` : "") +
    (ref.item !== undefined ? `第（${toChineseNumber(ref.item)}）项` : "")
  );
}

/** The text a reference names, or why it names nothing. */
export type Resolved = { ok: true; text: string } | { ok: false; why: string };

/** The text of an article, paragraph or item of a statute (items include the paragraph's lead-in). */
export function resolveRef(id: StatuteId, ref: ArticleRef): Resolved {
  const s = statute(id);
  const a = s.articles.find((x) => x.number === ref.article);
  const name = `${s.citeAs}（${s.promulgation}）${formatRef(ref)}`;
  if (!a) return { ok: false, why: `${name}：数据中没有这一条` };
  let paragraphs = a.paragraphs;
  if (ref.paragraph !== undefined) {
    const p = a.paragraphs[ref.paragraph - 1];
    if (!p) return { ok: false, why: `${name}：该条没有第${ref.paragraph}款` };
    paragraphs = [p];
  } else if (ref.item !== undefined) {
    paragraphs = a.paragraphs.filter((p) => p.items !== undefined);
    if (paragraphs.length !== 1) return { ok: false, why: `${name}：引用项须指明款` };
  } else if (a.partial === true) {
    return { ok: false, why: `${name}：数据只收录该条部分款，整条引用无法核对` };
  }
  if (ref.item !== undefined) {
    const p = paragraphs[0]!;
    const item = p.items?.[ref.item - 1];
    if (item === undefined) return { ok: false, why: `${name}：该款没有第${ref.item}项` };
    return { ok: true, text: p.text + item };
  }
  return {
    ok: true,
    text: paragraphs.map((p) => p.text + (p.items ?? []).join("")).join("\n"),
  };
}

/** One citation found in a document: the instrument as printed and each reference after it. */
export interface FoundCitation {
  instrument: string;
  refs: string[];
  /** The sentence it sits in (for messages). */
  sentence: string;
}

/**
 * Every 《…》第…条… citation in a text: the instrument and the references that follow it,
 * joined by 、 和 及 (根据《条例》第十四条、第三十六条第（三）项). A 《…》 followed by no
 * reference is a citation of the instrument as a whole (refs empty).
 */
export function findCitations(text: string): FoundCitation[] {
  const out: FoundCitation[] = [];
  const ref =
    "第[一二三四五六七八九十百零两]+条(?:第[一二三四五六七八九十]+款)?(?:第（[一二三四五六七八九十]+）项)?";
  const re = new RegExp(`(《[^》]+》(?:（[^）]*）)?)((?:[、和及]?${ref})*)`, "g");
  for (const m of text.matchAll(re)) {
    const start = Math.max(0, text.lastIndexOf("。", m.index) + 1);
    const endDot = text.indexOf("。", m.index);
    const sentence = text.slice(start, endDot < 0 ? undefined : endDot + 1).trim();
    const refs = [...(m[2] ?? "").matchAll(new RegExp(ref, "g"))].map((r) => r[0]);
    out.push({ instrument: m[1]!, refs, sentence });
  }
  return out;
}

/** What decides which version of an instrument a citation means. */
export interface CitationContext {
  /** The disclosure regime of the request (its receipt date decides it). */
  regime: "ogi-2008" | "ogi-2019";
  /** The date of the act the sentence is about (a reply's date for its remedy notice). */
  date: string;
}

/** The laws other than the regulation, by a part of their printed name: their texts in data/law. */
const LAWS: readonly { name: string; ids: readonly StatuteId[] }[] = [
  { name: "行政复议法", ids: ["arl-1999", "arl-2023"] },
  { name: "行政诉讼法", ids: ["all-1989", "all-2014"] },
  { name: "信息处理费管理办法", ids: ["fee-2020"] },
  { name: "国办发〔2010〕5号", ids: ["guidance-2010"] },
  { name: "食品安全法", ids: ["food-safety-2015"] },
  { name: "统计法", ids: ["statistics-2009"] },
];

/** The texts data/law holds of the instrument a printed name means (none: not in data/law). */
function versionsNamed(instrument: string): readonly StatuteId[] {
  return LAWS.find((l) => instrument.includes(l.name))?.ids ?? [];
}

/**
 * The statute a printed instrument name means in `ctx`: the regulation by the request's regime
 * (or by the decree number printed after it), the other laws by the date. null: not in data/law,
 * or no text of it in data/law is in force on the date.
 */
export function statuteNamed(instrument: string, ctx: CitationContext): Statute | null {
  if (instrument.includes("政府信息公开条例")) {
    if (instrument.includes("第492号")) return statute("ogi-2008");
    if (instrument.includes("第711号")) return statute("ogi-2019");
    return statute(ctx.regime);
  }
  const ids = versionsNamed(instrument);
  return ids.length > 0 ? statuteInForce(ids, ctx.date) : null;
}

/** A citation checked against data/law: the texts it names, or why it names nothing. */
export interface CheckedCitation extends FoundCitation {
  statute: StatuteId | null;
  texts: string[];
  problems: string[];
}

/** Find and resolve every citation of a text (instruments not in data/law are returned unresolved, without problems). */
export function checkCitations(text: string, ctx: CitationContext): CheckedCitation[] {
  return findCitations(text).map((c) => {
    const s = statuteNamed(c.instrument, ctx);
    const out: CheckedCitation = { ...c, statute: s?.id ?? null, texts: [], problems: [] };
    if (!s) {
      // A law data/law holds, but in no text in force on the date: the citation cannot be
      // checked, and a citation of an article the law had only later would pass unseen.
      const held = versionsNamed(c.instrument).map((id) => statute(id));
      if (held.length > 0)
        out.problems.push(
          `${c.instrument}：数据中没有${ctx.date}施行的文本（收录：${held
            .map((h) => `${h.promulgation}，${h.inForce.from}至${h.inForce.until ?? "今"}`)
            .join("；")}）`,
        );
      return out;
    }
    for (const r of c.refs) {
      const ref = parseRef(r);
      const res = ref ? resolveRef(s.id, ref) : { ok: false as const, why: `${r}：无法解析` };
      if (res.ok) out.texts.push(res.text);
      else out.problems.push(res.why);
    }
    return out;
  });
}
