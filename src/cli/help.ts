/**
 * The command line's own words: yargs' strings in Chinese (its zh_CN locale, completed and
 * worded for clerks) unless --lang en, and an example for every command's --help.
 */
import type { Argv, CommandModule } from "yargs";
import type { Lang } from "../util/i18n.js";

/** The language asked for on the command line (--lang en, --lang=en), before yargs parses it. */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang=en" || (argv[i] === "--lang" && argv[i + 1] === "en")) return "en";
  }
  return "zh";
}

/** yargs' strings in Chinese: what its zh_CN locale lacks, and plainer wording for the rest. */
export const YARGS_ZH: Record<string, string | { one: string; other: string }> = {
  "Commands:": "命令：",
  "Options:": "选项：",
  "Examples:": "示例：",
  "Positionals:": "参数：",
  boolean: "是/否",
  count: "计数",
  string: "文本",
  number: "数字",
  array: "列表",
  required: "必填",
  default: "默认",
  "default:": "默认：",
  "choices:": "可选：",
  "aliases:": "别名：",
  deprecated: "已停用",
  "deprecated: %s": "已停用：%s",
  "generated-value": "自动生成",
  "Not enough non-option arguments: got %s, need at least %s": {
    one: "缺少参数：给出了 %s 个，至少需要 %s 个",
    other: "缺少参数：给出了 %s 个，至少需要 %s 个",
  },
  "Too many non-option arguments: got %s, maximum of %s": {
    one: "参数过多：给出了 %s 个，最多 %s 个",
    other: "参数过多：给出了 %s 个，最多 %s 个",
  },
  "Missing argument value: %s": { one: "选项缺少取值：%s", other: "这些选项缺少取值：%s" },
  "Missing required argument: %s": { one: "缺少必填选项：%s", other: "缺少这些必填选项：%s" },
  "Unknown argument: %s": { one: "无法识别的选项：%s", other: "无法识别这些选项：%s" },
  "Unknown command: %s": { one: "无法识别的命令：%s", other: "无法识别这些命令：%s" },
  "Invalid values:": "取值无效：",
  "Argument: %s, Given: %s, Choices: %s": "选项 %s 的取值为 %s，可选：%s",
  "Argument check failed: %s": "选项检查未通过：%s",
  "Implications failed:": "缺少相关选项：",
  "Not enough arguments following: %s": "选项 %s 后面缺少取值",
  "Invalid JSON config file: %s": "无效的 JSON 配置文件：%s",
  "Path to JSON config file": "JSON 配置文件的路径",
  "Show help": "显示帮助",
  "Show version number": "显示版本号",
  "Did you mean %s?": "是否应为 %s？",
  "Arguments %s and %s are mutually exclusive": "选项 %s 和 %s 不能同时使用",
  command: "命令",
};

/** Examples per command (the first word of its command string): the command, and what it does. */
export const EXAMPLES: Record<string, [string, { zh: string; en: string }][]> = {
  init: [["$0 init --year 2025", { zh: "在当前目录新建 operations.json", en: "write operations.json here" }]],
  validate: [
    ["$0 validate operations.json", { zh: "校验数据，列出全部错误", en: "check the data, list every error" }],
    [
      "$0 validate operations.json --json",
      { zh: "以 JSON 输出错误和读法", en: "errors and readings as JSON" },
    ],
  ],
  audit: [
    [
      "$0 audit operations.json",
      { zh: "考核自查：得分、问题和未答复的申请", en: "self-audit: score, findings, open requests" },
    ],
    [
      "$0 audit operations.json --as-of 2026-12-02",
      { zh: "截至该日尚未答复和已逾期的申请", en: "requests open and overdue on that day" },
    ],
  ],
  letters: [
    [
      "$0 letters operations.json --out 答复",
      { zh: "写出全部依申请公开文书", en: "write every disclosure letter" },
    ],
    [
      "$0 letters operations.json --out 答复 --missing",
      { zh: "只补写尚未写出的文书", en: "write only the letters not yet written" },
    ],
  ],
  render: [
    [
      "$0 render annual-report operations.json --out 年报",
      { zh: "生成年度报告（DOCX 和 PDF）", en: "the annual report (DOCX and PDF)" },
    ],
    [
      "$0 render summary operations.json --out 总结 --format docx",
      { zh: "生成工作总结（DOCX）", en: "the year-end summary (DOCX)" },
    ],
  ],
  rollup: [
    [
      "$0 rollup 甲局.json 乙局.json --year 2025 --out 汇总 --government 区政府.json",
      {
        zh: "汇总各部门的年度报告（DOCX、PDF 和 XLSX）",
        en: "the government's roll-up report (DOCX, PDF, XLSX)",
      },
    ],
  ],
  import: [
    [
      "$0 import 台账.xlsx --into operations.json --dry-run",
      { zh: "预览导入台账的结果，不写入", en: "preview a ledger import, write nothing" },
    ],
  ],
  deadline: [
    ["$0 deadline --received 2025-09-28", { zh: "计算答复期限", en: "the reply deadline" }],
    ["$0 deadline --received 2025-09-28 --explain", { zh: "逐日列出计算过程", en: "day by day" }],
  ],
  fee: [["$0 fee --per-page 150", { zh: "按量计收：150页的信息处理费", en: "per-page fee for 150 pages" }]],
  demo: [["$0 demo", { zh: "用示例数据生成全部文书", en: "every document from the samples" }]],
  serve: [["$0 serve", { zh: "在本机启动工作台", en: "start the workbench on this computer" }]],
  db: [["$0 db migrate", { zh: "升级工作台数据库", en: "migrate the workbench database" }]],
  worker: [
    [
      "$0 worker --database postgres://… --concurrency 2",
      { zh: "运行年终批量任务", en: "run the year-end batch jobs" },
    ],
  ],
  fonts: [["$0 fonts", { zh: "列出 PDF 使用的字体", en: "the fonts PDF output uses" }]],
};

/** The command with its examples added to its --help. */
export function withExamples<T, U>(c: CommandModule<T, U>, lang: Lang): CommandModule<T, U> {
  const name = String(Array.isArray(c.command) ? c.command[0] : c.command).split(" ")[0]!;
  return withExamplesOf(c, EXAMPLES[name], lang);
}

/** The command with these examples added to its --help. */
export function withExamplesOf<T, U>(
  c: CommandModule<T, U>,
  examples: [string, { zh: string; en: string }][] | undefined,
  lang: Lang,
): CommandModule<T, U> {
  const builder = c.builder;
  if (!examples || typeof builder !== "function") return c;
  return {
    ...c,
    builder: (y: Argv<T>) => {
      const add = (b: Argv<U>): Argv<U> => {
        for (const [cmd, what] of examples) b.example(cmd, lang === "en" ? what.en : what.zh);
        return b;
      };
      const built = (builder as (y: Argv<T>) => Argv<U> | PromiseLike<Argv<U>>)(y);
      // An async builder (render loads its document kinds when used) resolves to the parser.
      return (typeof (built as PromiseLike<Argv<U>>).then === "function"
        ? (built as PromiseLike<Argv<U>>).then(add)
        : add(built as Argv<U>)) as unknown as Argv<U>;
    },
  };
}

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/g;
const cjkCount = (s: string) => s.match(CJK)?.length ?? 0;

/**
 * One language of a bilingual description "中文 / English" (either order): the Chinese part by
 * default, the English with --lang en; the Chinese part is the one with (over twice) more
 * Chinese characters. Text without such a split is returned as it is.
 */
export function describeIn(text: string, lang: Lang): string {
  // Split points: a "/" after a space or a closing bracket and before a space (paths such as
  // out/ or samples/x.json are not), the last one with Chinese on one side only.
  const splits = [...text.matchAll(/(?<=[\s)）])\/\s+/g)].reverse();
  for (const m of splits) {
    const a = text.slice(0, m.index).trim();
    const b = text.slice(m.index + m[0].length).trim();
    const [ca, cb] = [cjkCount(a), cjkCount(b)];
    if (a === "" || b === "" || ca === cb || Math.min(ca, cb) * 2 > Math.max(ca, cb)) continue;
    return lang === "en" ? (ca > cb ? b : a) : ca > cb ? a : b;
  }
  return text;
}

type Described = { describe?: unknown; description?: unknown; desc?: unknown };

function localizeOption<O>(o: O, lang: Lang): O {
  if (typeof o !== "object" || o === null) return o;
  const x = { ...(o as Described) };
  for (const k of ["describe", "description", "desc"] as const)
    if (typeof x[k] === "string") x[k] = describeIn(x[k], lang);
  return x as O;
}

/**
 * Every description the parser is given — commands', options' and positionals' — in one
 * language (describeIn): the parser's own methods are wrapped once, so the commands' builders
 * (which get the same parser) need not know the language.
 */
export function localizeDescriptions(parser: Argv, lang: Lang): void {
  const p = parser as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrap = (name: string, f: (args: unknown[]) => unknown[]) => {
    const original = p[name]!.bind(parser);
    p[name] = (...args: unknown[]) => original(...f(args));
  };
  wrap("option", ([key, opt, ...rest]) =>
    typeof key === "object" && key !== null
      ? [Object.fromEntries(Object.entries(key).map(([k, v]) => [k, localizeOption(v, lang)])), opt, ...rest]
      : [key, localizeOption(opt, lang), ...rest],
  );
  p.options = p.option!;
  wrap("positional", ([key, opt, ...rest]) => [key, localizeOption(opt, lang), ...rest]);
  wrap("describe", ([key, text, ...rest]) => [
    key,
    typeof text === "string" ? describeIn(text, lang) : text,
    ...rest,
  ]);
  wrap("command", (args) => {
    const [first, second, ...rest] = args;
    if (typeof first === "object" && first !== null && !Array.isArray(first))
      return [localizeOption(first, lang), second, ...rest];
    return [first, typeof second === "string" ? describeIn(second, lang) : second, ...rest];
  });
}
