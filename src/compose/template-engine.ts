/**
 * Rendering a named template to Markdown. One engine per templates folder (the user's
 * --templates DIR, or none), kept for the life of the process: partials are compiled when the
 * engine is made, templates on first use, and both are reused — a batch of 10,000 letters
 * compiles each template once.
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
  const text = describeTemplateError(e, fallbackSource, (d) => units.get(d));
  if (!text) return e;
  return new UserError(`${text.where}${t(lang, "：", ": ")}${t(lang, text.zh, text.en)}`);
}

export class TemplateEngine {
  private readonly env: HandlebarsEnv = createEnvironment();
  /** Every compiled unit by display path (for error messages). */
  private readonly units = new Map<string, CompiledUnit>();
  private readonly templates = new Map<string, CompiledUnit>();

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
      const unit = this.compile(partial, lang);
      const render = unit.render;
      this.env.registerPartial(partial.name, ((context: unknown, options: object) => {
        try {
          return render(context, options);
        } catch (e) {
          tagErrorSource(e, unit.display);
          throw e;
        }
      }) as unknown as Handlebars.TemplateDelegate);
    }
  }

  private compile(file: TemplateFile, lang: Lang): CompiledUnit {
    const source = readTemplate(file, lang);
    try {
      const unit = compileUnit(this.env, source, file.display);
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

  /** Render a template with a context object. Template mistakes become UserErrors with a position. */
  render(name: string, context: object, lang: Lang = "zh"): RenderedMarkdown {
    const unit = this.template(name, lang);
    if (context === null || typeof context !== "object" || Array.isArray(context)) {
      throw new UserError(
        t(lang, `模板 ${name} 的数据须为对象`, `the data for template ${name} must be an object`),
      );
    }
    try {
      return { markdown: unit.render(context), source: unit.display };
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
