/**
 * Assessment schemes (schemas/assessment.schema.json): reading, checking and resolving them.
 * A scheme is data — criteria with points, a method and the rules that feed them, plus
 * per-rule settings like .eslintrc. Every problem in a scheme file is reported at once, each
 * with file, line:column, JSON pointer and a sentence, by the same machinery as dataset
 * validation (src/data: json-source for positions, schema-errors for ajv's errors).
 *
 * Default scheme: when no --scheme is given, the shipped scheme for the data's year
 * (defaultSchemeFile): samples/assessment-2014.json (the criteria the 2014 reference summary
 * names; data years to 2019) or samples/assessment-2019.json (based on the 2019 regulation).
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { ajv2020 } from "../util/ajv-lazy.js";
import { escapePointer, type Issue, type IssueCode } from "../data/issue.js";
import { parseJsonText } from "../data/json-source.js";
import { pick, type Msg } from "../data/messages.js";
import { schemaIssues } from "../data/schema-errors.js";
import { nearestName } from "../data/suggest.js";
import { formatValidationError, issuePosition, type ValidationError } from "../data/validate.js";
import { readDatasetText } from "../data/load.js";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import { SAMPLES_DIR, SCHEMAS_DIR } from "../util/paths.js";
import { SEVERITIES, type RuleLevel, type Severity } from "./finding.js";
import { RULES, ruleById } from "./registry.js";
import { isBonusRule, type RuleModule, type RuleOptions } from "./rule.js";

export const SCHEME_SCHEMA_FILE = resolve(SCHEMAS_DIR, "assessment.schema.json");
/** The scheme used when none is given. */
export const DEFAULT_SCHEME_FILE = resolve(SAMPLES_DIR, "assessment-2014.json");

export type MethodType = "pass-fail" | "per-finding" | "rate" | "bonus";

export interface Method {
  type: MethodType;
  /** per-finding: points off per finding; bonus: points per highlight. */
  points?: number;
  /** per-finding: most points off (default: the criterion's points). */
  cap?: number;
}

/**
 * A criterion with nothing to judge (无数据): not scored, the total is out of fewer points
 * (default); zero points; or full points (only when a scheme says so).
 */
export const NO_DATA_SCORING = ["not-scored", "zero", "full-points"] as const;
export type NoDataScoring = (typeof NO_DATA_SCORING)[number];

/** A scheme file as written. */
export interface SchemeFile {
  $schema?: string;
  id: string;
  title: string;
  description?: string;
  years?: { from: number; until?: number };
  total?: number;
  decimals?: number;
  noData?: NoDataScoring;
  rules?: Record<string, RuleLevel | { severity?: RuleLevel; options?: RuleOptions }>;
  criteria: {
    id: string;
    title: string;
    group?: string;
    points: number;
    method: Method;
    rules: (string | { id: string; points?: number })[];
    note?: string;
  }[];
}

export interface CriterionRule {
  id: string;
  /** Deduction (per-finding) or bonus per highlight for this rule; null: the method's. */
  points: number | null;
}

export interface Criterion {
  id: string;
  title: string;
  group: string | null;
  points: number;
  method: Method;
  rules: CriterionRule[];
  note: string | null;
}

export interface RuleSetting {
  level: RuleLevel;
  /** The rule's defaults with the scheme's options over them. */
  options: RuleOptions;
  /** The scheme changed the severity or options. */
  configured: boolean;
}

/** A checked scheme with every registered rule's setting resolved. */
export interface Scheme {
  /** The file it was read from (null when built in code). */
  file: string | null;
  id: string;
  title: string;
  description: string | null;
  /** The data years it applies to (until null: still in use); null when it does not say. */
  years: { from: number; until: number | null } | null;
  total: number;
  decimals: number;
  /** How a criterion with nothing to judge (无数据) is scored. */
  noData: NoDataScoring;
  criteria: Criterion[];
  /** Every registered rule's setting, by id. */
  rules: Map<string, RuleSetting>;
}

/** A UserError (exit 2) listing every problem of a scheme with its position. */
export class SchemeError extends UserError {
  readonly errors: ValidationError[];
  constructor(message: string, errors: ValidationError[], lang: Lang) {
    super(
      message,
      errors.map((e) => formatValidationError(e, lang)),
    );
    this.name = "SchemeError";
    this.errors = errors;
  }
}

/**
 * One ajv instance for the scheme schema and every rule's options schema: each instance compiles
 * the JSON Schema meta-schema (some 50 ms) the first time it checks a schema.
 */
let sharedAjv: Ajv2020 | undefined;
function schemeAjv(): Ajv2020 {
  sharedAjv ??= new (ajv2020().Ajv2020)({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
  });
  return sharedAjv;
}

let schemeValidator: ValidateFunction | undefined;
function validator(): ValidateFunction {
  schemeValidator ??= schemeAjv().compile(JSON.parse(readFileSync(SCHEME_SCHEMA_FILE, "utf8")) as object);
  return schemeValidator;
}

const optionValidators = new Map<string, ValidateFunction>();
function optionsValidator(rule: RuleModule): ValidateFunction | undefined {
  if (!rule.options) return undefined;
  let v = optionValidators.get(rule.id);
  if (!v) {
    v = schemeAjv().compile({ type: "object", additionalProperties: false, ...rule.options.schema });
    optionValidators.set(rule.id, v);
  }
  return v;
}

function issue(pointer: string, code: IssueCode, message: Msg, anchor: "value" | "key" = "value"): Issue {
  return { pointer, anchor, code, message };
}

const rulePtr = (id: string) => `/rules/${escapePointer(id)}`;

function unknownRule(pointer: string, id: string, anchor: "value" | "key"): Issue {
  const near = nearestName(
    id,
    RULES.map((r) => r.id),
  );
  return issue(
    pointer,
    "dangling-reference",
    near
      ? {
          zh: `未知的审核规则 ${id}，是否应为 ${near}？`,
          en: `unknown audit rule ${id}; did you mean ${near}?`,
        }
      : {
          zh: `未知的审核规则 ${id}（gongwen audit --rules 列出全部规则）`,
          en: `unknown audit rule ${id} (gongwen audit --rules lists every rule)`,
        },
    anchor,
  );
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks beyond the schema: known rules, their options, methods that fit the rules, the total.
 * They run on whatever parts have the right shape, so a file with schema errors gets these
 * reported in the same run.
 */
function semanticIssues(s: unknown): Issue[] {
  const out: Issue[] = [];
  if (!isObj(s)) return out;
  for (const [id, setting] of Object.entries(isObj(s.rules) ? s.rules : {})) {
    const rule = ruleById(id);
    if (!rule) {
      out.push(unknownRule(rulePtr(id), id, "key"));
      continue;
    }
    if (!isObj(setting) || setting.options === undefined) continue;
    const validate = optionsValidator(rule);
    if (!validate) {
      out.push(
        issue(`${rulePtr(id)}/options`, "not-allowed", {
          zh: `规则 ${id} 没有可设置的选项`,
          en: `rule ${id} takes no options`,
        }),
      );
      continue;
    }
    if (!validate(setting.options)) {
      const prefix = `${rulePtr(id)}/options`;
      const errors = (validate.errors ?? []).map((e): ErrorObject => ({
        ...e,
        instancePath: prefix + e.instancePath,
      }));
      out.push(...schemaIssues(errors, s));
    }
  }

  const criteria = Array.isArray(s.criteria) ? s.criteria : [];
  const seen = new Map<string, number>();
  let base = 0;
  let summable = criteria.length > 0;
  criteria.forEach((c: unknown, i) => {
    const at = `/criteria/${i}`;
    if (!isObj(c)) {
      summable = false;
      return;
    }
    const method = isObj(c.method) ? c.method : {};
    const type = typeof method.type === "string" ? method.type : undefined;
    const points = typeof c.points === "number" ? c.points : undefined;
    if (typeof c.id === "string") {
      if (seen.has(c.id))
        out.push(
          issue(`${at}/id`, "duplicate-id", {
            zh: `考核项编号 ${c.id} 重复（已用于第 ${seen.get(c.id)! + 1} 项）`,
            en: `criterion id ${c.id} is used twice (also by criterion ${seen.get(c.id)! + 1})`,
          }),
        );
      else seen.set(c.id, i);
    }
    if (points === undefined || type === undefined) summable = false;
    else if (type !== "bonus") base += points;
    if (
      type === "per-finding" &&
      typeof method.cap === "number" &&
      points !== undefined &&
      method.cap > points
    )
      out.push(
        issue(`${at}/method/cap`, "range", {
          zh: `扣分上限 ${method.cap} 不能超过该项分值 ${points}（扣分不会使一项得分低于0）`,
          en: `the cap ${method.cap} cannot exceed the criterion's ${points} points (a criterion never goes below zero)`,
        }),
      );
    const rules = Array.isArray(c.rules) ? c.rules : [];
    const ruleIds = new Set<string>();
    rules.forEach((r: unknown, j) => {
      const id = typeof r === "string" ? r : isObj(r) && typeof r.id === "string" ? r.id : undefined;
      if (id === undefined) return;
      const rp = `${at}/rules/${j}` + (typeof r === "string" ? "" : "/id");
      const rule = ruleById(id);
      if (!rule) {
        out.push(unknownRule(rp, id, "value"));
        return;
      }
      if (ruleIds.has(id))
        out.push(
          issue(rp, "duplicate-id", {
            zh: `规则 ${id} 在本项中重复列出`,
            en: `rule ${id} is listed twice in this criterion`,
          }),
        );
      ruleIds.add(id);
      if (type === undefined) return;
      if (isObj(r) && r.points !== undefined && !["per-finding", "bonus"].includes(type))
        out.push(
          issue(`${at}/rules/${j}/points`, "not-allowed", {
            zh: `计分方式 ${type} 不按条扣分，此处不能设置 points`,
            en: `method ${type} does not count findings; points is not allowed here`,
          }),
        );
      const bonusMethod = type === "bonus";
      if (bonusMethod !== isBonusRule(rule))
        out.push(
          issue(
            rp,
            "inconsistent",
            bonusMethod
              ? {
                  zh: `加分项只能由加分规则计分，${id} 是查找问题的规则`,
                  en: `a bonus criterion counts highlights; ${id} finds defects`,
                }
              : {
                  zh: `${id} 是加分规则，只能用于计分方式为 bonus 的考核项`,
                  en: `${id} finds highlights; only a bonus criterion can use it`,
                },
          ),
        );
    });
    if (type === "rate") {
      const measured = rules.filter((r: unknown) => {
        const id = typeof r === "string" ? r : isObj(r) && typeof r.id === "string" ? r.id : "";
        return ruleById(id)?.measure !== undefined;
      });
      if (rules.length !== 1 || measured.length !== 1) {
        const names = RULES.filter((r) => r.measure).map((r) => r.id);
        out.push(
          issue(`${at}/rules`, "inconsistent", {
            zh: `按比例计分（rate）的考核项须恰好列出一条可计算比例的规则（可用：${names.join("、")}）`,
            en: `a rate criterion lists exactly one rule that measures a rate (one of: ${names.join(", ")})`,
          }),
        );
      }
    }
  });
  const total = typeof s.total === "number" ? s.total : 100;
  if (summable && Math.abs(base - total) > 1e-9)
    out.push(
      issue("/criteria", "totals-mismatch", {
        zh: `各考核项（加分项除外）分值合计 ${fmt(base)}，与总分 ${fmt(total)} 不符`,
        en: `the criteria (bonus criteria aside) add up to ${fmt(base)}, not the total of ${fmt(total)}`,
      }),
    );
  return out;
}

function fmt(n: number): string {
  return String(Number(n.toPrecision(12)));
}

function resolveSettings(s: SchemeFile): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const rule of RULES) {
    const given = s.rules?.[rule.id];
    const defaults = rule.options?.defaults ?? {};
    if (given === undefined) {
      out.set(rule.id, { level: rule.defaultSeverity, options: { ...defaults }, configured: false });
    } else if (typeof given === "string") {
      out.set(rule.id, { level: given, options: { ...defaults }, configured: true });
    } else {
      out.set(rule.id, {
        level: given.severity ?? rule.defaultSeverity,
        options: { ...defaults, ...given.options },
        configured: true,
      });
    }
  }
  return out;
}

function toScheme(s: SchemeFile, file: string | null): Scheme {
  return {
    file,
    id: s.id,
    title: s.title,
    description: s.description ?? null,
    years: s.years ? { from: s.years.from, until: s.years.until ?? null } : null,
    total: s.total ?? 100,
    decimals: s.decimals ?? 1,
    noData: s.noData ?? "not-scored",
    criteria: s.criteria.map((c) => ({
      id: c.id,
      title: c.title,
      group: c.group ?? null,
      points: c.points,
      method: { ...c.method },
      rules: c.rules.map((r) =>
        typeof r === "string" ? { id: r, points: null } : { id: r.id, points: r.points ?? null },
      ),
      note: c.note ?? null,
    })),
    rules: resolveSettings(s),
  };
}

/** Check a scheme's JSON text; throws SchemeError listing every problem with file, line:column and pointer. */
export function parseScheme(text: string, fileName: string, lang: Lang = "zh"): Scheme {
  const parsed = parseJsonText(text);
  const fail = (errors: ValidationError[]): never => {
    const n = errors.length;
    throw new SchemeError(
      t(
        lang,
        `${fileName}：考核方案有 ${n} 处错误`,
        `${fileName}: ${n} error${n === 1 ? "" : "s"} in the assessment scheme`,
      ),
      errors,
      lang,
    );
  };
  if (!parsed.ok)
    return fail([
      {
        file: fileName,
        ...parsed.position,
        pointer: "",
        code: "syntax",
        message: pick(parsed.message, lang),
      },
    ]);
  const validate = validator();
  const issues = [
    ...(validate(parsed.data) ? [] : schemaIssues(validate.errors ?? [], parsed.data)),
    ...semanticIssues(parsed.data),
  ];
  if (issues.length === 0) return toScheme(parsed.data as SchemeFile, fileName);
  const seen = new Set<string>();
  const errors: ValidationError[] = [];
  for (const i of issues) {
    const message = pick(i.message, lang);
    const key = i.pointer + "\u0000" + message;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ file: fileName, ...issuePosition(parsed, i), pointer: i.pointer, code: i.code, message });
  }
  errors.sort(
    (a, b) =>
      a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  return fail(errors);
}

/**
 * The schemes gongwen ships (samples/assessment-*.json that state their years), in order of
 * their first year: the 2014 scheme of the reference summary (data years to 2019) and one based
 * on the 2019 regulation (from 2020), which accepts the processing fee Art. 42 allows.
 */
export const SHIPPED_SCHEME_FILES: readonly string[] = [
  DEFAULT_SCHEME_FILE,
  resolve(SAMPLES_DIR, "assessment-2019.json"),
];

const shippedYears = new Map<string, { from: number; until: number | null }>();

/**
 * The shipped scheme for a data year: the one whose years contain it; before the first, the
 * first; after the last, the last. Without a year, DEFAULT_SCHEME_FILE.
 */
export function defaultSchemeFile(year: number | undefined): string {
  if (year === undefined) return DEFAULT_SCHEME_FILE;
  const ranges = SHIPPED_SCHEME_FILES.map((f) => {
    let r = shippedYears.get(f);
    if (!r) {
      const y = (JSON.parse(readFileSync(f, "utf8")) as SchemeFile).years;
      r = y ? { from: y.from, until: y.until ?? null } : { from: -Infinity, until: null };
      shippedYears.set(f, r);
    }
    return { file: f, ...r };
  });
  const hit = ranges.find((r) => year >= r.from && (r.until === null || year <= r.until));
  if (hit) return hit.file;
  return year < ranges[0]!.from ? ranges[0]!.file : ranges[ranges.length - 1]!.file;
}

/**
 * Read and check a scheme file; when `file` is undefined, the shipped scheme for the data year
 * `year` (defaultSchemeFile).
 */
export function loadScheme(file: string | undefined, lang: Lang = "zh", year?: number): Scheme {
  const path = file ?? defaultSchemeFile(year);
  // Messages name the default scheme by its path from the working directory, like a given one.
  const shown = file ?? (relative(process.cwd(), path) || path);
  return parseScheme(readDatasetText(path, lang), shown, lang);
}

/** The effective severity of a rule under a scheme; null when it is off. */
export function ruleSeverity(scheme: Scheme, id: string): Severity | null {
  const level = scheme.rules.get(id)?.level ?? "off";
  return (SEVERITIES as readonly string[]).includes(level) ? (level as Severity) : null;
}
