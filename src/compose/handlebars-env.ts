/**
 * gongwen's Handlebars environment: an isolated instance (Handlebars.create()) compiled with
 * `strict`, `noEscape` and `knownHelpersOnly`, prototype access never relaxed, and two
 * tightenings on top:
 *
 * 1. Every variable lookup — in `{{x}}`, in helper arguments, in `{{#if x}}` — is strict and
 *    reads only an object's own properties. Handlebars' `strict` checks only the last segment
 *    of a plain `{{x.y}}` and lets helper arguments through as `undefined`; a typo in
 *    `{{#if facts.noOverdue}}` would silently print the wrong sentence. This is done by the
 *    public extension point JavaScriptCompiler#nameLookup.
 * 2. Output goes through `__text` / `__raw` (see template-ast.ts): `{{x}}` escapes Markdown
 *    specials so data stays literal text, `{{{x}}}` inserts Markdown as written. Both refuse
 *    null, booleans, objects and arrays — printing those is always a template mistake.
 *
 * `lookup` and `log` are removed: `lookup` would bypass strictness, `log` writes to the console.
 *
 * Two environments: templates run in one made from Handlebars' runtime (`handlebars/runtime`,
 * what the precompiled built-in templates need), and the compiler — the full `handlebars`
 * package with its parser, code generator and source-map, 47 more files, ≈25 ms of CPU to load
 * (`node -e "require('handlebars')"` against `require('handlebars/runtime')`, median of 7
 * paired runs) — is loaded only when a template must be compiled now (a user's --templates
 * folder, a built-in template changed since the build, the tests). The compiler makes the very
 * template spec `Handlebars.compile` makes (the same steps, compiler.js compileInput) and the
 * runtime environment turns it into the template function, so output is the same either way.
 */
import { createRequire } from "node:module";
import type Handlebars from "handlebars";
import { callHelper, HELPERS, HelperError } from "./helpers/index.js";
import { formatNumber } from "./helpers/numbers.js";
import { escapeMarkdown } from "./markdown-escape.js";
import {
  checkAndRewrite,
  locKey,
  RAW_HELPER,
  TEXT_HELPER,
  TemplateCheckError,
  type Loc,
  type TemplateIndex,
} from "./template-ast.js";

export type HandlebarsEnv = typeof Handlebars;

/** Built-in block helpers templates may use. */
const BUILTIN_HELPERS = ["if", "unless", "each", "with"] as const;

/** Every helper name a template may call (known to the compiler; anything else is an error). */
export const KNOWN_HELPER_NAMES: ReadonlySet<string> = new Set([
  ...BUILTIN_HELPERS,
  ...Object.keys(HELPERS),
  TEXT_HELPER,
  RAW_HELPER,
]);

const KNOWN_HELPERS: Record<string, boolean> = {
  ...Object.fromEntries([...KNOWN_HELPER_NAMES].map((n) => [n, true])),
  lookup: false,
  log: false,
  helperMissing: false,
  blockHelperMissing: false,
};

export const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: KNOWN_HELPERS,
  data: true,
} as const;

/** The error an unknown variable raises at render time (thrown by compiled template code). */
export interface MissingVariable {
  name: string;
  loc: { line: number; column: number; source?: string };
}

/** Thrown by a helper with the position of the call (from Handlebars' options.loc). */
export class LocatedHelperError extends Error {
  constructor(
    readonly helper: string,
    readonly helperError: HelperError,
    readonly loc: Loc | undefined,
  ) {
    super(helperError.message);
    this.name = "LocatedHelperError";
  }
}

/**
 * Code for a strict own-property lookup, emitted into compiled templates. It throws an error
 * carrying the missing name and the path's position; the engine turns it into a UserError.
 */
const STRICT_LOOKUP =
  "(function(o,n,l){" +
  'if(o!==null&&typeof o==="object"&&Object.prototype.hasOwnProperty.call(o,n)&&typeof o[n]!=="function")return o[n];' +
  'var e=new Error("gongwen: template variable not found");e.gongwenMissing={name:n,loc:l};throw e;})';

interface CompilerLike {
  source: { currentLocation?: Loc };
  aliasable(code: string): unknown;
  quotedString(s: string): string;
}

function installStrictLookups(env: HandlebarsEnv): void {
  // Handlebars documents JavaScriptCompiler#nameLookup as the method to override in a subclass.
  const Base = (env as unknown as { JavaScriptCompiler: { new (): object; prototype: object } })
    .JavaScriptCompiler;
  const baseLookup = (Base.prototype as { nameLookup: (...a: unknown[]) => unknown }).nameLookup;
  function GongwenCompiler(this: object) {
    Base.call(this);
  }
  GongwenCompiler.prototype = Object.create(Base.prototype);
  Object.assign(GongwenCompiler.prototype, {
    constructor: GongwenCompiler,
    compiler: GongwenCompiler,
    nameLookup(this: CompilerLike, parent: unknown, name: string, type: string) {
      if (type !== "context" && type !== "data") return baseLookup.call(this, parent, name, type);
      const loc = this.source.currentLocation;
      const where = loc?.start
        ? JSON.stringify({ line: loc.start.line, column: loc.start.column, source: loc.source })
        : "undefined";
      return [this.aliasable(STRICT_LOOKUP), "(", parent, ",", this.quotedString(name), ",", where, ")"];
    },
  });
  (env as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = GongwenCompiler;
}

type HelperOptions = { loc?: Loc; hash?: Record<string, unknown> };

function outputValue(v: unknown, raw: boolean, loc: Loc | undefined): string {
  if (typeof v === "string") return raw ? v : escapeMarkdown(v);
  if (typeof v === "number" && Number.isFinite(v)) return formatNumber(v);
  const kind = v === null ? "null" : v === undefined ? "undefined" : Array.isArray(v) ? "array" : typeof v;
  throw new LocatedHelperError(
    raw ? "{{{ }}}" : "{{ }}",
    new HelperError(
      `不能输出 ${kind} 值（只能输出文字和数值；列表用 {{#each}} 或 enumerate，可有可无的值先用 {{#if}} 判断）`,
      `cannot print a ${kind} value (only text and numbers print; use {{#each}} or enumerate for lists, test optional values with {{#if}})`,
    ),
    loc,
  );
}

/** Handlebars before 4.7.9 has published advisories (prototype access, code injection). */
export const MIN_HANDLEBARS_VERSION = [4, 7, 9] as const;

export function handlebarsVersionOk(version: string): boolean {
  const parts = version.split(/[.-]/).map((p) => Number(p));
  for (let i = 0; i < 3; i++) {
    const have = parts[i] ?? 0;
    const need = MIN_HANDLEBARS_VERSION[i]!;
    if (have !== need) return have > need;
  }
  return true;
}

const require = createRequire(import.meta.url);

/** Handlebars' runtime (templates, helpers, partials; no compiler). */
const runtime = require("handlebars/runtime") as HandlebarsEnv;

function checkVersion(version: string): void {
  if (!handlebarsVersionOk(version)) {
    throw new Error(`gongwen needs Handlebars >= ${MIN_HANDLEBARS_VERSION.join(".")}, found ${version}`);
  }
}

let compiler: HandlebarsEnv | undefined;

/**
 * The compiler: an isolated environment of the full Handlebars package, with gongwen's strict
 * lookups, loaded on first use. It only parses and generates code (knownHelpers come from
 * COMPILE_OPTIONS); templates run in an environment from createEnvironment.
 */
export function compilerEnvironment(): HandlebarsEnv {
  if (!compiler) {
    const full = require("handlebars") as HandlebarsEnv;
    checkVersion(full.VERSION);
    const env = full.create();
    installStrictLookups(env);
    compiler = env;
  }
  return compiler;
}

/**
 * A fresh, isolated Handlebars runtime environment with gongwen's helpers, where compiled and
 * precompiled templates run (compileUnit compiles into it).
 */
export function createEnvironment(): HandlebarsEnv {
  checkVersion(runtime.VERSION);
  const env = runtime.create();
  env.unregisterHelper("lookup");
  env.unregisterHelper("log");
  for (const name of Object.keys(HELPERS)) {
    env.registerHelper(name, function (...args: unknown[]) {
      const options = args.pop() as HelperOptions;
      const hash = { ...(options.hash ?? {}) };
      try {
        return callHelper(name, args, hash);
      } catch (e) {
        if (e instanceof HelperError) throw new LocatedHelperError(name, e, options.loc);
        throw e;
      }
    });
  }
  // #each over text or a number would silently print nothing: refuse it.
  const builtinEach = env.helpers.each as (this: unknown, ...args: unknown[]) => unknown;
  env.registerHelper("each", function (this: unknown, list: unknown, options: HelperOptions) {
    if (list !== null && list !== undefined && typeof list !== "object") {
      throw new LocatedHelperError(
        "each",
        new HelperError(
          `#each 需要列表或对象，得到 ${typeof list}`,
          `#each needs a list or an object, got ${typeof list}`,
        ),
        options.loc,
      );
    }
    return builtinEach.call(this, list, options);
  });
  env.registerHelper(TEXT_HELPER, (v: unknown, options: HelperOptions) => outputValue(v, false, options.loc));
  env.registerHelper(RAW_HELPER, (v: unknown, options: HelperOptions) => outputValue(v, true, options.loc));
  return env;
}

/** One compiled template or partial. */
export interface CompiledUnit {
  /** Path shown in messages, e.g. templates/summary.md.hbs. */
  display: string;
  render: (context: unknown, options?: object) => string;
  index: TemplateIndex;
}

/**
 * Parse, check, rewrite and compile a template now (not lazily), so that syntax errors surface
 * when the template is loaded. Errors are thrown as-is; describeTemplateError words them.
 */
export function compileUnit(env: HandlebarsEnv, source: string, display: string): CompiledUnit {
  const hbs = compilerEnvironment();
  const ast = hbs.parseWithoutProcessing(source, { srcName: display });
  const index = checkAndRewrite(ast, KNOWN_HELPER_NAMES);
  const fn = env.template(templateSpec(hbs, ast));
  return { display, render: (context, options) => fn(context, options), index };
}

interface CompilerInternals {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown };
  JavaScriptCompiler: new () => {
    compile(environment: unknown, options: object, context: undefined, asObject: true): TemplateSpecObject;
  };
}
type TemplateSpecObject = Parameters<HandlebarsEnv["template"]>[0];

/**
 * What `Handlebars.compile` makes of a template before binding it to its environment
 * (compiler.js compileInput: parse — which applies whitespace control to an AST — Compiler,
 * JavaScriptCompiler as an object), with a fresh copy of the options as compile takes one.
 */
function templateSpec(hbs: HandlebarsEnv, ast: hbs.AST.Program): TemplateSpecObject {
  const options = { ...COMPILE_OPTIONS };
  const internals = hbs as unknown as CompilerInternals;
  const program = hbs.parse(ast as unknown as string, options as Handlebars.ParseOptions);
  const environment = new internals.Compiler().compile(program, options);
  return new internals.JavaScriptCompiler().compile(environment, options, undefined, true);
}

/** Remember, on an error with no position of its own, the template it came out of (innermost). */
export function tagErrorSource(e: unknown, display: string): void {
  if (e !== null && typeof e === "object" && !("gongwenSource" in e)) {
    Object.defineProperty(e, "gongwenSource", { value: display, enumerable: false });
  }
}

export interface TemplateErrorText {
  /** File and position: templates/summary.md.hbs:12:5 (column 1-based). */
  where: string;
  zh: string;
  en: string;
}

function where(source: string, line?: number, column?: number): string {
  if (line === undefined) return source;
  return column === undefined ? `${source}:${line}` : `${source}:${line}:${column + 1}`;
}

/**
 * Word an error raised while compiling or rendering a template, or return undefined when it is
 * not a template error (a bug, to be rethrown). `units` finds a template's index by its path.
 */
export function describeTemplateError(
  e: unknown,
  fallbackSource: string,
  units: (display: string) => CompiledUnit | undefined,
): TemplateErrorText | undefined {
  if (e === null || typeof e !== "object") return undefined;
  const err = e as Error & {
    gongwenMissing?: MissingVariable;
    gongwenSource?: string;
    lineNumber?: number;
    column?: number;
  };
  const source = err.gongwenSource ?? fallbackSource;

  if (err.gongwenMissing) {
    const { name, loc } = err.gongwenMissing;
    const file = loc.source ?? source;
    const path = units(file)?.index.paths.get(locKey(loc)) ?? name;
    return {
      where: where(file, loc.line, loc.column),
      zh: `模板变量 ${path} 不存在`,
      en: `template variable ${path} does not exist`,
    };
  }
  if (err instanceof LocatedHelperError) {
    const file = err.loc?.source ?? source;
    const start = err.loc?.start;
    // Helper messages name their helper; output errors are prefixed with what was printed.
    let prefix = { zh: "", en: "" };
    if (err.helper === "{{ }}" || err.helper === "{{{ }}}") {
      const subject = (start && units(file)?.index.outputs.get(locKey(start))) ?? err.helper;
      prefix = { zh: `${subject}：`, en: `${subject}: ` };
    }
    return {
      where: where(file, start?.line, start?.column),
      zh: prefix.zh + err.helperError.zh,
      en: prefix.en + err.helperError.en,
    };
  }
  if (err instanceof TemplateCheckError) {
    return {
      where: where(err.loc?.source ?? source, err.loc?.start.line, err.loc?.start.column),
      zh: err.zh,
      en: err.en,
    };
  }
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return {
      where: source,
      zh: "模板嵌套过深（局部模板是否互相调用？）",
      en: "templates nest too deeply (do partials call each other?)",
    };
  }
  const message = typeof err.message === "string" ? err.message : "";
  const lexical = /^Lexical error on line (\d+)[.:]/.exec(message);
  if (lexical) {
    return {
      where: where(source, Number(lexical[1])),
      zh: "模板语法错误：无法识别的文字（是否有未闭合的注释 {{!-- 或 {{ 标记？）",
      en: "template syntax error: unrecognised text (an unclosed {{!-- comment or {{ tag?)",
    };
  }
  const parse = /^Parse error on line (\d+):/.exec(message);
  if (parse) {
    const detail = message.split("\n").pop() ?? "";
    return {
      where: where(source, Number(parse[1])),
      zh: `模板语法错误：${detail}`,
      en: `template syntax error: ${detail}`,
    };
  }
  if (!(err instanceof (runtime as unknown as { Exception: ErrorConstructor }).Exception)) return undefined;
  // Handlebars' Exception; its message may end with " - line:column".
  const bare = message.replace(/ - \d+:\d+$/, "");
  const located = err.lineNumber !== undefined ? where(source, err.lineNumber, err.column) : source;
  let m: RegExpExecArray | null;
  if ((m = /^You specified knownHelpersOnly, but used the unknown helper (.+)$/.exec(bare))) {
    const name = m[1]!;
    const zhExtra = name === "lookup" ? "（lookup 已停用，直接写路径，如 a.b）" : "";
    const enExtra = name === "lookup" ? " (lookup is disabled; write the path, e.g. a.b)" : "";
    return { where: located, zh: `未知的辅助函数 ${name}${zhExtra}`, en: `unknown helper ${name}${enExtra}` };
  }
  if ((m = /^(.+) doesn't match (.+)$/.exec(bare))) {
    return {
      where: located,
      zh: `块 {{#${m[1]}}} 与结束标记 {{/${m[2]}}} 不匹配`,
      en: `block {{#${m[1]}}} is closed by {{/${m[2]}}}`,
    };
  }
  if ((m = /^The partial (.+) could not be found$/.exec(bare))) {
    const at = units(source)?.index.partials.get(m[1]!);
    return {
      where: at ? where(at.source ?? source, at.start.line, at.start.column) : located,
      zh: `找不到局部模板 ${m[1]}`,
      en: `partial ${m[1]} not found`,
    };
  }
  if (/^Must pass iterator to #each$/.test(bare)) {
    return { where: located, zh: "#each 需要一个列表", en: "#each needs a list" };
  }
  if (/^#(if|unless|with) requires exactly one argument$/.test(bare)) {
    return { where: located, zh: `${bare.split(" ")[0]} 只接受一个参数`, en: bare };
  }
  return { where: located, zh: `模板错误：${bare}`, en: `template error: ${bare}` };
}
