/**
 * The yearly dataset is an import/export of the database: each sample → database → export is
 * the same dataset, and renders byte-identical documents to rendering the sample directly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Store } from "../../src/storage/index.js";
import { testDatabase } from "../helpers/db.js";
import {
  buildAnnualReport,
  buildSummary,
  composeLetters,
  renderDocx,
  validateDatasetText,
  type Dataset,
} from "../../src/index.js";

const SAMPLES = ["2014-commerce-bureau.json", "2023-district-bureau.json"];

describe("dataset round trip through the database", () => {
  for (const name of SAMPLES) {
    it(`${name}: export equals the sample and renders the same documents`, async () => {
      const text = readFileSync(join("samples", name), "utf8");
      const sample = JSON.parse(text) as Dataset;
      const database = await testDatabase();
      const store = await Store.open(database.target);
      try {
        const office = await store.createOffice(sample, "测试");
        const exported = await store.exportYear(office, sample.year);
        expect(JSON.stringify(exported)).toBe(JSON.stringify(sample));
        const v = validateDatasetText(JSON.stringify(exported, null, 2), name, "zh");
        expect(v.ok).toBe(true);
        // Documents: every letter, the summary and the annual report the sample dates.
        const direct = composeLetters(sample);
        const viaDb = composeLetters(exported!);
        expect(viaDb.letters.length).toBe(direct.letters.length);
        for (let i = 0; i < direct.letters.length; i++) {
          const a = await renderDocx(direct.letters[i]!.tree);
          const b = await renderDocx(viaDb.letters[i]!.tree);
          expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
        }
        if (sample.documents?.summary) {
          const a = await renderDocx(buildSummary({ dataset: sample, lang: "zh" }));
          const b = await renderDocx(buildSummary({ dataset: exported!, lang: "zh" }));
          expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
        }
        if (sample.documents?.annualReport) {
          const a = await renderDocx(buildAnnualReport({ dataset: sample, lang: "zh" }).tree);
          const b = await renderDocx(buildAnnualReport({ dataset: exported!, lang: "zh" }).tree);
          expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
        }
      } finally {
        await store.close();
        await database.drop();
      }
    });
  }

  it("exports the letters issued with their records: the library keeps their numbers", async () => {
    const database = await testDatabase();
    const store = await Store.open(database.target);
    try {
      const sample = JSON.parse(readFileSync(join("samples", SAMPLES[1]!), "utf8")) as Dataset;
      const office = await store.createOffice(sample, "测试");
      const app = sample.disclosure.applications![5]!;
      // Issued in the workbench before any other: number 1 of the year's replies.
      const issued = await store.issueLetter(
        office,
        sample.year,
        { appId: app.id, suffix: "reply", kind: "reply", date: app.reply!.date, snapshot: app },
        {
          pattern: "{short}公开复〔{year}〕{seq}号",
          format: (seq) => `${sample.agency.shortName}公开复〔2023〕${seq}号`,
        },
        "测试",
      );
      const exported = (await store.exportYear(office, sample.year))!;
      expect(exported.disclosure.applications![5]!.issued).toEqual({
        reply: { docNumber: issued.docNumber, date: app.reply!.date },
      });
      expect(validateDatasetText(JSON.stringify(exported), "x.json").ok).toBe(true);
      const numbers = new Map(
        composeLetters(exported)
          .letters.filter((l) => l.kind === "reply")
          .map((l) => [l.id, l.docNumber]),
      );
      expect(numbers.get(app.id)).toBe("青禾市监公开复〔2023〕1号");
      // The others follow it, in record order.
      expect(numbers.get(sample.disclosure.applications![0]!.id)).toBe("青禾市监公开复〔2023〕2号");
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it("keeps a record list that was absent absent, and an empty one empty", async () => {
    const database = await testDatabase();
    const store = await Store.open(database.target);
    try {
      const base = JSON.parse(readFileSync(join("samples", SAMPLES[1]!), "utf8")) as Dataset;
      const emptyList = {
        ...base,
        year: 2030,
        disclosure: { ...base.disclosure, applications: [] },
      } as Dataset;
      const id = await store.createOffice(emptyList, "测试");
      expect((await store.exportYear(id, 2030))!.disclosure.applications).toEqual([]);
      const { applications: _drop, ...rest } = base.disclosure;
      void _drop;
      await store.importYear(id, { ...base, year: 2031, disclosure: rest } as Dataset, "测试");
      expect("applications" in (await store.exportYear(id, 2031))!.disclosure).toBe(false);
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it("refuses to import a year twice unless asked to replace it, and history cannot be changed", async () => {
    const database = await testDatabase();
    const store = await Store.open(database.target);
    try {
      const sample = JSON.parse(readFileSync(join("samples", SAMPLES[1]!), "utf8")) as Dataset;
      const id = await store.createOffice(sample, "测试");
      await expect(store.importYear(id, sample, "测试")).rejects.toThrow("2023年度的数据已存在");
      await store.importYear(id, sample, "测试", true);
      expect((await store.applications(id, { year: 2023 })).length).toBe(
        sample.disclosure.applications!.length,
      );
      await expect(store.db.deleteFrom("history").execute()).rejects.toThrow("append-only");
      await expect(store.db.updateTable("history").set({ who: "x" }).execute()).rejects.toThrow(
        "append-only",
      );
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
