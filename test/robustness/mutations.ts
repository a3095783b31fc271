/**
 * Mutations of a dataset for the fuzz test, each a small, plausible slip or a hostile input:
 * a dropped field, a wrong type, swapped or impossible dates, huge numbers, deep nesting, long
 * strings, control characters (and path tricks in ids), duplicated records, and damage to the
 * file itself (truncation, stray bytes, invalid UTF-8). Deterministic for a given PRNG.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

export interface Mutation {
  /** What was done, for the failure message. */
  label: string;
  /** The file's bytes. */
  bytes: Buffer;
  /** Index of the application the mutation touched, if any. */
  application?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEEP_MARK = "\u0000DEEP\u0000";

function get(root: Json, path: Path): Json | undefined {
  let v: Json | undefined = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, Json>)[k];
  }
  return v;
}

function set(root: Json, path: Path, value: Json | undefined): void {
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json> | Json[] | undefined;
  const key = path[path.length - 1]!;
  if (parent === null || typeof parent !== "object") return;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<string, Json>)[key];
  } else (parent as Record<string | number, Json>)[key] = value;
}

/** Every path in the value (containers and leaves), excluding the root. */
function paths(v: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (v && typeof v === "object") {
    for (const [k, child] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(child, p, out);
    }
  }
  return out;
}

const WRONG: Json[] = [
  0,
  -1,
  1.5,
  "",
  "x",
  "二〇二三年",
  true,
  false,
  null,
  [],
  {},
  [1, 2],
  { a: 1 },
  "2023-13-45",
];
const HUGE: Json[] = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  -0,
  2 ** 31,
  1e-300,
  123456789012,
  -999999999,
];
const BAD_DATES: Json[] = [
  "2023-02-29",
  "2023-00-10",
  "2023-04-31",
  "9999-12-31",
  "1900-01-01",
  "2023-1-5",
  "20230105",
  "2023/01/05",
  "2006-12-31",
  "2100-01-01",
];
const NASTY = [
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u202e",
  "\ud800",
  "\r\n",
  "\t",
  "{{",
  "}}",
  "{{constructor}}",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "..\\..\\x",
  "CON",
  "NUL.txt",
  "**",
  "# ",
  "| a | b |",
  "`",
  "\\",
  "\uFEFF",
  "𠀀",
  "\u3000",
];

export class Mutator {
  constructor(private readonly rand: () => number) {}

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }

  private int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  /** A path, biased towards the applications (where per-record handling lives). */
  private target(root: Json, all: Path[]): Path {
    const apps = all.filter((p) => p[0] === "disclosure" && p[1] === "applications" && p.length > 2);
    if (apps.length > 0 && this.rand() < 0.5) return this.pick(apps);
    return this.pick(all);
  }

  mutate(base: Json): Mutation {
    const root = structuredClone(base);
    let all = paths(root);
    const kind = this.pick([
      "drop",
      "drop",
      "wrong-type",
      "wrong-type",
      "dates",
      "dates",
      "huge",
      "deep",
      "long",
      "control",
      "control",
      "id",
      "duplicate",
      "bytes",
      "several",
    ] as const);
    const appIndex = (p: Path) =>
      p[0] === "disclosure" && p[1] === "applications" && typeof p[2] === "number" ? p[2] : undefined;
    const json = (label: string, application?: number, replaceDeep?: string): Mutation => {
      let text = JSON.stringify(root, null, this.rand() < 0.5 ? 2 : undefined);
      if (replaceDeep) text = text.replace(JSON.stringify(DEEP_MARK), replaceDeep);
      return {
        label,
        bytes: Buffer.from(text, "utf8"),
        ...(application !== undefined ? { application } : {}),
      };
    };
    const one = (k: string): { label: string; application?: number; deep?: string } => {
      all = paths(root);
      const p = this.target(root, all);
      const where = "/" + p.join("/");
      switch (k) {
        case "drop": {
          if (get(root, p.slice(0, -1)) === undefined) return { label: "noop" };
          set(root, p, undefined);
          return { label: `drop ${where}`, application: appIndex(p) };
        }
        case "wrong-type": {
          const v = this.pick(WRONG);
          set(root, p, structuredClone(v));
          return { label: `wrong type ${where} = ${JSON.stringify(v)}`, application: appIndex(p) };
        }
        case "dates": {
          const dates = all.filter(
            (q) => typeof get(root, q) === "string" && DATE.test(get(root, q) as string),
          );
          const q = this.pick(dates);
          const siblings = dates.filter(
            (r) => r.length === q.length && r.slice(0, -1).join("/") === q.slice(0, -1).join("/"),
          );
          if (siblings.length >= 2 && this.rand() < 0.5) {
            const r = this.pick(siblings.filter((s) => s !== q)) ?? q;
            const a = get(root, q);
            set(root, q, get(root, r));
            set(root, r, a);
            return { label: `swap dates /${q.join("/")} and /${r.join("/")}`, application: appIndex(q) };
          }
          if (this.rand() < 0.5) {
            const v = this.pick(BAD_DATES);
            set(root, q, v);
            return { label: `date /${q.join("/")} = ${String(v)}`, application: appIndex(q) };
          }
          // Shift by up to ±400 days (e.g. a reply before its receipt, a date in another year).
          const d = new Date(`${get(root, q) as string}T00:00:00Z`);
          d.setUTCDate(d.getUTCDate() + this.int(801) - 400);
          const v = d.toISOString().slice(0, 10);
          set(root, q, v);
          return { label: `date /${q.join("/")} shifted to ${v}`, application: appIndex(q) };
        }
        case "huge": {
          const nums = all.filter((q) => typeof get(root, q) === "number");
          const q = nums.length > 0 ? this.pick(nums) : p;
          const v = this.pick(HUGE);
          set(root, q, v);
          return { label: `number /${q.join("/")} = ${v}`, application: appIndex(q) };
        }
        case "deep": {
          const depth = this.pick([50, 150, 199, 201, 1000, 20000]);
          const open = this.rand() < 0.5 ? "[" : '{"a":';
          const close = open === "[" ? "]" : "}";
          set(root, p, DEEP_MARK);
          return {
            label: `nesting ${depth} deep at ${where}`,
            application: appIndex(p),
            deep: open.repeat(depth) + "1" + close.repeat(depth),
          };
        }
        case "long": {
          const strings = all.filter((q) => typeof get(root, q) === "string");
          const q = this.pick(strings);
          const n = this.pick([1_000, 20_000, 300_000]);
          const v = this.pick(["长", "a", "申请人", "—"]).repeat(n);
          set(root, q, v);
          return { label: `long string (${n}×) at /${q.join("/")}`, application: appIndex(q) };
        }
        case "control": {
          const strings = all.filter((q) => typeof get(root, q) === "string");
          const q = this.pick(strings);
          const s = get(root, q) as string;
          const at = this.int(s.length + 1);
          const v = s.slice(0, at) + this.pick(NASTY) + s.slice(at);
          set(root, q, v);
          return {
            label: `control/markup characters in /${q.join("/")}: ${JSON.stringify(v.slice(0, 60))}`,
            application: appIndex(q),
          };
        }
        case "id": {
          const apps = (get(root, ["disclosure", "applications"]) ?? []) as Json[];
          if (!Array.isArray(apps) || apps.length === 0) return { label: "noop" };
          const i = this.int(apps.length);
          const v = this.pick(NASTY) + this.pick(["", "x", "YSQ2023-001"]);
          set(root, ["disclosure", "applications", i, "id"], v);
          return { label: `application id ${JSON.stringify(v)}`, application: i };
        }
        case "duplicate": {
          const arrays = all.filter(
            (q) => Array.isArray(get(root, q)) && (get(root, q) as Json[]).length > 0,
          );
          if (arrays.length === 0) return { label: "noop" };
          const q = this.pick(arrays);
          const arr = get(root, q) as Json[];
          arr.splice(this.int(arr.length + 1), 0, structuredClone(arr[this.int(arr.length)]!));
          return { label: `duplicate an element of /${q.join("/")}` };
        }
        default:
          return { label: "noop" };
      }
    };

    if (kind === "bytes") return this.damageBytes(root);
    if (kind === "several") {
      const labels: string[] = [];
      let application: number | undefined;
      for (let i = 0; i < 3; i++) {
        const r = one(this.pick(["drop", "wrong-type", "dates", "control", "huge"]));
        labels.push(r.label);
        application ??= r.application;
      }
      return json(labels.join("; "), application);
    }
    const r = one(kind);
    return json(r.label, r.application, r.deep);
  }

  /** Damage to the file: truncation, stray or invalid bytes, a BOM, other top-level values. */
  private damageBytes(root: Json): Mutation {
    const text = Buffer.from(JSON.stringify(root, null, 2), "utf8");
    const how = this.pick(["truncate", "insert", "flip", "invalid-utf8", "bom", "top-level", "nul"] as const);
    const at = this.int(text.length);
    switch (how) {
      case "truncate":
        return { label: `truncated at byte ${at}`, bytes: text.subarray(0, at) };
      case "insert": {
        const junk = Buffer.from(this.pick([",", "}", "]", '"', ":", "null", "/*x*/", "'", "\\"]), "utf8");
        return {
          label: `inserted ${junk.toString()} at byte ${at}`,
          bytes: Buffer.concat([text.subarray(0, at), junk, text.subarray(at)]),
        };
      }
      case "flip": {
        const b = Buffer.from(text);
        b[at] = b[at]! ^ (1 << this.int(8));
        return { label: `flipped a bit of byte ${at}`, bytes: b };
      }
      case "invalid-utf8": {
        // Inside a string value: find a quote after `at`.
        const q = text.indexOf(0x22, at);
        const pos = q >= 0 ? q + 1 : at;
        const junk = Buffer.from(
          this.pick([[0xff], [0xc3], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xfe, 0xff]]),
        );
        return {
          label: `invalid UTF-8 ${junk.toString("hex")} at byte ${pos}`,
          bytes: Buffer.concat([text.subarray(0, pos), junk, text.subarray(pos)]),
        };
      }
      case "bom":
        return { label: "UTF-8 BOM", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]) };
      case "nul":
        return {
          label: `NUL byte at ${at}`,
          bytes: Buffer.concat([text.subarray(0, at), Buffer.from([0]), text.subarray(at)]),
        };
      default: {
        const v = this.pick([
          "",
          " ",
          "null",
          "[]",
          "{}",
          '"text"',
          "0",
          "true",
          "[{}]",
          '{"year":2023}',
          "\u0000",
        ]);
        return { label: `top-level ${JSON.stringify(v)}`, bytes: Buffer.from(v, "utf8") };
      }
    }
  }
}

/** Mutations of a CSV ledger: invalid UTF-8, stray bytes, broken quoting, huge cells, many columns. */
export function mutateCsv(rand: () => number, csv: Buffer): { label: string; bytes: Buffer } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const at = Math.floor(rand() * csv.length);
  const how = pick([
    "invalid-utf8",
    "quote",
    "huge-cell",
    "columns",
    "truncate",
    "nul",
    "bom-utf16",
    "rows",
    "control",
  ] as const);
  switch (how) {
    case "invalid-utf8": {
      const junk = Buffer.from(
        pick([[0xff], [0xc3], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0x80, 0x80, 0x80], [0xf8, 0x88]]),
      );
      return {
        label: `invalid UTF-8 ${junk.toString("hex")} at ${at}`,
        bytes: Buffer.concat([csv.subarray(0, at), junk, csv.subarray(at)]),
      };
    }
    case "quote":
      return {
        label: `stray quote at ${at}`,
        bytes: Buffer.concat([csv.subarray(0, at), Buffer.from('"'), csv.subarray(at)]),
      };
    case "huge-cell":
      return {
        label: "a 2 MB cell",
        bytes: Buffer.concat([
          csv,
          Buffer.from(
            `\n99,YSQ2014-999,2014/5/5,${"长".repeat(700_000)},自然人,网上申请,x,2014-05-20,予以公开,,0,李某,\n`,
          ),
        ]),
      };
    case "columns":
      return {
        label: "a row of 5,000 columns",
        bytes: Buffer.concat([csv, Buffer.from("\n" + ",x".repeat(5000) + "\n")]),
      };
    case "truncate":
      return { label: `truncated at ${at}`, bytes: csv.subarray(0, at) };
    case "nul":
      return {
        label: `NUL at ${at}`,
        bytes: Buffer.concat([csv.subarray(0, at), Buffer.from([0, 0]), csv.subarray(at)]),
      };
    case "bom-utf16":
      return {
        label: "UTF-16 BOM before UTF-8 text",
        bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), csv]),
      };
    case "rows": {
      const rows = Array.from(
        { length: 2000 },
        (_, i) =>
          `${i},YSQ2014-${1000 + i},2014/6/1,申请人${i},自然人,网上申请,x,2014-06-20,予以公开,,0,李某,`,
      );
      return {
        label: "2,000 more rows",
        bytes: Buffer.concat([csv, Buffer.from("\n" + rows.join("\n") + "\n")]),
      };
    }
    default: {
      const c = pick(["\u0000", "\u001b[2J", "\u202e", "\r", "=cmd|' /C calc'!A0", "\ud800"]);
      return {
        label: `control text ${JSON.stringify(c)} at ${at}`,
        bytes: Buffer.concat([csv.subarray(0, at), Buffer.from(c, "utf8"), csv.subarray(at)]),
      };
    }
  }
}
