/**
 * The precompiled validator (`npm run build`) gives exactly what the validator compiled at run
 * time gives — the same verdict and the same errors — although its `if` conditions count their
 * failures without building error objects (leanValidatorCode), and its date format is
 * isDateFormat.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { PRECOMPILED_FORMATS, datasetValidator } from "../../src/data/schema.js";
import { leanValidatorCode, precompiledSources } from "../../src/data/validator-code.js";

const ROOT = resolve(import.meta.dirname, "..", "..");

describe("leanValidatorCode", () => {
  const push = (n: number) =>
    `const err${n} = {};if(vErrors === null){vErrors = [err${n}];}else {vErrors.push(err${n});}errors++;`;
  const reset = (name: string) =>
    `errors = ${name};if(vErrors !== null){if(${name}){vErrors.length = ${name};}else {vErrors = null;}}`;

  it("replaces a push the reset of its `if` makes unobservable", () => {
    const code = `const _errs1 = errors;if(a){${push(0)}}else{if(b){${push(1)}}}var _valid0 = _errs1 === errors;${reset("_errs1")}`;
    const lean = leanValidatorCode(code);
    expect(lean).toMatchObject({ replaced: 2, kept: 0 });
    expect(lean.code).toBe(
      `const _errs1 = errors;if(a){errors++;}else{if(b){errors++;}}var _valid0 = _errs1 === errors;${reset("_errs1")}`,
    );
  });

  it("keeps a push when the list is read, the count set from it, or another `if` begins before the reset", () => {
    const cases = [
      `const _errs1 = errors;${push(0)}if(vErrors.length > 1){x()}${reset("_errs1")}`,
      `const _errs1 = errors;${push(0)}errors = vErrors.length;${reset("_errs1")}`,
      `const _errs1 = errors;${push(0)}const _errs2 = errors;${reset("_errs2")}${reset("_errs1")}`,
      `${push(0)}const _errs2 = errors;${reset("_errs2")}`,
      `const _errs1 = errors;}function validate2(data){${push(0)}${reset("_errs1")}`,
      `const _errs1 = errors;${push(0)}`,
    ];
    for (const code of cases) expect(leanValidatorCode(code)).toMatchObject({ code, replaced: 0, kept: 1 });
  });
});

describe("the precompiled validator", () => {
  let precompiled: ValidateFunction;
  const runtime = datasetValidator();

  beforeAll(() => {
    const sources = precompiledSources();
    expect(sources.lean).toEqual({ replaced: 13, kept: 0 });
    // Loaded as CommonJS modules, as they are from dist/data (ajv's runtime helpers from the project).
    const projectRequire = createRequire(join(ROOT, "src", "data", "schema.ts"));
    const load = (code: string, req: (id: string) => unknown): unknown => {
      const module = { exports: {} as unknown };
      new Function("module", "exports", "require", code)(module, module.exports, req);
      return module.exports;
    };
    const formats = load(sources.formats, projectRequire);
    precompiled = load(sources.validator, (id) =>
      id === `./${PRECOMPILED_FORMATS}` ? formats : projectRequire(id),
    ) as ValidateFunction;
  });

  const same = (data: unknown): boolean => {
    const a = runtime(data);
    const errorsA = runtime.errors;
    const b = precompiled(data);
    expect({ valid: b, errors: precompiled.errors }).toStrictEqual({ valid: a, errors: errorsA });
    return a;
  };

  it("on the samples and every fixture", () => {
    const files = [
      ...["2014-commerce-bureau.json", "2023-district-bureau.json"].map((f) => join(ROOT, "samples", f)),
      ...readdirSync(join(ROOT, "test", "fixtures", "invalid")).map((f) =>
        join(ROOT, "test", "fixtures", "invalid", f),
      ),
    ];
    let valid = 0;
    let checked = 0;
    for (const f of files) {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(f, "utf8"));
      } catch {
        continue;
      }
      checked++;
      if (same(data)) valid++;
    }
    // Both verdicts occur: the samples and fixtures with errors beyond the schema are valid.
    expect(valid).toBeGreaterThanOrEqual(2);
    expect(checked - valid).toBeGreaterThanOrEqual(5);
  });

  it("on every kind of reply, with and without a reason, right and wrong", () => {
    const sample = JSON.parse(readFileSync(join(ROOT, "samples", "2023-district-bureau.json"), "utf8")) as {
      disclosure: { applications: { reply?: Record<string, unknown> }[] };
    };
    const types = [
      "disclosed",
      "already-public",
      "partial",
      "refused",
      "unavailable",
      "not-processed",
      "other",
      "not-this-agency",
      "special-law",
      "no-such-type",
      undefined,
      7,
    ];
    const reasons = [undefined, "state-secret", "not-held", "duplicate", "no-correction", "nonsense", 3];
    let invalid = 0;
    for (const type of types)
      for (const reason of reasons) {
        const data = structuredClone(sample);
        const reply: Record<string, unknown> = { date: "2023-06-01" };
        if (type !== undefined) reply.type = type;
        if (reason !== undefined) reply.reason = reason;
        data.disclosure.applications[0]!.reply = reply;
        data.disclosure.applications[1]!.reply = { ...reply, extra: true };
        if (!same(data)) invalid++;
      }
    expect(invalid).toBe(types.length * reasons.length);
  });
});
