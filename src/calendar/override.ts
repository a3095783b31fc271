/**
 * Local calendar override: local rest days, make-up workdays, and whole years the shipped data
 * does not cover yet. Validated against schemas/calendar-override.schema.json (JSON Schema
 * 2020-12), then checked for real dates and duplicates. Format: schemas/README-calendar.md.
 */
import { readFileSync } from "node:fs";
import { readInputText } from "../util/read-input.js";
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { ajv2020 } from "../util/ajv-lazy.js";
import { SCHEMAS_DIR } from "../util/paths.js";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import { tryParseDay } from "./dates.js";
import { localizeZh } from "../util/ajv-localize.js";

export interface CalendarOverrideDay {
  date: string;
  name: string;
  /** true: rest day; false: make-up workday. */
  isOffDay: boolean;
  note?: string;
}

export interface CalendarOverride {
  description?: string;
  /** Years declared complete by this override (needed for years without shipped data). */
  years?: number[];
  days: CalendarOverrideDay[];
}

export const CALENDAR_OVERRIDE_SCHEMA_FILE = join(SCHEMAS_DIR, "calendar-override.schema.json");

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(CALENDAR_OVERRIDE_SCHEMA_FILE, "utf8")) as object;
    const ajv = new (ajv2020().Ajv2020)({ allErrors: true, strict: true });
    validator = ajv.compile(schema);
  }
  return validator;
}

function errorLines(errors: ErrorObject[], lang: Lang): string[] {
  const copy = errors.map((e) => ({ ...e }));
  if (lang === "zh") localizeZh(copy);
  return copy.map((e) => `  ${e.instancePath || "/"}: ${e.message ?? e.keyword}`);
}

/**
 * Check a parsed override (schema, real dates, no date listed twice). `source` names the file
 * in messages.
 */
export function validateCalendarOverride(
  value: unknown,
  source: string,
  lang: Lang = "zh",
): CalendarOverride {
  const validate = getValidator();
  if (!validate(value))
    throw new UserError(
      t(lang, `日历覆盖文件不符合格式要求：${source}`, `Calendar override file is invalid: ${source}`),
      errorLines(validate.errors ?? [], lang),
    );
  const o = value as CalendarOverride;
  const problems: string[] = [];
  const seen = new Set<string>();
  o.days.forEach((d, i) => {
    if (tryParseDay(d.date) === undefined)
      problems.push(
        t(lang, `  /days/${i}/date: 不是真实日期 ${d.date}`, `  /days/${i}/date: not a real date ${d.date}`),
      );
    else if (seen.has(d.date))
      problems.push(
        t(lang, `  /days/${i}/date: ${d.date} 重复列出`, `  /days/${i}/date: ${d.date} is listed twice`),
      );
    seen.add(d.date);
  });
  if (problems.length > 0)
    throw new UserError(
      t(lang, `日历覆盖文件不符合格式要求：${source}`, `Calendar override file is invalid: ${source}`),
      problems,
    );
  return o;
}

/** Read, parse and validate an override file. */
export function loadCalendarOverride(file: string, lang: Lang = "zh"): CalendarOverride {
  const text = readInputText(file, { lang });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError(
      t(lang, `日历覆盖文件不是有效的 JSON：${file}`, `Calendar override file is not valid JSON: ${file}`),
      [`  ${(e as Error).message}`],
    );
  }
  return validateCalendarOverride(value, file, lang);
}
