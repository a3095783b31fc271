/**
 * The yearly dataset round trip through the workbench's own routes (HTTP, not the store):
 * applications registered and their steps recorded through the forms, the year exported
 * through /data/export — it validates, holds what was entered, and imported into another
 * workbench exports byte-identical; each sample imported through /data/import exports as the
 * same dataset, and again byte-identical after a second import.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { validateDatasetText, type Dataset } from "../../src/index.js";
import { APPLICATION_FORM, OFFICE_FORM, testServer, type TestServer } from "./helpers.js";

const opened: TestServer[] = [];
async function server(today = "2026-11-25"): Promise<TestServer> {
  const s = await testServer(today);
  opened.push(s);
  expect((await s.post("/setup/office", OFFICE_FORM)).statusCode).toBe(303);
  return s;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function exported(s: TestServer, year: number): Promise<string> {
  const r = await s.get(`/data/export/${year}.json`);
  expect(r.statusCode).toBe(200);
  expect(r.headers["content-type"]).toMatch(/^application\/json/);
  return r.body;
}

async function versionOf(s: TestServer, id: string): Promise<string> {
  const office = (await s.store.offices())[0]!;
  return String((await s.store.application(office.id, 2026, id))!.version);
}

async function step(s: TestServer, id: string, name: string, form: Record<string, string>) {
  const r = await s.post(`/applications/2026/${id}/steps/${name}`, {
    version: await versionOf(s, id),
    ...form,
  });
  expect(r.statusCode, `${id} ${name}`).toBe(303);
}

/** The head's sign-off of the reply (a reply letter is issued only after it). */
async function signOff(s: TestServer, id: string) {
  const r = await s.post(`/applications/2026/${id}/sign-off`, { version: await versionOf(s, id) });
  expect(r.statusCode, `${id} sign-off`).toBe(303);
}

describe("round trip through the routes", () => {
  it("registered and handled in the workbench → export validates, holds it, and re-imports byte-identical", async () => {
    const a = await server();
    expect((await a.post("/applications", APPLICATION_FORM)).statusCode).toBe(303);
    expect(
      (
        await a.post("/applications", {
          id: "YSQ2026-002",
          "applicant.type": "commercial-enterprise",
          "applicant.name": "示例食品有限公司",
          channel: "online",
          submitted: "2026-11-09",
          confirmed: "2026-11-10",
          content: "本公司2026年抽检报告",
        })
      ).statusCode,
    ).toBe(303);
    await step(a, "YSQ2026-001", "reply", { "reply.date": "2026-11-20", "reply.type": "disclosed" });
    await signOff(a, "YSQ2026-001");
    expect((await a.post("/applications/2026/YSQ2026-001/letters/reply/issue", {})).statusCode).toBe(303);
    await step(a, "YSQ2026-002", "correction-notified", {
      "correction.notified": "2026-11-11",
      "correction.items": "申请内容所指的抽检批次",
    });
    await step(a, "YSQ2026-002", "correction-received", { "correction.correctedReceived": "2026-11-16" });

    const text = await exported(a, 2026);
    const v = validateDatasetText(text, "operations-2026.json", "zh");
    expect(v.ok, v.ok ? "" : v.errors.map((e) => e.message).join("\n")).toBe(true);
    const data = JSON.parse(text) as Dataset;
    const apps = data.disclosure.applications;
    expect(apps.map((x) => x.id)).toEqual(["YSQ2026-001", "YSQ2026-002"]);
    expect(apps[0]).toMatchObject({
      applicant: { type: "natural-person", name: "张某某", phone: "13800000000" },
      channel: "registered-post",
      submitted: "2026-10-30",
      signedFor: "2026-11-02",
      reply: { date: "2026-11-20", type: "disclosed" },
    });
    // The issued reply's number and date travel with the dataset.
    expect(apps[0]!.issued?.reply).toMatchObject({ date: "2026-11-20" });
    expect(apps[0]!.issued!.reply!.docNumber).toMatch(/2026/);
    expect(apps[1]).toMatchObject({
      channel: "online",
      confirmed: "2026-11-10",
      correction: {
        notified: "2026-11-11",
        items: ["申请内容所指的抽检批次"],
        correctedReceived: "2026-11-16",
      },
    });
    expect(apps[1]!.reply).toBeUndefined();
    // What the route exports is the store's year, as a dataset file.
    const office = (await a.store.offices())[0]!;
    expect(text).toBe(JSON.stringify(await a.store.exportYear(office.id, 2026), null, 2) + "\n");

    const b = await server();
    const imported = await b.post("/data/import", { text, fileName: "operations-2026.json", replace: "1" });
    expect(imported.statusCode).toBe(303);
    expect(await exported(b, 2026)).toBe(text);

    // A letter issued in the workbench the dataset came to takes the number after those the
    // dataset already issued: never the same number twice.
    const issuedA = apps[0]!.issued!.reply!.docNumber;
    expect(issuedA).toMatch(/〔2026〕1号$/);
    await signOff(b, "YSQ2026-001");
    expect((await b.post("/applications/2026/YSQ2026-001/letters/reply/issue", {})).statusCode).toBe(303);
    const officeB = (await b.store.offices())[0]!;
    const letters = await b.store.letters(officeB.id, 2026, "YSQ2026-001");
    expect(letters.map((l) => l.docNumber)).toEqual([issuedA.replace(/1号$/, "2号")]);
  });

  for (const name of ["2014-commerce-bureau.json", "2023-district-bureau.json"]) {
    it(`${name} → /data/import → /data/export: the same dataset, byte-identical after a second import`, async () => {
      const sampleText = readFileSync(join("samples", name), "utf8");
      const sample = JSON.parse(sampleText) as Dataset & { $schema?: string };
      delete sample.$schema;
      const a = await server();
      const r = await a.post("/data/import", { text: sampleText, fileName: name, replace: "1" });
      expect(r.statusCode).toBe(303);
      const first = await exported(a, sample.year);
      expect(JSON.parse(first)).toEqual(sample);
      expect(validateDatasetText(first, name, "zh").ok).toBe(true);
      const b = await server();
      expect((await b.post("/data/import", { text: first, fileName: name, replace: "1" })).statusCode).toBe(
        303,
      );
      expect(await exported(b, sample.year)).toBe(first);
    });
  }
});
