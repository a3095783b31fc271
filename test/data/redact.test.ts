/**
 * --redact: applicants' personal data replaced (names → 申请人A…, contact details → ***, third
 * parties → 第三方A…), every derived figure unchanged; letters written with --redact carry
 * the label, never the data (read back from the PDF).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { redactPersonalData, letterLabel, REDACTED } from "../../src/data/redact.js";
import type { Dataset } from "../../src/data/types.js";
import { deriveFacts } from "../../src/facts/index.js";
import { personalData } from "../robustness/harness.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const S2023 = path.join(ROOT, "samples/2023-district-bureau.json");
const sample = () => JSON.parse(fs.readFileSync(S2023, "utf8")) as Dataset;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-redact-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("redactPersonalData", () => {
  it("labels A … Z, AA …", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letterLabel)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });

  it("replaces names by label (same name, same label) and contact details by ***", () => {
    const d = sample();
    const apps = d.disclosure.applications!;
    apps[1]!.applicant.name = apps[0]!.applicant.name; // one applicant, two requests
    apps[0]!.applicant.idNumber = "110101199003071234";
    apps[0]!.applicant.email = "wang@example.com";
    apps[0]!.applicant.postcode = "010010";
    const before = JSON.stringify(d);
    const r = redactPersonalData(d);
    expect(JSON.stringify(d)).toBe(before); // the input is not changed
    const ra = r.disclosure.applications!;
    expect(ra[0]!.applicant).toEqual({
      type: apps[0]!.applicant.type,
      name: "申请人A",
      address: REDACTED,
      phone: REDACTED,
      idNumber: REDACTED,
      email: REDACTED,
      postcode: REDACTED,
    });
    expect(ra[1]!.applicant.name).toBe("申请人A");
    expect(ra[2]!.applicant.name).toBe("申请人B");
    for (const a of ra) expect(a.applicant.name).toMatch(/^申请人[A-Z]{1,2}$/);
    const text = JSON.stringify(r);
    for (const p of personalData(d)) expect(text, p).not.toContain(p);
    // Third parties are labelled; consulted agencies keep their names.
    const consultations = ra.flatMap((a) => a.consultations ?? []);
    expect(consultations.length).toBeGreaterThan(0);
    for (const c of consultations) if (c.party === "third-party") expect(c.name).toMatch(/^第三方[A-Z]+$/);
    const agencies = apps.flatMap((a) => a.consultations ?? []).filter((c) => c.party === "agency");
    expect(consultations.filter((c) => c.party === "agency").map((c) => c.name)).toEqual(
      agencies.map((c) => c.name),
    );
  });

  it("keeps the handler (agency staff) and the office's contact, and still redacts the applicant", () => {
    const d = sample();
    d.agency.disclosureOffice.contact = "赵某某";
    const app = d.disclosure.applications![0]!;
    app.handler = { name: "钱某某", phone: "13900000099" };
    app.content = `${app.content}（承办人电话13900000099）`;
    const r = redactPersonalData(d);
    const ra = r.disclosure.applications![0]!;
    expect(ra.handler).toEqual({ name: "钱某某", phone: "13900000099" });
    expect(ra.content).toContain("承办人电话13900000099");
    expect(r.agency.disclosureOffice.contact).toBe("赵某某");
    expect(ra.applicant.name).toBe("申请人A");
    expect(ra.applicant.phone).toBe(REDACTED);
  });

  it("changes no derived figure", () => {
    const d = sample();
    expect(deriveFacts(redactPersonalData(d))).toEqual(deriveFacts(d));
  });

  it("tolerates malformed records (letters set them aside after loading)", () => {
    const d = sample();
    const apps = d.disclosure.applications as unknown[];
    apps.push(
      null,
      3,
      { applicant: "王某某", consultations: 7 },
      { applicant: { name: 5 }, consultations: [null] },
    );
    expect(() => redactPersonalData(d)).not.toThrow();
  });
});

describe("gongwen letters --redact", () => {
  it("writes the label where the name was and no personal data at all", () => {
    const out = path.join(tmp, "letters");
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "dist/cli/main.js"),
        "letters",
        S2023,
        "--out",
        out,
        "--format",
        "pdf",
        "--request",
        "YSQ2023-001",
        "--request",
        "YSQ2023-035",
        "--redact",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const personal = personalData(sample());
    const pdfs = fs.readdirSync(out).filter((f) => f.endsWith(".pdf"));
    expect(pdfs.length).toBeGreaterThan(3);
    const texts = pdfs.map((f) =>
      spawnSync("pdftotext", ["-layout", path.join(out, f), "-"], { encoding: "utf8" }).stdout.replace(
        /\s+/g,
        "",
      ),
    );
    const reply = texts[pdfs.indexOf("YSQ2023-001-reply.pdf")]!;
    expect(reply).toContain("申请人D："); // the fourth applicant of the dataset (labels do not depend on --request)
    for (const text of texts) for (const p of personal) expect(text, p).not.toContain(p.replace(/\s+/g, ""));
    const consultation = texts[pdfs.indexOf("YSQ2023-035-consultation.pdf")]!;
    expect(consultation).toContain("第三方B"); // the second third party of the dataset
    const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as {
      outputs: Record<string, { redacted?: boolean }>;
    };
    expect(Object.values(manifest.outputs).every((e) => e.redacted === true)).toBe(true);
  }, 60_000);
});
