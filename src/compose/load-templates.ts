/**
 * Finding template files. A template named `letters/reply-refused` is the file
 * `letters/reply-refused.md.hbs`, looked up first in the user's --templates DIR and then in
 * the built-in templates/ folder. Partials are every `*.md.hbs` under a `partials/` folder of
 * either place (the user's first), named by their path below it without the extension.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../util/paths.js";

export const TEMPLATE_EXT = ".md.hbs";
export const PARTIALS_FOLDER = "partials";

/** A template file found on disk. */
export interface TemplateFile {
  /** Name: `summary`, `letters/reply-refused`, or a partial's name. */
  name: string;
  /** Absolute path. */
  file: string;
  /** Path shown in messages: relative to the package for built-ins, as the user gave it otherwise. */
  display: string;
}

const NAME_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;

/** Check a template name: folders separated by /, no `..`, no absolute paths. */
export function checkTemplateName(name: string, lang: Lang = "zh"): void {
  if (!NAME_RE.test(name) || name.split("/").some((s) => s === ".." || s.startsWith("."))) {
    throw new UserError(
      t(
        lang,
        `模板名 ${JSON.stringify(name)} 无效（只能由字母、数字、_ - . 和表示子文件夹的 / 组成）`,
        `invalid template name ${JSON.stringify(name)} (letters, digits, _ - . and / for folders only)`,
      ),
    );
  }
}

function builtinDisplay(file: string): string {
  return relative(PACKAGE_ROOT, file).split(sep).join("/");
}

function userDisplay(userDir: string, rel: string): string {
  return join(userDir, rel).split(sep).join("/");
}

/** Check that a --templates DIR exists and is a folder. */
export function checkTemplatesDir(userDir: string, lang: Lang = "zh"): void {
  if (!existsSync(userDir) || !statSync(userDir).isDirectory()) {
    throw new UserError(t(lang, `模板目录不存在：${userDir}`, `templates folder not found: ${userDir}`));
  }
}

/**
 * Where a named template lives: the user's folder first, then the built-in one
 * (`builtinDir` is TEMPLATES_DIR except in tests).
 */
export function findTemplate(
  name: string,
  userDir: string | undefined,
  lang: Lang = "zh",
  builtinDir: string = TEMPLATES_DIR,
): TemplateFile {
  checkTemplateName(name, lang);
  const rel = name + TEMPLATE_EXT;
  const tried: string[] = [];
  if (userDir !== undefined) {
    const file = resolve(userDir, rel);
    if (existsSync(file) && statSync(file).isFile())
      return { name, file, display: userDisplay(userDir, rel) };
    tried.push(userDisplay(userDir, rel));
  }
  const builtin = resolve(builtinDir, rel);
  if (existsSync(builtin) && statSync(builtin).isFile())
    return { name, file: builtin, display: builtinDisplay(builtin) };
  tried.push(builtinDisplay(builtin));
  throw new UserError(
    t(
      lang,
      `找不到模板 ${name}（已查找：${tried.join("、")}）`,
      `template ${name} not found (looked for ${tried.join(", ")})`,
    ),
  );
}

function walk(dir: string, relBase: string, out: { rel: string; file: string }[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    if (entry.name.startsWith(".")) continue;
    const file = join(dir, entry.name);
    const rel = relBase ? `${relBase}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(file, rel, out);
    else if (entry.isFile() && entry.name.endsWith(TEMPLATE_EXT)) out.push({ rel, file });
  }
}

/** Partials of one templates folder (sorted by name). */
function partialsIn(root: string, display: (rel: string) => string): TemplateFile[] {
  const dir = join(root, PARTIALS_FOLDER);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const found: { rel: string; file: string }[] = [];
  walk(dir, "", found);
  return found.map(({ rel, file }) => ({
    name: rel.slice(0, -TEMPLATE_EXT.length),
    file,
    display: display(`${PARTIALS_FOLDER}/${rel}`),
  }));
}

/** All partials: the user's, then the built-in ones the user did not override. */
export function findPartials(
  userDir: string | undefined,
  builtinDir: string = TEMPLATES_DIR,
): TemplateFile[] {
  const user = userDir === undefined ? [] : partialsIn(resolve(userDir), (rel) => userDisplay(userDir, rel));
  const names = new Set(user.map((p) => p.name));
  const builtin = partialsIn(builtinDir, (rel) => builtinDisplay(join(builtinDir, rel))).filter(
    (p) => !names.has(p.name),
  );
  return [...user, ...builtin];
}

/** A template's text (UTF-8, byte-order mark removed). */
export function readTemplate(file: TemplateFile, lang: Lang = "zh"): string {
  try {
    return readFileSync(file.file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    throw new UserError(
      t(
        lang,
        `无法读取模板 ${file.display}：${(e as Error).message}`,
        `cannot read template ${file.display}: ${(e as Error).message}`,
      ),
    );
  }
}
