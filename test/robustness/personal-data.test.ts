/**
 * No applicant's personal data (name, address, phone, ID number, e-mail, postcode — and a
 * consulted third party's name) in logs or messages, only record ids: every command runs on the
 * 2023 sample with an error injected into every application (and into the applicant fields
 * themselves, with personal data as the bad value), on the valid sample (audit findings, late
 * replies), in Chinese and English, and stdout and stderr are searched for each applicant's data.
 * Letters themselves are addressed to the applicant and are not searched. (A ledger whose
 * columns are shifted, so that a name lands in a code column, is not covered for `import`: its
 * messages quote the unrecognised cell.)
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  personalData,
  problems,
  ROOT,
  runBinary,
  runInProcess,
  SAMPLE_2023,
  tempDir,
  type Run,
} from "./harness.js";

const work = tempDir("gongwen-personal-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

type App = Record<string, unknown> & {
  id: string;
  applicant: Record<string, unknown>;
  reply?: Record<string, unknown>;
  consultations?: Record<string, unknown>[];
};
const original = JSON.parse(fs.readFileSync(SAMPLE_2023, "utf8")) as {
  disclosure: { applications: App[] };
};
const PERSONAL = personalData(original);

/** One slip per application, in turn; several put personal data where a code or date belongs. */
function broken(): string {
  const d = structuredClone(original);
  d.disclosure.applications.forEach((a, i) => {
    const name = a.applicant.name as string;
    const phone = (a.applicant.phone as string | undefined) ?? "13900000000";
    switch (i % 12) {
      case 0:
        if (a.reply) a.reply.type = name; // a name typed into the reply-type column
        break;
      case 1:
        if (a.reply) a.reply.date = phone;
        break;
      case 2:
        a.applicant.postcode = name;
        break;
      case 3:
        a.applicant.type = name;
        break;
      case 4:
        a.applicant.phone = 13800000000;
        break;
      case 5:
        a.applicant.nickname = name;
        break;
      case 6:
        a.applicant.idNumber = ["110101199003071234"];
        break;
      case 7:
        if (a.reply) delete a.reply.reason;
        if (a.reply) a.reply.type = "refused";
        break;
      case 8:
        a.received = a.applicant.address;
        break;
      case 9:
        if (a.consultations?.[0]) a.consultations[0].sent = a.consultations[0].name;
        else a.submitted = "2023-02-30";
        break;
      case 10:
        a.applicant.name = { text: name };
        break;
      default:
        a.channel = name;
    }
  });
  // Two records with one id, and an application left with its applicant only.
  d.disclosure.applications.push(structuredClone(d.disclosure.applications[3]!));
  d.disclosure.applications.push({
    id: "YSQ2023-099",
    applicant: original.disclosure.applications[0]!.applicant,
  } as App);
  const file = path.join(work, "broken.json");
  fs.writeFileSync(file, JSON.stringify(d, null, 2));
  return file;
}

const runs: Run[] = [];
function check(run: Run, out?: string): void {
  runs.push(run);
  expect(problems(run, out, PERSONAL), `gongwen ${run.argv.join(" ")}\n${run.stderr.slice(0, 600)}`).toEqual(
    [],
  );
}

describe("no personal data in logs or messages", () => {
  const bad = broken();
  const ledger = path.join(work, "ledger.csv");
  fs.writeFileSync(
    ledger,
    [
      "申请编号,申请人,收到申请日期,答复日期,答复类型,申请人类型,申请方式,申请内容",
      `YSQ2023-001,${PERSONAL[0]},2023/1/4,2023-01-16,予以公开,群众,网络,x`,
      `YSQ2023-900,${PERSONAL[3]},2023/13/4,2023-02-30,不予公开,自然人,网络,x`,
      `YSQ2023-901,${PERSONAL[6]},,2023-02-03,其他,单位,飞鸽,`,
    ].join("\n"),
  );

  it.each([
    ["the data with errors", bad],
    ["the valid sample (findings, late replies)", SAMPLE_2023],
  ])(
    "every command on %s",
    async (_label, file) => {
      const out = (name: string) => path.join(work, `${path.basename(file, ".json")}-${name}`);
      for (const lang of ["zh", "en"]) {
        const l = ["--lang", lang];
        check(await runInProcess(["validate", file, ...l]));
        check(await runInProcess(["validate", file, "--json", ...l]));
        check(await runInProcess(["audit", file, ...l]));
        check(await runInProcess(["audit", file, "--format", "json", "--fail-on", "warning", ...l]));
        for (const kind of ["summary", "annual-report", "self-audit"]) {
          const o = out(`${kind}-${lang}`);
          check(
            await runInProcess(["render", kind, file, "--out", o, "--format", "docx", "--json", ...l]),
            o,
          );
        }
        const lo = out(`letters-${lang}`);
        check(await runInProcess(["letters", file, "--out", lo, "--format", "docx", ...l]), lo);
        check(await runInProcess(["letters", file, "--out", lo, "--format", "docx", "--json", ...l]), lo);
        const data = path.join(work, `into-${lang}.json`);
        fs.copyFileSync(file, data);
        check(await runInProcess(["import", ledger, "--into", data, "--dry-run", ...l]));
      }
    },
    240_000,
  );

  it("the runs above did meet the errors (so the search means something)", () => {
    const text = runs.map((r) => r.stderr + r.stdout).join("\n");
    expect(runs.filter((r) => r.code === 2).length).toBeGreaterThan(10);
    expect(text).toContain("YSQ2023-001"); // records named by id
    expect(text).toMatch(/applicant|申请人/);
    expect(runs.some((r) => r.argv[0] === "letters" && r.code === 2)).toBe(true);
    expect(runs.some((r) => r.argv[0] === "audit" && r.code === 1)).toBe(true);
  });

  it("the real binary, with a stack-trace debug switch off, prints no personal data either", () => {
    const r = runBinary(["letters", bad, "--out", path.join(work, "bin-letters"), "--format", "pdf"], ROOT);
    check(r, path.join(work, "bin-letters"));
    expect(r.code).toBe(2);
  }, 120_000);
});
