/**
 * The dataset's interpretations (法律适用口径) are the one settings place for the periods the
 * regulations leave open: the facts read them, so the letters and the audit judge an
 * application alike, and the manifest records them. A bad value is a dataset error with its
 * position (exit 2). The CLI cases run the built binary (npm test builds first).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/audit/engine.js";
import { runsText } from "../../src/document/tree.js";
import type { Dataset, Interpretations } from "../../src/data/types.js";
import { DEFAULT_INTERPRETATIONS, deriveFacts, resolveInterpretations } from "../../src/facts/index.js";
import { composeLetters } from "../../src/letters/compose-letters.js";
import { sample2023 } from "../letters/fixtures.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const tmp = mkdtempSync(join(tmpdir(), "gongwen-interpretations-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ID = "YSQ2023-006";

/**
 * The 2023 sample with YSQ2023-006 (received 2023-03-01, third party consulted on 2023-03-06)
 * given no recorded answer, a 5-day extension notified on 2023-04-04 and a reply on 2023-04-20:
 * the unanswered consultation pauses the deadline for the answer period.
 */
function dataset(interpretations?: Interpretations): Dataset {
  const d = sample2023();
  const a = d.disclosure.applications!.find((x) => x.id === ID)!;
  delete a.consultations![0]!.answered;
  a.extension = { approved: "2023-04-03", notified: "2023-04-04", days: 5 };
  a.reply = { ...a.reply!, date: "2023-04-20" };
  if (interpretations) d.interpretations = interpretations;
  return d;
}

function letterText(d: Dataset, suffix: string): string {
  const l = composeLetters(d, { requests: [ID] });
  expect(l.errors).toEqual([]);
  const letter = l.letters.find((x) => x.suffix === suffix);
  expect(letter, suffix).toBeDefined();
  return JSON.stringify(letter!.tree, (k, v: unknown) => (k === "runs" ? runsText(v as never) : v));
}

function lateFindings(d: Dataset): string[] {
  return runAudit(d)
    .findings.filter((f) => f.rule === "disclosure/reply-on-time" && f.message.includes(ID))
    .map((f) => f.message);
}

describe("interpretations: one settings place", () => {
  it("the documented defaults are the schema's defaults", () => {
    const schema = JSON.parse(readFileSync(resolve(ROOT, "schemas/operations.schema.json"), "utf8")) as {
      $defs: { interpretations: { properties: Record<string, { default: unknown }> } };
    };
    const defaults = Object.fromEntries(
      Object.entries(schema.$defs.interpretations.properties).map(([k, v]) => [k, v.default]),
    );
    expect(defaults).toEqual({ ...DEFAULT_INTERPRETATIONS });
    expect(resolveInterpretations(sample2023())).toEqual(DEFAULT_INTERPRETATIONS);
    expect(deriveFacts(dataset({ feePaymentDays: 10 })).interpretations).toEqual({
      ...DEFAULT_INTERPRETATIONS,
      feePaymentDays: 10,
    });
  });

  it("a shorter consultation answer period moves the letters' dates and the audit's verdict alike", () => {
    // Default (15 working days): the pause runs to 2023-03-27, due 2023-04-21, extended to 04-27.
    const base = dataset();
    expect(letterText(base, "consultation")).toContain("15个工作日");
    const ext = letterText(base, "extension");
    expect(ext).toContain("2023年4月21日");
    expect(ext).toContain("2023年4月27日");
    expect(lateFindings(base)).toEqual([]);
    expect(deriveFacts(base).applications.find((a) => a.id === ID)!.due).toBe("2023-04-27");

    // 5 working days: the pause ends 2023-03-13, due 2023-04-07, extended to 04-14; the reply of
    // 2023-04-20 is late in the letters' own terms and in the audit.
    const short = dataset({ consultationAnswerDays: 5 });
    expect(letterText(short, "consultation")).toContain("5个工作日");
    expect(letterText(short, "consultation")).not.toContain("15个工作日");
    const ext5 = letterText(short, "extension");
    expect(ext5).toContain("2023年4月7日");
    expect(ext5).toContain("2023年4月14日");
    expect(ext5).not.toContain("2023年4月27日");
    expect(lateFindings(short)).toEqual([
      "申请 YSQ2023-006 于2023年3月1日收到，应于2023年4月14日前答复，实际于2023年4月20日答复，逾期4个工作日",
    ]);
    const facts = deriveFacts(short).applications.find((a) => a.id === ID)!;
    expect(facts.due).toBe("2023-04-14");
    expect(facts.reply!.onTime).toBe(false);
  });

  it("feePeriodPaused and lateExtensionCounts can be set in the dataset", () => {
    const d = sample2023();
    const a = d.disclosure.applications!.find((x) => x.id === "YSQ2023-029")!;
    // Received 2023-09-04, due 2023-10-10 (National Day holidays); extension notified a day late.
    a.extension = { approved: "2023-10-11", notified: "2023-10-11", days: 20 };
    const due = (i?: Interpretations) =>
      deriveFacts({ ...d, ...(i ? { interpretations: i } : {}) }).applications.find(
        (x) => x.id === "YSQ2023-029",
      )!;
    expect(due().due).toBe(due().extension!.originalDue);
    expect(due().reply!.onTime).toBe(false);
    expect(due({ lateExtensionCounts: true }).due).toBe(due().deadline!.due);
    expect(due({ lateExtensionCounts: true }).reply!.onTime).toBe(true);

    const f = sample2023();
    const b = f.disclosure.applications!.find((x) => x.id === "YSQ2023-029")!;
    delete b.extension;
    b.fee = { method: "per-page", quantity: 120, amount: 1100, noticeDate: "2023-09-20" };
    const withFee = (i?: Interpretations) =>
      deriveFacts({ ...f, ...(i ? { interpretations: i } : {}) }).applications.find(
        (x) => x.id === "YSQ2023-029",
      )!;
    // Unpaid: the 20 working days of the payment period are not counted by default.
    expect(withFee().reply!.onTime).toBe(true);
    expect(withFee({ feePeriodPaused: false }).reply!.onTime).toBe(false);
    expect(withFee({ feePaymentDays: 5 }).fee!.payBy).toBe("2023-09-27");
  });
});

function cli(...args: string[]) {
  const r = spawnSync("node", ["dist/cli/main.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The sample as a file, `interpretations` written after `year` (its first key on line 5). */
function sampleFile(name: string, interpretations: unknown): string {
  const d = dataset() as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    out[k] = v;
    if (k === "year") out.interpretations = interpretations;
  }
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(out, null, 2));
  return file;
}

describe("interpretations on the command line", () => {
  it("a bad value: exit 2 naming the file, the pointer and line:column, for every command", () => {
    const file = sampleFile("bad.json", { consultationAnswerDays: 0, lateExtensionCounts: "是" });
    for (const args of [
      ["audit", file],
      ["letters", file, "--out", join(tmp, "bad-out")],
      ["render", "annual-report", file, "--out", join(tmp, "bad-out")],
      ["validate", file],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(
        [
          `${file}：数据有 2 处错误`,
          `${file} 第5行第31列 interpretations.consultationAnswerDays：不能小于 1（实际为 0）`,
          `${file} 第6行第28列 interpretations.lateExtensionCounts：应为布尔值 true 或 false，实际是文本 "是"`,
        ].join("\n"),
      );
    }
  });

  it("letters and audit judge by the dataset's setting; the manifest records every value", () => {
    const file = sampleFile("short.json", { consultationAnswerDays: 5 });
    const audit = cli("audit", file, "--format", "json");
    const parsed = JSON.parse(audit.stdout) as {
      findings: { rule: string; message: string }[];
      interpretations: unknown;
    };
    expect(parsed.interpretations).toEqual({ ...DEFAULT_INTERPRETATIONS, consultationAnswerDays: 5 });
    const findings = parsed.findings;
    expect(
      findings.filter((f) => f.rule === "disclosure/reply-on-time" && f.message.includes(ID)),
    ).toHaveLength(1);

    const out = join(tmp, "letters");
    const r = cli("letters", file, "--out", out, "--request", ID, "--kind", "extension", "--format", "docx");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
      outputs: Record<string, { interpretations?: unknown }>;
    };
    const entries = Object.values(manifest.outputs);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.interpretations).toEqual({ ...DEFAULT_INTERPRETATIONS, consultationAnswerDays: 5 });

    const report = join(tmp, "report");
    const rr = cli("render", "annual-report", file, "--out", report, "--format", "docx");
    expect(rr.code, rr.stderr).toBe(0);
    const rendered = JSON.parse(readFileSync(join(report, "manifest.json"), "utf8")) as {
      outputs: Record<string, { interpretations?: unknown }>;
    };
    expect(rendered.outputs["annual-report.docx"]!.interpretations).toEqual({
      ...DEFAULT_INTERPRETATIONS,
      consultationAnswerDays: 5,
    });
  });
});
