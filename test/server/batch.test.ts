/**
 * 年终批量 in the workbench (the embedded runner here: the server runs the batch itself, the same
 * job function the queue's workers run): a 负责人 enqueues the agency's year from the year
 * page, the jobs page shows it finish with links to its files; the files are served within the
 * user's scope only (another agency's answer 404, the address known or guessed); a 经办人
 * cannot enqueue; a 监督 enqueues one job per agency of their scope; the same batch asked for
 * again is not made twice.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SAMPLES_DIR, type Dataset } from "../../src/index.js";
import { rootWithTwoAgencies, testServer, text, type Client, type TestServer } from "./helpers.js";

let s: TestServer;
let ids: { root: number; a: number; b: number };

const sample = (): Dataset =>
  JSON.parse(readFileSync(join(SAMPLES_DIR, "2023-district-bureau.json"), "utf8")) as Dataset;

beforeEach(async () => {
  s = await testServer();
  ids = await rootWithTwoAgencies(s);
  await s.store.importYear(ids.a, sample(), "测试员");
  const b = sample();
  b.agency = { ...b.agency, name: "示例市青禾区乙局", shortName: "青禾乙局" };
  await s.store.importYear(ids.b, b, "测试员");
});
afterEach(async () => {
  await s.close();
});

/** The jobs page once no job is queued or running (the page reloads itself until then). */
async function settled(c: Client): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const page = await c.get("/batch");
    expect(page.statusCode).toBe(200);
    if (!/排队中|处理中/.test(text(page.body))) return page.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the batch did not finish");
}

const fileLinks = (html: string) => [
  ...new Set([...html.matchAll(/href="(\/batch\/files\/[^"?]+)/g)].map((m) => m[1]!)),
];

describe("年终批量", () => {
  it("a 负责人 makes the year's documents; only their scope can download them", async () => {
    const headA = await s.user(ids.a, "head-a", ["head"], { name: "赵主任" });
    const clerkA = await s.user(ids.a, "clerk-a", ["clerk"]);
    const headB = await s.user(ids.b, "head-b", ["head"]);
    const supR = await s.user(ids.root, "sup-r", ["supervisor"]);

    // The year page offers the batch to the head, not to the clerk (who is refused anyway).
    expect(text((await headA.get("/year-end?year=2023")).body)).toContain("生成2023年度全部年终文书");
    expect(text((await clerkA.get("/year-end?year=2023")).body)).not.toContain("生成2023年度全部年终文书");
    expect((await clerkA.post("/batch", { year: "2023" })).statusCode).toBe(403);
    expect((await headA.post("/batch", { year: "2019" })).statusCode).toBe(404);

    const queued = await headA.post("/batch", { year: "2023" });
    expect(queued.statusCode).toBe(303);
    expect(queued.headers.location).toBe("/batch?flash=queued");
    const page = await settled(headA);
    expect(text(page)).toContain("已完成");
    const links = fileLinks(page);
    expect(links.map((l) => l.split("/").pop()).sort()).toEqual([
      "annual-report.docx",
      "annual-report.pdf",
      "annual-report.xlsx",
      "letters.zip",
      "self-audit.docx",
      "self-audit.pdf",
    ]);
    expect(links.every((l) => l.startsWith(`/batch/files/${ids.a}/2023/`))).toBe(true);
    const pdf = links.find((l) => l.endsWith("annual-report.pdf"))!;
    const got = await headA.get(`${pdf}?download=1`);
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("application/pdf");
    expect(got.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(String(got.headers["content-disposition"])).toContain(
      encodeURIComponent("2023年度政府信息公开工作年度报告.pdf"),
    );

    // Another agency's user: the files are not there for them, the address known or guessed;
    // their page shows none of agency A's jobs.
    for (const l of links) expect((await headB.get(l)).statusCode).toBe(404);
    expect((await headB.get(`/batch/files/${ids.a}/2023/9.9/annual-report.pdf`)).statusCode).toBe(404);
    expect(fileLinks(await settled(headB))).toEqual([]);
    // The clerk of A reads them; the city's 监督 too.
    expect((await clerkA.get(pdf)).statusCode).toBe(200);
    expect((await supR.get(pdf)).statusCode).toBe(200);

    // Asked again with the data unchanged: the same job, nothing new.
    expect((await headA.post("/batch", { year: "2023" })).headers.location).toBe("/batch?flash=known");
    const revision = links[0]!.split("/")[5]!;
    expect(await s.store.batchOutputs.count(ids.a, 2023, revision)).toBe(6);
  });

  it("a 监督 enqueues one job per agency of their scope that has the year", async () => {
    const supR = await s.user(ids.root, "sup-r", ["supervisor"]);
    expect(text((await supR.get("/batch")).body)).toContain("为本机关及全部下属机关生成");
    const r = await supR.post("/batch/all", { year: "2023" });
    expect(r.headers.location).toBe("/batch?flash=all-2"); // A and B; the root has no 2023
    const page = text(await settled(supR));
    expect(page).toContain("示例市青禾区甲局 2023年度");
    expect(page).toContain("示例市青禾区乙局 2023年度");
    for (const id of [ids.a, ids.b]) {
      const files = await s.store.batchOutputs.ofAgencies([id]);
      expect(files).toHaveLength(6);
    }
    // Again: nothing added.
    expect((await supR.post("/batch/all", { year: "2023" })).headers.location).toBe("/batch?flash=all-0");
  });
});
