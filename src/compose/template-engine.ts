/**
 * Rendering a named template to Markdown. One engine per templates folder (the user's
 * --templates DIR, or none), kept for the life of the process: the user's partials are compiled
 * when the engine is made (a broken one is reported even when unused), built-in partials and all
 * templates on first use, and each is reused — a batch of 10,000 letters compiles each template
 * once. Built-in templates come precompiled from the build when their source is unchanged
 * (precompiled.ts); a user's templates always go through the runtime compile below.
 *
 * Limits: a hostile --templates folder cannot hang or exhaust the process. A render stops with
 * a UserError naming the template and the limit (exit 2) when partials nest deeper than
 * TEMPLATE_LIMITS.partialDepth, call more than .partialCalls partials, produce more than
 * .outputChars characters or run longer than .renderMs; a template with more than .blocks
 * block tags ({{#…}}, {{else…}}, {{^…}}) is refused before it is compiled (else-if chains
 * compile in time growing faster than their length: 3,000 take 8 s and overflow the stack).
 * The counts are deterministic; the time limit is a backstop for what they do not catch.
 */
import { resolve } from "node:path";
import type Handlebars from "handlebars";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import {
  compileUnit,
  createEnvironment,
  describeTemplateError,
  tagErrorSource,
  type CompiledUnit,
  type HandlebarsEnv,
} from "./handlebars-env.js";
import {
  checkTemplatesDir,
  findPartials,
  findTemplate,
  readTemplate,
  type TemplateFile,
} from "./load-templates.js";
import { TEMPLATES_DIR } from "../util/paths.js";
import { precompiledUnit } from "./precompiled.js";

/** Bounds on one render (see the module comment). The built-in templates use a small fraction. */
export const TEMPLATE_LIMITS = {
  partialDepth: 32,
  partialCalls: 100_000,
  outputChars: 16 * 1024 * 1024,
  renderMs: 20_000,
  blocks: 2_000,
} as const;

/** A render stopped at a limit: the template and the limit, in words. */
class TemplateLimitError extends Error {
  constructor(
    readonly source: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const BLOCK_TAG = /\{\{~?\s*(?:#|\^|else\b)/g;

export interface RenderedMarkdown {
  markdown: string;
  /** The template file, as shown in messages (templates/summary.md.hbs). */
  source: string;
}

function toUserError(
  e: unknown,
  fallbackSource: string,
  units: Map<string, CompiledUnit>,
  lang: Lang,
): unknown {
  if (e instanceof UserError) return e;
  if (e instanceof TemplateLimitError)
    return new UserError(`${e.source}${t(lang, "：", ": ")}${t(lang, e.zh, e.en)}`);
  const text = describeTemplateError(e, fallbackSource, (d) => units.get(d));
  if (!text) return e;
  return new UserError(`${text.where}${t(lang, "：", ": ")}${t(lang, text.zh, text.en)}`);
}

export class TemplateEngine {
  private readonly env: HandlebarsEnv = createEnvironment();
  /** Every compiled unit by display path (for error messages). */
  private readonly units = new Map<string, CompiledUnit>();
  private readonly templates = new Map<string, CompiledUnit>();
  /** The render in progress: partial depth, partial calls, start time. */
  private depth = 0;
  private calls = 0;
  private started = 0;

  /**
   * @param userDir the user's --templates DIR (checked first), or undefined
   * @param builtinDir the built-in templates folder (TEMPLATES_DIR; tests pass a fixture folder)
   */
  constructor(
    readonly userDir: string | undefined,
    lang: Lang = "zh",
    readonly builtinDir: string = TEMPLATES_DIR,
  ) {
    if (userDir !== undefined) checkTemplatesDir(userDir, lang);
    for (const partial of findPartials(userDir, builtinDir)) {
      // A user's partial is compiled now; a built-in one when it is first called.
      let unit: CompiledUnit | undefined =
        partial.root !== undefined ? this.compile(partial, lang) : undefined;
      const display = partial.display;
      this.env.registerPartial(partial.name, ((context: unknown, options: object) => {
        this.enterPartial(display);
        try {
          unit ??= this.compile(partial, lang);
          const out = unit.render(context, options);
          if (out.length > TEMPLATE_LIMITS.outputChars) throw this.outputLimit(display);
          return out;
        } catch (e) {
          tagErrorSource(e, display);
          throw e;
        } finally {
          this.depth--;
        }
      }) as unknown as Handlebars.TemplateDelegate);
    }
  }

  private enterPartial(display: string): void {
    this.depth++;
    this.calls++;
    const L = TEMPLATE_LIMITS;
    if (this.depth > L.partialDepth)
      throw new TemplateLimitError(
        display,
        `超出模板限制：局部模板嵌套超过 ${L.partialDepth} 层（局部模板是否调用自身？）`,
        `template limit exceeded: partials nest more than ${L.partialDepth} deep (does a partial call itself?)`,
      );
    if (this.calls > L.partialCalls)
      throw new TemplateLimitError(
        display,
        `超出模板限制：一次生成调用局部模板超过 ${L.partialCalls} 次`,
        `template limit exceeded: more than ${L.partialCalls} partial calls in one render`,
      );
    if ((this.calls & 255) === 0 && Date.now() - this.started > L.renderMs)
      throw new TemplateLimitError(
        display,
        `超出模板限制：生成时间超过 ${L.renderMs / 1000} 秒`,
        `template limit exceeded: rendering took more than ${L.renderMs / 1000} s`,
      );
  }

  private outputLimit(display: string): TemplateLimitError {
    const mb = TEMPLATE_LIMITS.outputChars / 1024 / 1024;
    return new TemplateLimitError(
      display,
      `超出模板限制：输出超过 ${mb}M 字符`,
      `template limit exceeded: output over ${mb}M characters`,
    );
  }

  private compile(file: TemplateFile, lang: Lang): CompiledUnit {
    const source = readTemplate(file, lang);
    const blocks = source.match(BLOCK_TAG)?.length ?? 0;
    if (blocks > TEMPLATE_LIMITS.blocks)
      throw new UserError(
        t(
          lang,
          `${file.display}：超出模板限制：块标记（{{#…}}、{{else…}}）共 ${blocks} 个，最多 ${TEMPLATE_LIMITS.blocks} 个`,
          `${file.display}: template limit exceeded: ${blocks} block tags ({{#…}}, {{else…}}), at most ${TEMPLATE_LIMITS.blocks}`,
        ),
      );
    try {
      const builtin = file.root === undefined && this.builtinDir === TEMPLATES_DIR;
      const unit =
        (builtin ? precompiledUnit(this.env, file.display, source) : undefined) ??
        compileUnit(this.env, source, file.display);
      this.units.set(file.display, unit);
      return unit;
    } catch (e) {
      throw toUserError(e, file.display, this.units, lang);
    }
  }

  /** The compiled template for a name (compiled on first use). */
  template(name: string, lang: Lang = "zh"): CompiledUnit {
    let unit = this.templates.get(name);
    if (!unit) {
      unit = this.compile(findTemplate(name, this.userDir, lang, this.builtinDir), lang);
      this.templates.set(name, unit);
    }
    return unit;
  }

  /** Whether a partial of that name exists (the user's or a built-in one). */
  hasPartial(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.env.partials, name);
  }

  /**
   * Render one partial by name with a context (code that chooses a partial, e.g. the
   * rectification of a finding by its rule id), under the limits of a render.
   */
  renderPartial(name: string, context: object, lang: Lang = "zh"): string {
    if (!this.hasPartial(name))
      throw new UserError(t(lang, `没有局部模板 ${name}`, `there is no partial ${name}`));
    const partial = this.env.partials[name] as unknown as (context: unknown, options: object) => string;
    this.depth = 0;
    this.calls = 0;
    this.started = Date.now();
    try {
      return partial(context, {});
    } catch (e) {
      throw toUserError(e, name, this.units, lang);
    }
  }

  /** Render a template with a context object. Template mistakes become UserErrors with a position. */
  render(name: string, context: object, lang: Lang = "zh"): RenderedMarkdown {
    const unit = this.template(name, lang);
    if (context === null || typeof context !== "object" || Array.isArray(context)) {
      throw new UserError(
        t(lang, `模板 ${name} 的数据须为对象`, `the data for template ${name} must be an object`),
      );
    }
    this.depth = 0;
    this.calls = 0;
    this.started = Date.now();
    try {
      const markdown = unit.render(context);
      if (markdown.length > TEMPLATE_LIMITS.outputChars) throw this.outputLimit(unit.display);
      return { markdown, source: unit.display };
    } catch (e) {
      throw toUserError(e, unit.display, this.units, lang);
    }
  }
}

const engines = new Map<string, TemplateEngine>();

/** The engine for a templates folder (undefined: built-in templates only), made once per process. */
export function getTemplateEngine(userDir: string | undefined, lang: Lang = "zh"): TemplateEngine {
  const key = userDir === undefined ? "" : resolve(userDir);
  let engine = engines.get(key);
  if (!engine) {
    engine = new TemplateEngine(userDir, lang);
    engines.set(key, engine);
  }
  return engine;
}

/** Forget every compiled template (tests that rewrite template files use this). */
export function clearTemplateCache(): void {
  engines.clear();
}
