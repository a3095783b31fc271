/**
 * The history rows of one change go in one multi-row INSERT (a registration wrote one INSERT
 * per field: the load test's registration p95), in the change's transaction, in field order.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KyselyPlugin, PluginTransformQueryArgs, RootOperationNode } from "kysely";
import { Store } from "../../src/storage/index.js";
import type { Application, Dataset } from "../../src/index.js";
import { testDatabase, type TestDatabase } from "../helpers/db.js";

let database: TestDatabase;
let store: Store;
/** The store, its queries counted: INSERTs into history, and how many rows each carried. */
let counted: Store;
let inserts: number[];

class CountHistoryInserts implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const n = args.node;
    if (n.kind === "InsertQueryNode" && n.into?.table.identifier.name === "history")
      inserts.push(n.values?.kind === "ValuesNode" ? n.values.values.length : 0);
    return n;
  }
  transformResult<T>(args: { result: T }): Promise<T> {
    return Promise.resolve(args.result);
  }
}

beforeEach(async () => {
  database = await testDatabase();
  store = await Store.open(database.target);
  counted = Object.create(store, {
    db: { value: store.db.withPlugin(new CountHistoryInserts()) },
  }) as Store;
  inserts = [];
});
afterEach(async () => {
  await store.close();
  await database.drop();
});

function sample(): Dataset {
  return JSON.parse(readFileSync(join("samples", "2023-district-bureau.json"), "utf8")) as Dataset;
}

const record = (id: string): Application =>
  ({
    id,
    applicant: { type: "natural-person", name: "某某", phone: "13800000000", address: "某路1号" },
    channel: "registered-post",
    submitted: "2023-06-01",
    signedFor: "2023-06-02",
    content: "某某信息",
  }) as Application;

describe("history of one change", () => {
  it("is one INSERT of every changed field's row, named with the user, in field order", async () => {
    const office = await store.createOffice(sample(), "载入");
    const who = { userId: 7, name: "张经办" };
    inserts = [];
    await counted.insertApplication(office, 2023, record("YSQ2023-901"), who);
    expect(inserts).toEqual([9]);
    const reg = await store.historyOf(office, 2023, "YSQ2023-901");
    expect(reg.map((h) => h.field)).toEqual([
      "id",
      "applicant.type",
      "applicant.name",
      "applicant.phone",
      "applicant.address",
      "channel",
      "submitted",
      "signedFor",
      "content",
    ]);
    expect(reg.every((h) => h.userId === 7 && h.action === "register")).toBe(true);
    expect(new Set(reg.map((h) => h.at)).size).toBe(1);

    inserts = [];
    const changed = {
      ...record("YSQ2023-901"),
      reply: { date: "2023-06-20", type: "disclosed" },
    } as Application;
    await counted.updateApplication(office, 2023, changed, 1, who, "reply");
    expect(inserts).toEqual([2]);

    // A ledger of several records: one INSERT for the whole confirmation.
    inserts = [];
    await counted.saveApplications(
      office,
      2023,
      [
        { record: record("YSQ2023-902"), version: null },
        { record: record("YSQ2023-903"), version: null },
      ],
      who,
      "import-applications",
    );
    expect(inserts).toEqual([18]);
    expect((await store.historyOf(office, 2023, "YSQ2023-903")).map((h) => h.field)).toEqual(
      reg.map((h) => h.field),
    );
  });
});
