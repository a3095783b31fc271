/**
 * Checks and rewrites a parsed Handlebars template before it is compiled:
 *
 * - every `{{expr}}` becomes `{{__text expr}}` (Markdown-escaped text) and every `{{{expr}}}`
 *   becomes `{{{__raw expr}}}` (raw Markdown), so that both check the value's type and so
 *   that every variable lookup is a strict own-property lookup (see handlebars-env.ts);
 * - mustache-style sections (`{{#items}}`, `{{^items}}`), decorators other than `*inline`,
 *   literal mustaches (`{{"key"}}`) and prototype names (`constructor`, `__proto__` …) are
 *   rejected with their position;
 * - every path's position is indexed so that a runtime error can name the full path.
 */

export interface Position {
  line: number;
  column: number;
}

export interface Loc {
  start: Position;
  end?: Position;
  source?: string;
}

/** A compile-time problem at a template position. */
export class TemplateCheckError extends Error {
  constructor(
    readonly loc: Loc | undefined,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "TemplateCheckError";
  }
}

/** The helper every `{{expr}}` is routed through (escapes Markdown specials). */
export const TEXT_HELPER = "__text";
/** The helper every `{{{expr}}}` is routed through (raw Markdown). */
export const RAW_HELPER = "__raw";

/** Names that would reach into JavaScript prototypes; never valid in a path. */
const FORBIDDEN_SEGMENTS = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

/* Loose shapes of the Handlebars AST (hbs.AST in handlebars' own types). */
interface Node {
  type: string;
  loc?: Loc;
}
interface PathNode extends Node {
  type: "PathExpression";
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}
interface HashNode extends Node {
  pairs: { key: string; value: Node }[];
}
interface CallNode extends Node {
  path: Node;
  params: Node[];
  hash?: HashNode;
}
interface MustacheNode extends CallNode {
  escaped: boolean;
  strip?: unknown;
}
interface BlockNode extends CallNode {
  program?: ProgramNode;
  inverse?: ProgramNode;
}
interface PartialNode extends Node {
  name: Node;
  params: Node[];
  hash?: HashNode;
  program?: ProgramNode;
}
interface ProgramNode extends Node {
  body: Node[];
}

/** What the rewrite learned about a template, for error messages. */
export interface TemplateIndex {
  /** `line:column` of a path → the path as written (e.g. `facts.overdue.count`). */
  paths: Map<string, string>;
  /** `line:column` of an output mustache → what it prints, as written. */
  outputs: Map<string, string>;
  /** Partial name → where it is first called. */
  partials: Map<string, Loc>;
}

export function locKey(p: Position): string {
  return `${p.line}:${p.column}`;
}

function isLiteral(n: Node): boolean {
  return /Literal$/.test(n.type);
}

function simpleHelperName(n: Node, knownHelpers: ReadonlySet<string>): string | undefined {
  if (n.type !== "PathExpression") return undefined;
  const p = n as PathNode;
  const name = p.parts[0];
  if (p.data || p.depth !== 0 || p.parts.length !== 1 || name === undefined) return undefined;
  if (p.original !== name) return undefined; // this.x, ./x, [x] are context lookups
  return knownHelpers.has(name) ? name : undefined;
}

export function checkAndRewrite(program: unknown, knownHelpers: ReadonlySet<string>): TemplateIndex {
  const index: TemplateIndex = { paths: new Map(), outputs: new Map(), partials: new Map() };

  const expr = (n: Node | undefined): void => {
    if (!n) return;
    if (n.type === "PathExpression") {
      const p = n as PathNode;
      for (const part of p.parts) {
        if (FORBIDDEN_SEGMENTS.has(part)) {
          throw new TemplateCheckError(
            p.loc,
            `不允许访问 ${part}（模板只能读取数据本身的属性）`,
            `access to ${part} is not allowed (templates may only read the data's own properties)`,
          );
        }
      }
      if (p.loc) index.paths.set(locKey(p.loc.start), p.original);
    } else if (n.type === "SubExpression") {
      call(n as CallNode);
    }
  };
  const hash = (h: HashNode | undefined): void => h?.pairs.forEach((pair) => expr(pair.value));
  /** A helper call (a mustache or block with arguments, or a subexpression). */
  const call = (c: CallNode): void => {
    if (!simpleHelperName(c.path, knownHelpers)) {
      const p = c.path as PathNode;
      const name = c.path.type === "PathExpression" ? p.original : "…";
      if (
        c.path.type === "PathExpression" &&
        !p.data &&
        p.depth === 0 &&
        p.parts.length === 1 &&
        p.original === p.parts[0]
      ) {
        const hint =
          name === "lookup"
            ? {
                zh: "（lookup 已停用，直接写路径，如 a.b 或 a.[键 名]）",
                en: " (lookup is disabled; write the path, e.g. a.b or a.[key name])",
              }
            : { zh: "", en: "" };
        throw new TemplateCheckError(
          c.loc,
          `未知的辅助函数 ${name}${hint.zh}`,
          `unknown helper ${name}${hint.en}`,
        );
      }
      throw new TemplateCheckError(
        c.loc,
        `${name} 不是辅助函数，不能带参数`,
        `${name} is not a helper and cannot take arguments`,
      );
    }
    c.params.forEach(expr);
    hash(c.hash);
  };

  const describe = (n: Node): string => {
    if (n.type === "PathExpression") return (n as PathNode).original;
    if (n.type === "SubExpression") {
      const path = (n as CallNode).path;
      return path.type === "PathExpression" ? `(${(path as PathNode).original} …)` : "(…)";
    }
    return n.type;
  };

  const mustache = (m: MustacheNode): MustacheNode => {
    if (isLiteral(m.path)) {
      throw new TemplateCheckError(
        m.loc,
        "{{ }} 中须是变量或辅助函数，不能是字面量（键名含空格时写 {{[键 名]}}）",
        "{{ }} must hold a variable or a helper call, not a literal (write {{[key name]}} for keys with spaces)",
      );
    }
    const hasArgs = m.params.length > 0 || (m.hash !== undefined && m.hash.pairs.length > 0);
    if (hasArgs) call(m);
    else expr(m.path);
    let inner: Node;
    if (
      m.params.length > 0 ||
      (m.hash && m.hash.pairs.length > 0) ||
      simpleHelperName(m.path, knownHelpers)
    ) {
      inner = { type: "SubExpression", path: m.path, params: m.params, hash: m.hash, loc: m.loc } as CallNode;
    } else {
      inner = m.path;
    }
    const helper = m.escaped ? TEXT_HELPER : RAW_HELPER;
    if (m.loc) index.outputs.set(locKey(m.loc.start), describe(inner));
    const path: PathNode = {
      type: "PathExpression",
      data: false,
      depth: 0,
      parts: [helper],
      original: helper,
      loc: m.loc,
    };
    return {
      type: "MustacheStatement",
      path,
      params: [inner],
      hash: undefined,
      escaped: m.escaped,
      strip: m.strip,
      loc: m.loc,
    } as MustacheNode;
  };

  const programBody = (p: ProgramNode | undefined): void => {
    if (!p) return;
    p.body = p.body.map(statement);
  };

  const statement = (s: Node): Node => {
    switch (s.type) {
      case "MustacheStatement":
        return mustache(s as MustacheNode);
      case "BlockStatement": {
        const b = s as BlockNode;
        if (!simpleHelperName(b.path, knownHelpers)) {
          const name = b.path.type === "PathExpression" ? (b.path as PathNode).original : "…";
          throw new TemplateCheckError(
            b.loc,
            `{{#${name}}} 不是块辅助函数；按条件选择用 {{#if ${name}}}，遍历列表用 {{#each ${name}}}`,
            `{{#${name}}} is not a block helper; use {{#if ${name}}} to choose or {{#each ${name}}} to iterate`,
          );
        }
        call(b);
        programBody(b.program);
        programBody(b.inverse);
        return s;
      }
      case "PartialStatement":
      case "PartialBlockStatement": {
        const p = s as PartialNode;
        if (p.name.type === "SubExpression") call(p.name as CallNode);
        else {
          const name = String(
            (p.name as PathNode).original ?? (p.name as unknown as { value: unknown }).value,
          );
          if (p.loc && !index.partials.has(name)) index.partials.set(name, p.loc);
        }
        p.params.forEach(expr);
        hash(p.hash);
        programBody(p.program);
        return s;
      }
      case "DecoratorBlock": {
        const d = s as BlockNode;
        const name = d.path.type === "PathExpression" ? (d.path as PathNode).original : "";
        if (name !== "inline") {
          throw new TemplateCheckError(d.loc, `不支持装饰器 *${name}`, `decorator *${name} is not supported`);
        }
        d.params.forEach(expr);
        programBody(d.program);
        return s;
      }
      case "Decorator":
        throw new TemplateCheckError(s.loc, "不支持装饰器", "decorators are not supported");
      default:
        return s; // ContentStatement, CommentStatement
    }
  };

  programBody(program as ProgramNode);
  return index;
}
