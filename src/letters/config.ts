/**
 * The letters configuration (schemas/letters-config.schema.json): document-number patterns,
 * remedy sentences, basis overrides and the wording choices of the letters. An office keeps it at
 * `letters/config.json` inside its --templates DIR, next to its own templates. Every key is
 * optional; DEFAULT_LETTERS_CONFIG holds the documented defaults.
 *
 * The periods the law leaves open (the consultation answer period, the fee payment period) are
 * not here: they are interpretations the deadlines depend on, kept in the dataset's
 * `interpretations` (src/facts/interpretations.ts), so the letters and the audit count alike.
 */
import { existsSync, readFileSync } from "node:fs";
import { readInputText } from "../util/read-input.js";
import { dirname, join, resolve } from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { ajv2020 } from "../util/ajv-lazy.js";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import { SCHEMAS_DIR } from "../util/paths.js";
import { DOC_NUMBER_PLACEHOLDERS, unknownPlaceholders } from "./doc-number.js";
import { DEFAULT_REMEDY, REMEDY_PLACEHOLDERS, REMEDY_SENTENCE_KEYS, type RemedyConfig } from "./remedy.js";
import type { BasisOverrides } from "./basis.js";
import type { LetterKind } from "./kinds.js";
import type { SealMode } from "../render/seal.js";
import { localizeZh } from "../util/ajv-localize.js";

export const LETTERS_CONFIG_SCHEMA_FILE = resolve(SCHEMAS_DIR, "letters-config.schema.json");
/** Where the configuration sits inside a --templates DIR. */
export const LETTERS_CONFIG_FILE = join("letters", "config.json");

export interface LettersConfig {
  docNumber: Record<LetterKind, string | null>;
  remedy: RemedyConfig;
  basis: BasisOverrides;
  seal: boolean;
  /**
   * What a sealed letter shows where the seal goes (render/seal.ts): "none" (the default: the
   * letter is printed and stamped), "placeholder" (drafts) or "image" (sealImage).
   */
  sealMode: SealMode;
  /** The electronic seal (PNG) for sealMode "image"; a relative path is relative to the configuration file. */
  sealImage?: string;
  contactNote: boolean;
  correctionPeriodDays: number;
  feePayment: string;
}

export const DEFAULT_LETTERS_CONFIG: Readonly<LettersConfig> = Object.freeze({
  docNumber: Object.freeze({
    reply: "{short}公开复〔{year}〕{seq}号",
    receipt: "{short}公开收〔{year}〕{seq}号",
    correction: "{short}公开补〔{year}〕{seq}号",
    extension: "{short}公开延〔{year}〕{seq}号",
    consultation: "{short}公开征〔{year}〕{seq}号",
    "consultation-notice": "{short}公开告〔{year}〕{seq}号",
    fee: "{short}公开费〔{year}〕{seq}号",
  }),
  remedy: DEFAULT_REMEDY,
  basis: Object.freeze({}),
  seal: true,
  sealMode: "none",
  contactNote: true,
  correctionPeriodDays: 15,
  feePayment: "请通过政府非税收入收缴渠道缴纳，缴款方式可向本机关政府信息公开工作机构咨询。",
}) as LettersConfig;

type PartialConfig = {
  docNumber?: Partial<Record<LetterKind, string | null>>;
  remedy?: Partial<RemedyConfig>;
  basis?: BasisOverrides;
} & Partial<Omit<LettersConfig, "docNumber" | "remedy" | "basis">>;

/** Keys this configuration had before they became the dataset's interpretations. */
const MOVED_TO_INTERPRETATIONS = ["consultationAnswerDays", "feePaymentDays"] as const;

let validator: ValidateFunction | undefined;
function configValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new (ajv2020().Ajv2020)({ allErrors: true, strict: true, allowUnionTypes: true });
    validator = ajv.compile(JSON.parse(readFileSync(LETTERS_CONFIG_SCHEMA_FILE, "utf8")) as object);
  }
  return validator;
}

/** Check a parsed configuration and merge it over the defaults. `source` names it in messages. */
export function resolveLettersConfig(raw: unknown, source: string, lang: Lang = "zh"): LettersConfig {
  const moved = MOVED_TO_INTERPRETATIONS.filter(
    (k) => typeof raw === "object" && raw !== null && Object.hasOwn(raw, k),
  );
  if (moved.length > 0)
    throw new UserError(
      t(lang, `${source}：答复文本配置有误`, `${source}: invalid letters configuration`),
      moved.map((k) =>
        t(
          lang,
          `${source} /${k}：此项已移至数据文件的 interpretations（法律适用口径），使答复书与自查按同一期限计算；请从本文件删除，写入数据文件的 /interpretations/${k}`,
          `${source} /${k}: moved to the dataset's interpretations, so the letters and the audit count the same period; delete it here and set /interpretations/${k} in the dataset`,
        ),
      ),
    );
  const validate = configValidator();
  if (!validate(raw)) {
    const errors = (validate.errors ?? []).map((e) => ({ ...e }));
    if (lang === "zh") localizeZh(errors);
    const details = errors.map((e) => {
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      const what = e.instancePath || "/";
      return `${source} ${what}${t(lang, "：", ": ")}${e.message ?? ""}${extra ? `（${extra}）` : ""}`;
    });
    throw new UserError(
      t(lang, `${source}：答复文本配置有误`, `${source}: invalid letters configuration`),
      details,
    );
  }
  const p = raw as PartialConfig;
  const cfg: LettersConfig = {
    ...DEFAULT_LETTERS_CONFIG,
    ...stripObjects(p),
    docNumber: { ...DEFAULT_LETTERS_CONFIG.docNumber, ...p.docNumber },
    remedy: { ...DEFAULT_LETTERS_CONFIG.remedy, ...p.remedy },
    basis: { ...p.basis },
  };
  const problems: string[] = [];
  for (const [kind, pattern] of Object.entries(cfg.docNumber)) {
    if (pattern === null) continue;
    for (const u of unknownPlaceholders(pattern, DOC_NUMBER_PLACEHOLDERS))
      problems.push(
        t(
          lang,
          `${source} /docNumber/${kind}：未知的占位符 {${u}}（可用：{short} {year} {seq} {id}）`,
          `${source} /docNumber/${kind}: unknown placeholder {${u}} (known: {short} {year} {seq} {id})`,
        ),
      );
  }
  for (const key of REMEDY_SENTENCE_KEYS) {
    for (const u of unknownPlaceholders(cfg.remedy[key], REMEDY_PLACEHOLDERS))
      problems.push(
        t(
          lang,
          `${source} /remedy/${key}：未知的占位符 {${u}}（可用：{reconsiderationBody} {court}）`,
          `${source} /remedy/${key}: unknown placeholder {${u}} (known: {reconsiderationBody} {court})`,
        ),
      );
  }
  if (problems.length > 0)
    throw new UserError(
      t(lang, `${source}：答复文本配置有误`, `${source}: invalid letters configuration`),
      problems,
    );
  return cfg;
}

function stripObjects(p: PartialConfig): Partial<LettersConfig> {
  const {
    docNumber: _d,
    remedy: _r,
    basis: _b,
    ...rest
  } = p as PartialConfig & { $schema?: string; description?: string };
  const { $schema: _s, description: _desc, ...plain } = rest as Record<string, unknown>;
  return plain as Partial<LettersConfig>;
}

/** Read a configuration file (UserError when unreadable or invalid). */
export function loadLettersConfigFile(file: string, lang: Lang = "zh"): LettersConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readInputText(file, { lang }));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(
      t(
        lang,
        `无法读取答复文本配置 ${file}：${(e as Error).message}`,
        `cannot read letters configuration ${file}: ${(e as Error).message}`,
      ),
    );
  }
  const cfg = resolveLettersConfig(raw, file, lang);
  if (cfg.sealImage !== undefined) cfg.sealImage = resolve(dirname(file), cfg.sealImage);
  return cfg;
}

/** The configuration of a --templates DIR (its letters/config.json), or the defaults. */
export function lettersConfigFor(templatesDir: string | undefined, lang: Lang = "zh"): LettersConfig {
  if (templatesDir === undefined) return DEFAULT_LETTERS_CONFIG;
  const file = join(templatesDir, LETTERS_CONFIG_FILE);
  return existsSync(file) ? loadLettersConfigFile(file, lang) : DEFAULT_LETTERS_CONFIG;
}
