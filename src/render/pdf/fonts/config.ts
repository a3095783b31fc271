/**
 * The font configuration file (schemas/fonts.schema.json): role → font file, optional extra
 * folders, and a switch for system fonts. Relative paths are resolved against the file.
 */
import { existsSync, readFileSync } from "node:fs";
import { readInputText } from "../../../util/read-input.js";
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { ajv2020 } from "../../../util/ajv-lazy.js";
import type { FontRole } from "../../../document/tree.js";
import { UserError } from "../../../util/errors.js";
import { t, type Lang } from "../../../util/i18n.js";
import { SCHEMAS_DIR } from "../../../util/paths.js";
import type { FaceSpec } from "./face.js";
import { localizeZh } from "../../../util/ajv-localize.js";

export type FontFileRef = string | { path: string; faceIndex?: number; postscriptName?: string };

export interface FontConfig {
  description?: string;
  fonts?: Partial<Record<FontRole, FontFileRef>>;
  fontDirs?: string[];
  systemFonts?: boolean;
}

export const FONTS_SCHEMA_FILE = join(SCHEMAS_DIR, "fonts.schema.json");

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(FONTS_SCHEMA_FILE, "utf8")) as object;
    validator = new (ajv2020().Ajv2020)({ allErrors: true, strict: true }).compile(schema);
  }
  return validator;
}

function errorLines(errors: ErrorObject[], lang: Lang): string[] {
  const copy = errors.map((e) => ({ ...e }));
  if (lang === "zh") localizeZh(copy);
  return copy.map((e) => `  ${e.instancePath || "/"}: ${e.message ?? e.keyword}`);
}

/** Validate a parsed configuration; `source` names it in messages. */
export function validateFontConfig(value: unknown, source: string, lang: Lang = "zh"): FontConfig {
  const validate = getValidator();
  if (!validate(value))
    throw new UserError(
      t(lang, `字体配置文件不符合格式要求：${source}`, `Font configuration is invalid: ${source}`),
      errorLines(validate.errors ?? [], lang),
    );
  return value as FontConfig;
}

/** Read and validate a configuration file; paths inside become absolute. */
export function loadFontConfig(file: string, lang: Lang = "zh"): FontConfig {
  const text = readInputText(file, { lang });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError(
      t(lang, `字体配置文件不是有效的 JSON：${file}`, `Font configuration is not valid JSON: ${file}`),
      [`  ${(e as Error).message}`],
    );
  }
  return absolutize(validateFontConfig(value, file, lang), dirname(resolve(file)));
}

function absolutize(c: FontConfig, base: string): FontConfig {
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  const fonts: Partial<Record<FontRole, FontFileRef>> = {};
  for (const [role, ref] of Object.entries(c.fonts ?? {}) as [FontRole, FontFileRef][]) {
    fonts[role] = typeof ref === "string" ? abs(ref) : { ...ref, path: abs(ref.path) };
  }
  return { ...c, fonts, ...(c.fontDirs ? { fontDirs: c.fontDirs.map(abs) } : {}) };
}

/** The face a configured role points to; a missing file is a user error. */
export function configuredFace(c: FontConfig, role: FontRole, lang: Lang = "zh"): FaceSpec | undefined {
  const ref = c.fonts?.[role];
  if (ref === undefined) return undefined;
  const spec: FaceSpec = typeof ref === "string" ? { path: ref } : { ...ref };
  if (!existsSync(spec.path))
    throw new UserError(
      t(
        lang,
        `字体配置中 ${role} 的字体文件不存在：${spec.path}`,
        `Font file for ${role} does not exist: ${spec.path}`,
      ),
    );
  return spec;
}
