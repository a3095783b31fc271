/**
 * `--redact`, attacked: both samples with distinctive personal values planted in every free-text
 * field (request contents, correction items, reply notes, the narrative, complaint and notice
 * summaries, absence notes, reforms, innovations, interview titles, a consulted third party) —
 * an applicant's own name, address, phone, ID number and e-mail, and phone numbers, ID numbers
 * and e-mail addresses nobody gave as an applicant's. Every command that takes --redact runs
 * (summary, annual report, self-audit, letters; DOCX, PDF and XLSX; plain and --json), and every
 * file written (DOCX and XLSX XML, PDF text by pdftotext, manifest and ledger JSON) and stdout and
 * stderr are searched for each planted value. The agency's own published telephone stays.
 * npm test writes DOCX and XLSX from the 2023 sample; npm run test:full
 * (redact-everywhere.full.test.ts) both samples, and every document and letter as PDF too.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess, SAMPLE_2014, SAMPLE_2023, tempDir, type Run } from "./harness.js";

const FULL = process.env.GONGWEN_TEST_FULL === "1";
const work = tempDir("gongwen-redact-all-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const NAME = "龚秘名";
const ADDRESS = "隐秘路七十七号";
const PHONE = "13912345678";
const ID = "11010519491231002X";
const EMAIL = "mi.ming@secret-mail.cn";
const THIRD = "秘密第三方实业公司";
/** Shaped like personal data, but no applicant gave them. */
const STRAY = [
  "15011112222",
  "150 1111 3333",
  "330106198001011234",
  "stranger@hidden.example",
  "0571-86001234",
];
const PLANTED = [NAME, ADDRESS, PHONE, ID, EMAIL, THIRD, ...STRAY];
const TEXT = `${NAME}（住${ADDRESS}，电话${PHONE}，身份证号${ID}，邮箱${EMAIL}）；另${STRAY.join("、")}`;

type Json = Record<string, unknown>;
type App = Json & { applicant: Json; reply?: Json; correction?: Json; consultations?: Json[] };

/**
 * The sample with the values planted. `values` are those the redaction must remove: a name or an
 * address is personal data only when an applicant gave it (the 2014 sample has no applications,
 * so there its name and address are just words of the narrative); the shaped values (phone, ID
 * number, e-mail) are masked wherever they stand.
 */
function planted(file: string): {
  file: string;
  agencyPhone?: string;
  values: string[];
  applicants: boolean;
} {
  const d = JSON.parse(fs.readFileSync(file, "utf8")) as Json & {
    agency: Json;
    narrative?: Record<string, string>;
    approval?: Json & { reforms?: Json[] };
    disclosure: Json & { applications?: App[]; innovations?: unknown[]; interviews?: Json };
  };
  const year = String(d.year);
  const apps = d.disclosure.applications ?? [];
  apps.forEach((a, i) => {
    a.content = `${String(a.content ?? "")}（${TEXT}）`;
    if (a.reply) a.reply.note = `联系${TEXT}`;
    if (a.correction) a.correction.items = [`请${TEXT}补正`, ...((a.correction.items as string[]) ?? [])];
    if (i === 0) Object.assign(a.applicant, { name: NAME, address: ADDRESS, phone: PHONE, idNumber: ID });
    if (i === 1) Object.assign(a.applicant, { name: NAME, email: EMAIL });
    for (const c of a.consultations ?? []) if (c.party === "third-party") c.name = THIRD;
  });
  const docs = ((d.documents ??= {}) as Json).annualReport as Json | undefined;
  if (!docs?.date) (d.documents as Json).annualReport = { ...docs, date: `${Number(year) + 1}-01-20` };
  if (!apps.some((a) => a.consultations?.some((c) => c.party === "third-party")) && apps[2])
    apps[2].content = `${String(apps[2].content)}${THIRD}`;
  // Section 五 of the annual report needs its text (the 2014 sample has none): then planted too.
  d.narrative ??= {};
  d.narrative.problems ??= "无";
  d.narrative.improvements ??= "无";
  // The agency's own published telephone, quoted in the narrative, is public and stays.
  const agencyPhone = typeof d.agency.phone === "string" ? d.agency.phone : undefined;
  for (const k of Object.keys(d.narrative ?? {}))
    d.narrative![k] = `${d.narrative![k]}（${TEXT}；咨询电话${agencyPhone ?? ""}）`;
  if (d.approval) {
    d.approval.complaints = [{ id: "TS-1", received: `${year}-03-01`, summary: `投诉人${TEXT}` }];
    d.approval.criticismNotices = [
      { id: "TB-1", date: `${year}-04-01`, issuer: "市政务服务中心", summary: TEXT },
    ];
    d.approval.absenceIncidents = [{ id: "QG-1", date: `${year}-05-01`, kind: "unstaffed", note: TEXT }];
    const totals = d.approval.totals as Json | undefined;
    if (totals) Object.assign(totals, { complaints: 1, criticismNotices: 1 });
    for (const r of d.approval.reforms ?? []) {
      r.description = `${String(r.description ?? "")}${TEXT}`;
      if (r.explanation) r.explanation = `${String(r.explanation)}${TEXT}`;
    }
  }
  if (Array.isArray(d.disclosure.innovations))
    d.disclosure.innovations = d.disclosure.innovations.map((x) =>
      typeof x === "string"
        ? `${x}${TEXT}`
        : { ...(x as Json), purpose: `${String((x as Json).purpose)}${TEXT}` },
    );
  if (d.disclosure.interviews) {
    const iv = d.disclosure.interviews as { titles?: string[] };
    if (iv.titles?.length) iv.titles[0] = `《${TEXT}》`;
  }
  const out = path.join(work, path.basename(file));
  fs.writeFileSync(out, JSON.stringify(d, null, 2));
  const applicants = apps.length > 0;
  const values = applicants ? PLANTED : PLANTED.filter((v) => v !== NAME && v !== ADDRESS && v !== THIRD);
  return { file: out, agencyPhone, values, applicants };
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Everything a reader of the file could see, whitespace removed. */
function textOf(file: string): string {
  let text: string;
  if (/\.(docx|xlsx)$/.test(file))
    text = Object.values(unzipSync(fs.readFileSync(file)))
      .map((b) => strFromU8(b).replace(/<[^>]+>/g, ""))
      .join("\n");
  else if (file.endsWith(".pdf"))
    text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  else text = fs.readFileSync(file, "utf8");
  return squeeze(text);
}
const squeeze = (s: string) => s.replace(/\s+/g, "");

function leaks(text: string, values: string[] = PLANTED): string[] {
  return values.filter((v) => text.includes(squeeze(v)));
}

const runs: Run[] = [];
async function run(argv: string[], values: string[]): Promise<Run> {
  const r = await runInProcess(argv);
  runs.push(r);
  expect(leaks(squeeze(r.stdout + r.stderr), values), `gongwen ${argv.join(" ")}`).toEqual([]);
  return r;
}

describe("--redact covers every free-text field of every output", () => {
  // npm test: the 2023 sample (applications, narrative, approval records) as DOCX and XLSX.
  // npm run test:full: the 2014 sample too (no applications: the narrative and approval records).
  it.each(
    FULL
      ? [["2014", SAMPLE_2014] as const, ["2023", SAMPLE_2023] as const]
      : [["2023", SAMPLE_2023] as const],
  )(
    "the %s sample with personal data planted everywhere",
    async (label, sample) => {
      const { file, agencyPhone, values, applicants } = planted(sample);
      // The planted dataset is valid (the values are not set aside as bad records).
      const v = await runInProcess(["validate", file]);
      expect(v.code, v.stderr).toBe(0);
      const out = path.join(work, `out-${label}`);
      for (const json of [[], ["--json"]]) {
        for (const kind of ["summary", "annual-report", "self-audit"]) {
          const formats =
            (FULL ? "docx,pdf" : "docx") + (kind === "annual-report" && label === "2023" ? ",xlsx" : "");
          const r = await run(
            ["render", kind, file, "--out", out, "--format", formats, "--redact", "--force", ...json],
            values,
          );
          expect(r.code === 0 || r.code === 1, `${kind}: ${r.stderr}`).toBe(true);
        }
        const letters = ["letters", file, "--out", path.join(out, "letters"), "--redact", "--force"];
        const l = await run([...letters, "--format", FULL ? "docx,pdf" : "docx", ...json], values);
        expect(l.code, l.stderr).toBe(0);
      }
      const files = walk(out);
      if (FULL)
        expect(files.filter((f) => f.endsWith(".pdf")).length).toBeGreaterThan(label === "2023" ? 10 : 2);
      expect(files.some((f) => f.endsWith(".xlsx")) || label === "2014").toBe(true);
      let all = "";
      for (const f of files) {
        const text = textOf(f);
        all += text;
        expect(leaks(text, values), path.relative(out, f)).toEqual([]);
      }
      // The texts were printed (so the search means something): the labels stand in their place.
      // Kept short: a failing toContain would print every document.
      if (applicants) {
        expect(all.includes("申请人A"), "申请人A").toBe(true);
        expect(all.includes("（住***，电话***，身份证号***，邮箱***）"), "masks in the text").toBe(true);
      } else expect(all.includes(`电话***，身份证号***，邮箱***）`), "masks in the text").toBe(true);
      if (agencyPhone) expect(all.includes(`咨询电话${agencyPhone}`), agencyPhone).toBe(true);
    },
    240_000,
  );

  it("without --redact the same values are printed (the planted fields reach the documents)", async () => {
    const { file } = planted(SAMPLE_2023);
    const out = path.join(work, "plain");
    await runInProcess(["render", "annual-report", file, "--out", out, "--format", "docx"]);
    await runInProcess(["letters", file, "--out", path.join(out, "letters"), "--format", "docx"]);
    const text = walk(out).map(textOf).join("");
    expect(PLANTED.filter((v) => !text.includes(squeeze(v)))).toEqual([]);
  }, 120_000);
});
