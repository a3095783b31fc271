/**
 * The helpers templates may call, as Handlebars helpers. Each one only formats: facts (the
 * numbers, which claim is true) come from the context. Arguments are checked strictly — a wrong
 * type, a missing argument or an unknown option is an error naming the template position.
 */
import { HelperError, kindOf } from "./errors.js";
import { cnDigits, cnNumeral, cnOrdinal } from "./numerals.js";
import { formatDate } from "./dates.js";
import { formatCount, formatPercent, unwrapCount, type Count } from "./numbers.js";
import { clauses, enumerate, toTextItems } from "./enumerate.js";
import { bookTitle, formatCountWithUnit, quote } from "./phrasing.js";
import { formatYearChange } from "./year-over-year.js";

export { HelperError } from "./errors.js";
export { cnDigits, cnNumeral, cnOrdinal, CN_NUMERAL_MAX } from "./numerals.js";
export { formatDate } from "./dates.js";
export {
  formatCount,
  formatNumber,
  formatPercent,
  unwrapCount,
  type Count,
  type CountQualifier,
  type QualifiedCount,
} from "./numbers.js";
export { clauses, enumerate, type EnumerateOptions } from "./enumerate.js";
export { bookTitle, formatCountWithUnit, quote, type CountPhrasing } from "./phrasing.js";
export { formatYearChange, type YearChangeInput, type YearChangePhrasing } from "./year-over-year.js";

type Hash = Record<string, unknown>;

interface HelperSpec {
  /** Positional arguments: exact count, or [min, max]. */
  args: number | [number, number];
  /** Allowed hash options. */
  hash?: readonly string[];
  fn: (args: unknown[], hash: Hash) => unknown;
}

function str(v: unknown, helper: string, what = "参数"): string {
  if (typeof v === "string") return v;
  throw new HelperError(
    `${helper} 的${what}需为文字，得到 ${kindOf(v)}`,
    `${helper} needs text, got ${kindOf(v)}`,
  );
}

function optStr(hash: Hash, key: string, helper: string): string | undefined {
  const v = hash[key];
  if (v === undefined) return undefined;
  if (typeof v === "string") return v;
  throw new HelperError(`${helper} 的 ${key}= 需为文字`, `${helper}: ${key}= must be text`);
}

/** A value that a comparison may use: text, number, boolean, null, or a qualified count's value. */
function comparable(v: unknown, helper: string): string | number | boolean | null {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "object" && !Array.isArray(v)) return unwrapCount(v, helper).value;
  throw new HelperError(`${helper} 不能比较 ${kindOf(v)}`, `${helper} cannot compare ${kindOf(v)}`);
}

function number(v: unknown, helper: string): number {
  const c = comparable(v, helper);
  if (typeof c !== "number") {
    throw new HelperError(
      `${helper} 需要数值，得到 ${kindOf(c)}`,
      `${helper} needs numbers, got ${kindOf(c)}`,
    );
  }
  return c;
}

function items(v: unknown, hash: Hash, helper: string): string[] {
  const key = optStr(hash, "key", helper);
  let list = v;
  if (key !== undefined) {
    if (!Array.isArray(v)) throw new HelperError(`${helper} 需要列表`, `${helper} needs a list`);
    list = v.map((item: unknown, i) => {
      if (item !== null && typeof item === "object" && Object.prototype.hasOwnProperty.call(item, key)) {
        return (item as Record<string, unknown>)[key];
      }
      throw new HelperError(
        `${helper}：第 ${i + 1} 项没有属性 ${key}`,
        `${helper}: item ${i + 1} has no property ${key}`,
      );
    });
  }
  const texts = toTextItems(list, helper);
  const wrap = optStr(hash, "wrap", helper);
  if (wrap === undefined) return texts;
  const marks = [...wrap];
  if (marks.length !== 2) {
    throw new HelperError(
      `${helper} 的 wrap= 需为一对标号，如 "《》"`,
      `${helper}: wrap= must be a pair of marks such as "《》"`,
    );
  }
  return texts.map((t) => (t.startsWith(marks[0]!) && t.endsWith(marks[1]!) ? t : marks[0] + t + marks[1]));
}

/** Every helper, by the name templates use. */
export const HELPERS: Readonly<Record<string, HelperSpec>> = {
  cnNumeral: { args: 1, fn: ([n]) => cnNumeral(n as number) },
  cnDigits: { args: 1, fn: ([v]) => cnDigits(v as number | string) },
  cnOrdinal: { args: 1, fn: ([n]) => cnOrdinal(n as number) },
  date: { args: 1, fn: ([d]) => formatDate(d as string) },
  percent: {
    args: 1,
    hash: ["decimals"],
    fn: ([r], h) => {
      const d = h.decimals;
      if (d !== undefined && typeof d !== "number") {
        throw new HelperError("percent 的 decimals= 需为数值", "percent: decimals= must be a number");
      }
      return formatPercent(r as number, d);
    },
  },
  num: { args: 1, fn: ([c]) => formatCount(c as Count, "num") },
  count: {
    args: 2,
    hash: ["zero", "one"],
    fn: ([c, unit], h) =>
      formatCountWithUnit(c as Count, str(unit, "count", "单位"), {
        zero: optStr(h, "zero", "count"),
        one: optStr(h, "one", "count"),
      }),
  },
  enumerate: {
    args: 1,
    hash: ["last", "sep", "key", "wrap"],
    fn: ([v], h) =>
      enumerate(items(v, h, "enumerate"), {
        last: optStr(h, "last", "enumerate"),
        sep: optStr(h, "sep", "enumerate"),
      }),
  },
  clauses: { args: 1, hash: ["key"], fn: ([v], h) => clauses(items(v, h, "clauses")) },
  book: { args: 1, fn: ([s]) => bookTitle(str(s, "book")) },
  quote: { args: 1, fn: ([s]) => quote(str(s, "quote")) },
  eq: { args: 2, fn: ([a, b]) => comparable(a, "eq") === comparable(b, "eq") },
  ne: { args: 2, fn: ([a, b]) => comparable(a, "ne") !== comparable(b, "ne") },
  gt: { args: 2, fn: ([a, b]) => number(a, "gt") > number(b, "gt") },
  lt: { args: 2, fn: ([a, b]) => number(a, "lt") < number(b, "lt") },
  inc: { args: 1, fn: ([n]) => number(n, "inc") + 1 },
  yoy: {
    args: 1,
    hash: ["unit", "percent"],
    fn: ([c], h) => {
      if (h.percent !== undefined && typeof h.percent !== "boolean")
        throw new HelperError("yoy 的 percent= 需为 true 或 false", "yoy: percent= must be true or false");
      return formatYearChange(c, { unit: optStr(h, "unit", "yoy"), percent: h.percent === true });
    },
  },
};

/** Call a helper by name with already-separated arguments and hash (checks arity and options). */
export function callHelper(name: string, args: unknown[], hash: Hash): unknown {
  const spec = HELPERS[name];
  if (!spec) throw new HelperError(`未知的辅助函数 ${name}`, `unknown helper ${name}`);
  const [min, max] = typeof spec.args === "number" ? [spec.args, spec.args] : spec.args;
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : `${min}–${max}`;
    throw new HelperError(
      `${name} 需要 ${want} 个参数，得到 ${args.length} 个`,
      `${name} takes ${want} argument(s), got ${args.length}`,
    );
  }
  for (const key of Object.keys(hash)) {
    if (!spec.hash?.includes(key)) {
      throw new HelperError(`${name} 没有选项 ${key}=`, `${name} has no option ${key}=`);
    }
  }
  return spec.fn(args, hash);
}
