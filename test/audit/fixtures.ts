/**
 * Fixtures for the audit tests: a small dataset that passes every rule (2023, ogi-2019, approval
 * case records, three applications exercising a correction and an extension), helpers to
 * change it, and helpers to run one rule or the whole audit on it. Every dataset a test audits is
 * first validated against the schema and the checks beyond it, so fixtures are real data.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { validateDatasetText } from "../../src/data/validate.js";
import type { Application, Dataset } from "../../src/data/types.js";
import { parseScheme, runAudit, type AuditResult, type Finding, type Scheme } from "../../src/audit/index.js";
import type { Lang } from "../../src/util/i18n.js";

const applicant = { type: "natural-person" as const, name: "张某某", phone: "13800000000" };

/** A dataset on which no rule reports anything. */
export function cleanDataset(): Dataset {
  return {
    year: 2023,
    regime: "ogi-2019",
    documents: { selfAudit: { date: "2024-01-10" } },
    agency: {
      name: "测试市测试局",
      shortName: "测试",
      parentGovernment: "测试市人民政府",
      reconsiderationBody: { name: "测试市人民政府" },
      court: { name: "测试市测试区人民法院" },
      address: "测试市测试路1号",
      disclosureOffice: { name: "测试局办公室", head: "办公室主任" },
    },
    approval: {
      serviceCentre: "测试市政务服务中心",
      office: {
        name: "行政审批科",
        head: "分管副局长",
        deputies: [{ count: 1 }],
        staff: 3,
        partyMembershipTransferred: true,
        threeConcentrations: { functions: true, site: true, staff: true },
      },
      items: [
        {
          id: "item-a",
          name: "甲许可",
          category: "甲类",
          statutoryLimit: { days: 20, unit: "working" },
          promisedLimit: { days: 5, unit: "working" },
          inPlatform: true,
          guidePublished: true,
        },
        {
          id: "item-b",
          name: "乙登记",
          category: "乙类",
          statutoryLimit: { days: 15, unit: "working" },
          promisedLimit: { days: 3, unit: "working" },
          inPlatform: true,
          guidePublished: true,
        },
      ],
      maxPromisedLimit: { days: 5, unit: "working" },
      cases: [
        {
          id: "C1",
          item: "item-a",
          received: "2023-03-01",
          accepted: "2023-03-01",
          completed: "2023-03-03",
          sealUsed: true,
        },
        {
          id: "C2",
          item: "item-b",
          received: "2023-06-05",
          accepted: "2023-06-05",
          completed: "2023-06-06",
          sealUsed: true,
        },
        {
          id: "C3",
          item: "item-a",
          received: "2023-09-04",
          accepted: "2023-09-04",
          completed: "2023-09-08",
          sealUsed: true,
        },
      ],
      seal: { dedicatedKeeper: true, keeper: "专人", misused: false },
      complaints: [],
      criticismNotices: [],
      absenceIncidents: [],
      ratings: [
        { id: "R1", level: "satisfied", date: "2023-03-14" },
        { id: "R2", level: "dissatisfied", date: "2023-06-08", rectified: "2023-06-13" },
      ],
    },
    disclosure: {
      leadingGroup: { leader: "局长", deputy: "分管副局长", members: "各科室负责人", office: "局办公室" },
      rules: [
        { name: "《测试局政府信息公开工作制度》", published: true },
        { name: "《测试局依申请公开工作规程》", published: true, onRequest: true },
      ],
      onRequestSetup: { designatedStaff: true, unifiedReplyTexts: true },
      proactive: {
        items: [{ id: "ZD1", title: "第一季度抽检信息", created: "2023-01-10", published: "2023-01-12" }],
      },
      validDocumentFilings: {
        dueDay: 25,
        dates: Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, "0")}-20`),
      },
      applications: [
        {
          id: "A1",
          applicant,
          channel: "online",
          submitted: "2023-03-01",
          confirmed: "2023-03-01",
          content: "某项信息",
          reply: { date: "2023-03-10", type: "disclosed" },
        },
        {
          id: "A2",
          applicant,
          channel: "in-person",
          submitted: "2023-05-10",
          content: "某项信息",
          correction: {
            notified: "2023-05-15",
            periodDays: 15,
            items: ["申请内容中“有关文件”所指的文件名称"],
            correctedReceived: "2023-05-25",
          },
          reply: { date: "2023-06-08", type: "unavailable", reason: "unclear-after-correction" },
        },
        {
          id: "A3",
          applicant,
          channel: "online",
          submitted: "2023-09-04",
          confirmed: "2023-09-04",
          content: "某项信息",
          extension: { approved: "2023-09-26", notified: "2023-09-27", days: 20 },
          reply: { date: "2023-10-20", type: "disclosed" },
        },
      ],
      fees: { count: 0, amount: 0 },
      previousAnnualReport: { published: "2023-01-18" },
    },
  };
}

/** A copy of the clean dataset changed by `edit`. */
export function dataset(edit: (d: Dataset) => void = () => {}): Dataset {
  const d = cleanDataset();
  edit(d);
  return d;
}

/** The application with this id (for edits). */
export function app(d: Dataset, id: string): Application {
  const a = d.disclosure.applications?.find((x) => x.id === id);
  if (!a) throw new Error(`no application ${id}`);
  return a;
}

/**
 * Fail the test unless the dataset is valid data (schema and checks), but for the errors listed
 * in `expected` (a rule that judges what validation also refuses, e.g. a fee off the schedule).
 */
export function expectValid(d: Dataset, expected: readonly string[] = []): void {
  const r = validateDatasetText(JSON.stringify(d, null, 2), "fixture.json", "en");
  expect(r.errors.map((e) => `${e.pointer}: ${e.message}`)).toEqual(expected);
}

/** A scheme scoring nothing in particular, with rule settings as given. */
export function neutralScheme(rules: Record<string, unknown> = {}): Scheme {
  return parseScheme(
    JSON.stringify({
      id: "test",
      title: "测试方案",
      rules,
      criteria: [
        { id: "T", title: "全部", points: 100, method: { type: "pass-fail" }, rules: ["approval/seal"] },
      ],
    }),
    "test-scheme.json",
  );
}

/** Audit a (validated) dataset under the neutral scheme. */
export function audit(
  d: Dataset,
  rules: Record<string, unknown> = {},
  lang: Lang = "zh",
  expectedErrors: readonly string[] = [],
): AuditResult {
  expectValid(d, expectedErrors);
  return runAudit(d, { scheme: neutralScheme(rules), lang });
}

/** The findings (or highlights) one rule reports on a dataset, with optional options for it. */
export function findingsOf(
  d: Dataset,
  rule: string,
  options?: Record<string, unknown>,
  lang: Lang = "zh",
  expectedErrors: readonly string[] = [],
): Finding[] {
  const r = audit(d, options ? { [rule]: { options } } : {}, lang, expectedErrors);
  return [...r.findings, ...r.highlights].filter((f) => f.rule === rule);
}

/** Only what a test usually checks: message, subject, count and evidence pointers with values. */
export function brief(f: Finding): {
  message: string;
  subject: string | null;
  count: number;
  evidence: string[];
} {
  return {
    message: f.message,
    subject: f.subject,
    count: f.count,
    evidence: f.evidence.map((e) => `${e.pointer}=${JSON.stringify(e.value)}`),
  };
}

/**
 * A scheme with eleven problems, one or two per line (line:column in the expected messages depend
 * on this exact text, so it lives here rather than in a file a formatter could rewrite).
 */
export const BAD_SCHEME_TEXT = [
  "{",
  '  "id": "bad",',
  '  "title": "有错误的方案",',
  '  "rules": {',
  '    "disclosure/reply-on-tme": "error",',
  '    "approval/promised-within-commitment": { "options": { "basis": "all" } },',
  '    "approval/seal": { "options": { "x": 1 } },',
  '    "disclosure/no-fee": "fatal"',
  "  },",
  '  "criteria": [',
  '    { "id": "A", "title": "甲", "points": 50, "method": { "type": "pass-fail", "points": 5 }, "rules": ["approval/seal"] },',
  '    { "id": "A", "title": "乙", "points": 40, "method": { "type": "rate" }, "rules": ["approval/seal", "approval/items-in-platform"] },',
  '    { "id": "C", "title": "丙", "points": 5, "method": { "type": "per-finding", "points": 1, "cap": 8 }, "rules": ["approval/awards"] },',
  '    { "id": "D", "title": "丁", "points": 2, "method": { "type": "bonus", "points": 1 }, "rules": ["approval/seal"] }',
  "  ]",
  "}",
].join("\n");

const tempDirs: string[] = [];

/** Write `text` to a new temporary folder; returns the file's path (removeTempFiles cleans up). */
export function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-audit-"));
  tempDirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export function removeTempFiles(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
