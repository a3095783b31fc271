/**
 * Validate a dataset's JSON text: syntax, the schema, and the checks beyond it. Every problem
 * is reported at once, each with file, line:column, JSON pointer and a sentence in Chinese
 * (default) or English.
 */
import type { Lang } from "../util/i18n.js";
import { semanticIssues } from "./checks.js";
import type { Issue, IssueCode } from "./issue.js";
import { fastParseJson, type Locator } from "./json-fast.js";
import { duplicateKeys, MAX_DEPTH, parseJsonText } from "./json-source.js";
import { clerkMessage, pick, placeText } from "./messages.js";
import { schemaIssues } from "./schema-errors.js";
import { datasetValidator } from "./schema.js";
import type { Dataset } from "./types.js";
import { codeLabel, LIST_NAMES, normaliseDataset, type Normalisation } from "./vocabulary.js";
import { dateText } from "./date-text.js";

export interface ValidationError {
  /** The file name as given. */
  file: string;
  /** 1-based line and column of the value (or key) concerned. */
  line: number;
  column: number;
  /** JSON pointer (RFC 6901) of the value concerned; "" is the whole document. */
  pointer: string;
  /** Stable code of the kind of problem. */
  code: IssueCode;
  /** The sentence, in the language asked for. */
  message: string;
}

/** A value read otherwise than written (a label as its code, a date as YYYY-MM-DD), located. */
export interface LocatedNormalisation extends Normalisation {
  line: number;
  column: number;
}

export type ValidationResult =
  | { ok: true; errors: []; data: Dataset; normalised: LocatedNormalisation[] }
  | {
      ok: false;
      errors: ValidationError[];
      data?: undefined;
      normalised: LocatedNormalisation[];
      /** The document as read and normalised, when it could be read at all. */
      value?: unknown;
    };

/** Where an issue sits: its own key or value, else the nearest enclosing value that exists. */
export function issuePosition(
  parsed: Locator,
  issue: Pick<Issue, "pointer" | "anchor">,
): { line: number; column: number } {
  let ptr = issue.pointer;
  let anchor = issue.anchor;
  for (;;) {
    const pos = parsed.locate(ptr, anchor);
    if (pos) return pos;
    if (ptr === "") return { line: 1, column: 1 };
    ptr = ptr.slice(0, ptr.lastIndexOf("/"));
    anchor = "value";
  }
}

/**
 * Nesting the fast path reads (a dataset nests about ten levels); deeper text takes the exact
 * path, which says when it is too deep (over MAX_DEPTH).
 */
const FAST_PATH_MAX_DEPTH = Math.min(64, MAX_DEPTH);

export function validateDatasetText(text: string, fileName: string, lang: Lang = "zh"): ValidationResult {
  // Plain text (no syntax error, no repeated key) is read with JSON.parse, and positions are
  // found only for the errors reported; anything else takes the exact path, which reads every
  // position and says what is wrong with the text.
  const source = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
  const fast = fastParseJson(source, FAST_PATH_MAX_DEPTH);
  let data: unknown;
  let locator: (pointers: Iterable<string>) => Locator;
  let duplicates: Issue[] = [];
  if (fast) {
    data = fast.data;
    locator = fast.locateAll;
  } else {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      return {
        ok: false,
        errors: [
          {
            file: fileName,
            ...parsed.position,
            pointer: "",
            code: "syntax",
            message: pick(parsed.message, lang),
          },
        ],
        normalised: [],
      };
    }
    data = parsed.data;
    locator = () => parsed;
    duplicates = duplicateKeys(text).map((pointer) => {
      const key = pointer
        .slice(pointer.lastIndexOf("/") + 1)
        .replace(/~1/g, "/")
        .replace(/~0/g, "~");
      return {
        pointer,
        anchor: "key",
        code: "duplicate-field",
        message: {
          zh: `字段 ${key} 在同一处出现了两次，只有后一个值会生效；请删除其中一个`,
          en: `field ${key} appears twice in the same object; only the last value would count, remove one`,
        },
      };
    });
  }
  // Labels to codes, dates to YYYY-MM-DD, before the schema is checked; positions stay those of
  // the text (normalising adds no member but a reply's reason given with its type).
  const normalisations = normaliseDataset(data);
  const validate = datasetValidator();
  const valid = validate(data);
  const issues = [
    ...duplicates,
    ...(valid ? [] : schemaIssues(validate.errors ?? [], data)),
    ...semanticIssues(data),
  ];
  const located = locator([
    ...issues.map((i) => i.pointer),
    ...normalisations.map((n) => n.source ?? n.pointer),
  ]);
  const normalised = normalisations
    .map((n) => ({ ...n, ...issuePosition(located, { pointer: n.source ?? n.pointer, anchor: "value" }) }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  if (issues.length === 0) return { ok: true, errors: [], data: data as Dataset, normalised };

  const seen = new Set<string>();
  const errors: ValidationError[] = [];
  for (const issue of issues) {
    const message = pick(issue.message, lang);
    const key = issue.pointer + "\u0000" + message;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({
      file: fileName,
      ...issuePosition(located, issue),
      pointer: issue.pointer,
      code: issue.code,
      message,
    });
  }
  errors.sort(
    (a, b) =>
      a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  return { ok: false, errors, normalised, value: data };
}

/**
 * Where each pointer sits in dataset text that validates (or nearly: it parses), as validate
 * reports it — a missing member at the nearest enclosing value. For messages found after
 * validation (a letter that cannot be made).
 */
export function locatePointers(
  text: string,
  pointers: readonly string[],
): { line: number; column: number }[] {
  const source = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
  const fast = fastParseJson(source, FAST_PATH_MAX_DEPTH);
  let located: Locator;
  if (fast) located = fast.locateAll(pointers);
  else {
    const parsed = parseJsonText(text);
    if (!parsed.ok) return pointers.map(() => ({ line: 1, column: 1 }));
    located = parsed;
  }
  return pointers.map((pointer) => issuePosition(located, { pointer, anchor: "value" }));
}

/** One problem of a dataset given as a value (no text, so no line:column). */
export interface DatasetIssue {
  /** JSON pointer (RFC 6901) of the value concerned; "" is the whole document. */
  pointer: string;
  code: IssueCode;
  /** The sentence, in the language asked for. */
  message: string;
}

export type DatasetValidation =
  | { ok: true; issues: []; data: Dataset; normalised: Normalisation[] }
  | { ok: false; issues: DatasetIssue[]; data?: undefined; normalised: Normalisation[] };

/**
 * Validate a dataset already parsed (e.g. read from storage): the same schema and checks as
 * validateDatasetText, in document order of the checks, without positions. Labels and dates
 * are normalised in `data` itself, as validateDatasetText does (see vocabulary.ts).
 */
export function validateDataset(data: unknown, lang: Lang = "zh"): DatasetValidation {
  const normalised = normaliseDataset(data);
  const validate = datasetValidator();
  const valid = validate(data);
  const issues = [...(valid ? [] : schemaIssues(validate.errors ?? [], data)), ...semanticIssues(data)];
  if (issues.length === 0) return { ok: true, issues: [], data: data as Dataset, normalised };
  const seen = new Set<string>();
  const out: DatasetIssue[] = [];
  for (const issue of issues) {
    const message = pick(issue.message, lang);
    const key = issue.pointer + "\u0000" + message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer: issue.pointer, code: issue.code, message });
  }
  return { ok: false, issues: out, normalised };
}

/**
 * One line per error, for people: the file, line and column, the record and field by their
 * names (placeText: the record's id and the field's Chinese label, read from `dataset`, the
 * document as read) and the message as a clerk reads it (clerkMessage: labels, not keys; dates
 * in words). The pointer and the message as built stay in --json.
 *   zh: samples/x.json 第12行第5列 办件 BJ-004 的办结日期：日期 2014-02-30 不存在
 *   en: samples/x.json:12:5 approval case BJ-004 completed: date 2014-02-30 does not exist
 * Without `dataset` (a file that is not a dataset: a scheme, a font list) the pointer says where.
 */
export function formatValidationError(e: ValidationError, lang: Lang = "zh", dataset?: unknown): string {
  // A syntax error has no pointer: the document could not be read.
  const where =
    e.code === "syntax"
      ? ""
      : dataset === undefined
        ? e.pointer === ""
          ? "/"
          : e.pointer
        : placeText(e.pointer, dataset, lang);
  const at = where === "" ? "" : " " + where;
  const message = clerkMessage(e.message, lang);
  return lang === "en"
    ? `${e.file}:${e.line}:${e.column}${at}: ${message}`
    : `${e.file} 第${e.line}行第${e.column}列${at}：${message}`;
}

/**
 * One line per normalisation:
 *   zh: x.json 第12行第5列：申请方式“当面”读作“当面提交”
 *   en: x.json:12:5 channel "当面" read as in-person
 */
export function formatNormalisation(n: LocatedNormalisation, file: string, lang: Lang = "zh"): string {
  const name = LIST_NAMES[n.list] ?? { zh: n.list, en: n.list };
  if (lang === "en") return `${file}:${n.line}:${n.column} ${name.en} "${n.from}" read as ${n.to}`;
  const read = n.kind === "date" ? dateText(n.to) : `“${codeLabel(n.list, n.to)}”`;
  return `${file} 第${n.line}行第${n.column}列：${name.zh}“${n.from}”读作${read}`;
}
