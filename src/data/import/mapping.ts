/**
 * A mapping file (`--mapping FILE`, schemas/import-mapping.schema.json) for a ledger gongwen does
 * not read by itself: the sheet and header row, which column holds which field (by header text
 * or column letter), extra labels for coded values, defaults for fields without a column, and an
 * id prefix for ledgers numbered only by 序号. Errors name the file, line and column.
 */
import { readFileSync } from "node:fs";
import { readInputText } from "../../util/read-input.js";
import { resolve } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { ajv2020 } from "../../util/ajv-lazy.js";
import { UserError } from "../../util/errors.js";
import { SCHEMAS_DIR } from "../../util/paths.js";
import { t, type Lang } from "../../util/i18n.js";
import type {
  ApplicantType,
  Channel,
  DeliveryForm,
  DeliveryMethod,
  FeeMethod,
  Reason,
  ReplyType,
} from "../codes.js";
import { parseJsonText } from "../json-source.js";
import { nearestName } from "../suggest.js";
import { fieldByKey, type ImportKind } from "./headers.js";

export const MAPPING_SCHEMA_FILE = resolve(SCHEMAS_DIR, "import-mapping.schema.json");

export interface ImportMapping {
  kind?: ImportKind;
  sheet?: string | number;
  headerRow?: number;
  columns?: Record<string, string | { column: string }>;
  values?: {
    applicantType?: Record<string, ApplicantType>;
    channel?: Record<string, Channel>;
    replyType?: Record<string, ReplyType>;
    reason?: Record<string, Reason>;
    feeMethod?: Record<string, FeeMethod>;
    deliveryForm?: Record<string, DeliveryForm>;
    deliveryMethod?: Record<string, DeliveryMethod>;
    boolean?: Record<string, boolean>;
    item?: Record<string, string>;
  };
  defaults?: { applicantType?: ApplicantType; channel?: Channel; sealUsed?: boolean };
  idPrefix?: string;
  ignore?: string[];
}

let validator: ValidateFunction<ImportMapping> | undefined;

function mappingValidator(): ValidateFunction<ImportMapping> {
  if (!validator) {
    const ajv = new (ajv2020().Ajv2020)({
      allErrors: true,
      verbose: true,
      strict: true,
      allowUnionTypes: true,
    });
    const schema = JSON.parse(readFileSync(MAPPING_SCHEMA_FILE, "utf8")) as Record<string, unknown>;
    validator = ajv.compile<ImportMapping>(schema);
  }
  return validator;
}

function schemaAt(pointer: string): Record<string, unknown> | undefined {
  // Walk the (small, known) schema along the instance path for allowed names in messages.
  const schema = JSON.parse(readFileSync(MAPPING_SCHEMA_FILE, "utf8")) as Record<string, unknown>;
  let node: Record<string, unknown> | undefined = schema;
  for (const seg of pointer.split("/").slice(1)) {
    const props = node?.properties as Record<string, Record<string, unknown>> | undefined;
    node = props?.[seg] ?? (node?.additionalProperties as Record<string, unknown> | undefined);
  }
  return node;
}

/** One schema error in words, with the pointer it concerns. */
function describe(e: ErrorObject): { pointer: string; anchor?: "key"; zh: string; en: string } {
  const p = e.params as Record<string, unknown>;
  const at = e.instancePath;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const known = Object.keys(
        (schemaAt(at)?.properties as Record<string, unknown> | undefined) ?? {},
      ).filter((k) => k !== "$schema");
      const near = nearestName(key, known);
      return {
        pointer: `${at}/${key}`,
        anchor: "key",
        zh: `未知字段 ${key}${near ? `，是否应为 ${near}？` : `（可用：${known.join("、")}）`}`,
        en: `unknown field ${key}${near ? `; did you mean ${near}?` : ` (known: ${known.join(", ")})`}`,
      };
    }
    case "propertyNames": {
      const name = String(p.propertyName);
      const allowed = ((schemaAt(at)?.propertyNames as { enum?: string[] } | undefined)?.enum ?? []).map(
        String,
      );
      const near = nearestName(name, allowed);
      return {
        pointer: `${at}/${name}`,
        anchor: "key",
        zh: `未知字段名 ${name}${near ? `，是否应为 ${near}？` : `（可用：${allowed.join("、")}）`}`,
        en: `unknown field name ${name}${near ? `; did you mean ${near}?` : ` (known: ${allowed.join(", ")})`}`,
      };
    }
    case "enum": {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const shown = JSON.stringify(e.data);
      const near = typeof e.data === "string" ? nearestName(e.data, allowed) : undefined;
      return {
        pointer: at,
        zh: `取值 ${shown} 不可用${near ? `，是否应为 ${near}？` : `，可用：${allowed.join("、")}`}`,
        en: `${shown} is not allowed${near ? `; did you mean ${near}?` : `; allowed: ${allowed.join(", ")}`}`,
      };
    }
    case "type":
      return { pointer: at, zh: `类型应为 ${String(p.type)}`, en: `must be of type ${String(p.type)}` };
    case "pattern":
      return {
        pointer: at,
        zh: at.endsWith("/column")
          ? "列应写作大写字母，如 D 或 AA"
          : "只能由字母、数字和 . _ - 组成，且以字母或数字开头",
        en: at.endsWith("/column")
          ? "a column is written in capital letters, e.g. D or AA"
          : "only letters, digits, '.', '_' and '-', starting with a letter or digit",
      };
    case "required":
      return {
        pointer: at,
        zh: `缺少必填字段 ${String(p.missingProperty)}`,
        en: `missing required field ${String(p.missingProperty)}`,
      };
    case "minimum":
    case "minLength":
      return { pointer: at, zh: "不能为空或小于 1", en: "must not be empty or less than 1" };
    default:
      return { pointer: at, zh: "不符合映射文件格式", en: "does not fit the mapping format" };
  }
}

/** Read and check a mapping file; a UserError lists every problem with line and column. */
export function loadMapping(path: string, kind: ImportKind | undefined, lang: Lang = "zh"): ImportMapping {
  const text = readInputText(path, { lang });
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column } = parsed.position;
    throw new UserError(
      t(
        lang,
        `映射文件 ${path} 第${line}行第${column}列：${parsed.message.zh}`,
        `mapping file ${path}:${line}:${column}: ${parsed.message.en}`,
      ),
    );
  }
  const validate = mappingValidator();
  const at = (pointer: string, anchor: "key" | "value") => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
      const pos = parsed.locate(p, p === pointer ? anchor : "value");
      if (pos) return pos;
      if (p === "") return { line: 1, column: 1 };
    }
  };
  const found: { line: number; column: number; text: string }[] = [];
  const say = (pointer: string, zh: string, en: string, anchor: "key" | "value" = "value") => {
    const { line, column } = at(pointer, anchor);
    found.push({
      line,
      column,
      text: t(
        lang,
        `${path} 第${line}行第${column}列 ${pointer || "/"}：${zh}`,
        `${path}:${line}:${column} ${pointer || "/"}: ${en}`,
      ),
    });
  };
  if (!validate(parsed.data)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      if (e.keyword === "oneOf" || e.keyword === "if") continue;
      // propertyNames reports the name itself; its enum error repeats it.
      if (e.keyword === "enum" && e.schemaPath.includes("/propertyNames/")) continue;
      // Of oneOf's branches, the one for the value's own type says what is wrong.
      if (e.keyword === "type" && e.schemaPath.includes("/oneOf/")) continue;
      const d = describe(e);
      const key = d.pointer + d.zh;
      if (seen.has(key)) continue;
      seen.add(key);
      say(d.pointer, d.zh, d.en, d.anchor);
    }
  } else {
    const m = parsed.data as ImportMapping;
    const k = kind ?? m.kind;
    if (k !== undefined)
      for (const key of Object.keys(m.columns ?? {}))
        if (!fieldByKey(k, key))
          say(
            `/columns/${key}`,
            `${key} 不是${k === "applications" ? "依申请公开申请" : "审批办件"}台账的字段`,
            `${key} is not a field of ${k === "applications" ? "an applications" : "an approval-cases"} ledger`,
          );
  }
  found.sort((a, b) => a.line - b.line || a.column - b.column);
  const lines = found.map((f) => f.text);
  if (lines.length > 0)
    throw new UserError(
      t(lang, `映射文件 ${path} 有 ${lines.length} 处错误`, `mapping file ${path}: ${lines.length} error(s)`),
      lines,
    );
  return parsed.data as ImportMapping;
}
