/**
 * The 年终批量 page of a 监督 reads its whole scope in a constant number of queries (it read each
 * agency's years and each batch's revision one query at a time), and shows the same: every year
 * of the scope to choose, each stored batch with its agency, and whether the data changed since.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KyselyPlugin, PluginTransformQueryArgs, RootOperationNode } from "kysely";
import { SAMPLES_DIR, type Dataset } from "../../src/index.js";
import { Store } from "../../src/storage/index.js";
import { Workbench } from "../../src/server/workbench.js";
import { buildServer } from "../../src/server/app.js";
import { revisionOf } from "../../src/jobs/index.js";
import {
  agencyForm,
  clientOf,
  rootWithTwoAgencies,
  testServer,
  text,
  TOKEN,
  type TestServer,
} from "./helpers.js";

let s: TestServer;
let ids: { root: number; a: number; b: number };
let queries = 0;

class CountQueries implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    queries++;
    return args.node;
  }
  transformResult<T>(args: { result: T }): Promise<T> {
    return Promise.resolve(args.result);
  }
}

const sample = (): Dataset =>
  JSON.parse(readFileSync(join(SAMPLES_DIR, "2023-district-bureau.json"), "utf8")) as Dataset;

const FILE = {
  name: "annual-report.pdf",
  mediaType: "application/pdf",
  bytes: new Uint8Array([37, 80, 68, 70]),
};

beforeEach(async () => {
  s = await testServer("2026-11-25");
  ids = await rootWithTwoAgencies(s);
});
afterEach(async () => {
  await s.close();
});

/** What the page shows: the years offered to the 监督, and each stored batch's line. */
function shown(html: string): { years: string[]; batches: string[] } {
  const select = /<select id="batch-all-year"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
  const list = /<ul class="batches">([\s\S]*)<\/ul>/.exec(html)?.[1] ?? "";
  return {
    years: [...select.matchAll(/<option value="(\d+)"/g)].map((m) => m[1]!),
    batches: [
      ...list.matchAll(/<strong>([\s\S]*?)<\/strong>（[^）]*?(；此后数据已有变更，可重新生成)?）/g),
    ].map((m) => `${text(m[1]!).trim()}${m[2] ? " 已变更" : ""}`),
  };
}

describe("年终批量 page", () => {
  it("shows the scope's years and batches, with a number of queries that does not grow with the scope", async () => {
    const a2023 = sample();
    a2023.agency = { ...a2023.agency, name: "示例市青禾区甲局" };
    await s.store.importYear(ids.a, a2023, "测试员");
    // Made at distinct times (two puts can fall in the same millisecond), so "newest first" is defined.
    const put = async (office: number, year: number, at: string) =>
      s.store.batchOutputs.put(
        { officeId: office, year, revision: await revisionOf(s.store, office, year) },
        `job-${office}-${year}`,
        [FILE],
        new Date(at),
      );
    await put(ids.a, 2023, "2026-11-20T08:00:00Z");
    await put(ids.b, 2026, "2026-11-21T08:00:00Z");
    // B's data changes after its batch: the page says so.
    await s.store.updateYearBody(ids.b, (await s.store.yearBody(ids.b, 2026))!, "测试员");

    // A server on the same database whose store counts every query it runs.
    const counted = Object.create(s.store, {
      db: { value: s.store.db.withPlugin(new CountQueries()) },
    }) as Store;
    const app = await buildServer({
      workbench: new Workbench(counted, "测试员"),
      token: TOKEN,
      today: () => "2026-11-25",
    });
    try {
      await s.user(ids.root, "sup-r", ["supervisor"]);
      const sup = clientOf(app, false);
      expect((await sup.login("sup-r", "pass-word-9")).statusCode).toBe(303);
      const look = async () => {
        queries = 0;
        const res = await sup.get("/batch");
        expect(res.statusCode).toBe(200);
        return { queries, ...shown(res.body) };
      };
      const first = await look();
      expect({ years: first.years, batches: first.batches }).toEqual({
        years: ["2026", "2023"],
        // Newest first.
        batches: ["示例市青禾区乙局 2026年度 已变更", "示例市青禾区甲局 2023年度"],
      });
      expect(first.queries).toBeGreaterThan(0);

      // Four more agencies with years and batches of their own: the same number of queries.
      for (const [i, n] of ["丙", "丁", "戊", "己"].entries()) {
        expect(
          (await s.post("/admin/agencies", agencyForm(`示例市青禾区${n}局`, `青禾${n}局`, ids.root)))
            .statusCode,
        ).toBe(303);
        const id = (await s.store.offices()).find((o) => o.name === `示例市青禾区${n}局`)!.id;
        await put(id, 2026, `2026-11-2${2 + i}T08:00:00Z`);
      }
      // The new agencies are in the session's scope from its next request on.
      const second = await look();
      expect(second.batches).toHaveLength(6);
      expect(second.batches.slice(-2)).toEqual(first.batches);
      expect(second.years).toEqual(["2026", "2023"]);
      expect(second.queries).toBe(first.queries);
    } finally {
      await app.close();
    }
  });
});
