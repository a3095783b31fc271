/**
 * Finding template files. A template named `letters/reply-refused` is the file
 * `letters/reply-refused.md.hbs`, looked up first in the user's --templates DIR and then in
 * the built-in templates/ folder. Partials are every `*.md.hbs` under a `partials/` folder of
 * either place (the user's first), named by their path below it without the extension.
 *
 * From a user's folder only regular files inside it are read: every path is resolved (links
 * followed) and must stay inside the folder; a link out of it, a FIFO or a device is refused
 * (exit 2, naming the template) rather than skipped or followed. Templates are at most
 * MAX_TEMPLATE_BYTES, UTF-8 (BOM allowed) and contain no NUL byte.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { UserError } from "../util/errors.js";
import { readInputText } from "../util/read-input.js";
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
  /** The user's templates folder the file was found in (its reads are confined to it). */
  root?: string;
}

/** Largest template file read, in bytes (the built-in ones are under 20 KB). */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

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
    // Anything under the name (a link, a FIFO) is the user's template: readTemplate checks it.
    if (lstatOrNull(file)) return { name, file, display: userDisplay(userDir, rel), root: resolve(userDir) };
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

function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** A linked folder is walked only when it resolves inside `root` (else its files are refused on read). */
function isDirInside(entry: Dirent, file: string, root: string | undefined): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink() || root === undefined) return false;
  try {
    return statSync(file).isDirectory() && inside(realpathSync(file), realpathSync(root));
  } catch {
    return false;
  }
}

function inside(real: string, rootReal: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);
}

function walk(
  dir: string,
  relBase: string,
  out: { rel: string; file: string }[],
  root: string | undefined,
  depth = 0,
): void {
  if (depth > 32) return; // a folder loop through links
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    if (entry.name.startsWith(".")) continue;
    const file = join(dir, entry.name);
    const rel = relBase ? `${relBase}/${entry.name}` : entry.name;
    if (isDirInside(entry, file, root)) walk(file, rel, out, root, depth + 1);
    // A user's link, FIFO or device under a template name is listed, and refused when read.
    else if (entry.name.endsWith(TEMPLATE_EXT) && (entry.isFile() || root !== undefined))
      out.push({ rel, file });
  }
}

/** Partials of one templates folder (sorted by name). */
function partialsIn(root: string, display: (rel: string) => string, user: boolean): TemplateFile[] {
  const dir = join(root, PARTIALS_FOLDER);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const found: { rel: string; file: string }[] = [];
  walk(dir, "", found, user ? root : undefined);
  return found.map(({ rel, file }) => ({
    name: rel.slice(0, -TEMPLATE_EXT.length),
    file,
    display: display(`${PARTIALS_FOLDER}/${rel}`),
    ...(user ? { root } : {}),
  }));
}

/** All partials: the user's, then the built-in ones the user did not override. */
export function findPartials(
  userDir: string | undefined,
  builtinDir: string = TEMPLATES_DIR,
): TemplateFile[] {
  const user =
    userDir === undefined ? [] : partialsIn(resolve(userDir), (rel) => userDisplay(userDir, rel), true);
  const names = new Set(user.map((p) => p.name));
  const builtin = partialsIn(builtinDir, (rel) => builtinDisplay(join(builtinDir, rel)), false).filter(
    (p) => !names.has(p.name),
  );
  return [...user, ...builtin];
}

/**
 * The real path of a user's template, checked to stay inside its folder, or a UserError naming
 * the template. Built-in templates are returned as they are.
 */
export function confinedPath(file: TemplateFile, lang: Lang = "zh"): string {
  if (file.root === undefined) return file.file;
  let real: string;
  let rootReal: string;
  try {
    rootReal = realpathSync(file.root);
    real = realpathSync(file.file);
  } catch {
    throw new UserError(
      t(
        lang,
        `无法读取模板 ${file.display}：链接指向的文件不存在`,
        `cannot read template ${file.display}: it links to a file that does not exist`,
      ),
    );
  }
  if (!inside(real, rootReal))
    throw new UserError(
      t(
        lang,
        `无法读取模板 ${file.display}：它是指向模板目录之外的链接，不予读取`,
        `cannot read template ${file.display}: it links outside the templates folder and is not read`,
      ),
    );
  return real;
}

/**
 * A template's text: a regular file (inside the user's folder for a user template), at most
 * MAX_TEMPLATE_BYTES, strictly UTF-8 (byte-order mark removed), with no NUL byte.
 */
export function readTemplate(file: TemplateFile, lang: Lang = "zh"): string {
  const real = confinedPath(file, lang);
  const text = readInputText(real, {
    lang,
    regularOnly: true,
    limit: MAX_TEMPLATE_BYTES,
    shownAs: file.display,
  });
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    const line = text.slice(0, nul).split("\n").length;
    throw new UserError(
      t(
        lang,
        `${file.display}:${line}：模板中有 NUL 字符（不是文本文件？）`,
        `${file.display}:${line}: the template contains a NUL character (not a text file?)`,
      ),
    );
  }
  return text;
}
