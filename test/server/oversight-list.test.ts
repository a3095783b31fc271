/**
 * 督办's case list: each row links to the application, which a 监督 opens read-only (no form)
 * on the agency it belongs to; filtered, sorted and paged like the clerk's worklist, while the
 * counts per agency stay those of every case.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { oversightOf, oversightPage, type OversightView } from "../../src/server/oversight.js";
import { PAGE_SIZE } from "../../src/server/pages.js";
import {
  APPLICATION_FORM,
  rootWithTwoAgencies,
  testServer,
  text,
  type Client,
  type TestServer,
} from "./helpers.js";

let s: TestServer;
let ids: { root: number; a: number; b: number };
let supR: Client;
let clerkA: Client;

const received = (id: string, day: string, extra: Record<string, string> = {}) => ({
  ...APPLICATION_FORM,
  id,
  submitted: day,
  signedFor: day,
  ...extra,
});

/** The case list's rows, as text. */
function cases(html: string): string[] {
  const table = /<table class="oversight-cases">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!).trim());
}

function summary(html: string): string {
  return text(/<table class="oversight-summary">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "");
}

beforeEach(async () => {
  s = await testServer("2026-11-25");
  ids = await rootWithTwoAgencies(s);
  clerkA = await s.user(ids.a, "clerk-a", ["clerk"]);
  const clerkB = await s.user(ids.b, "clerk-b", ["clerk"]);
  expect((await clerkA.post("/applications", received("YSQ2026-001", "2026-09-15"))).statusCode).toBe(303);
  expect((await clerkA.post("/applications", received("YSQ2026-003", "2026-09-20"))).statusCode).toBe(303);
  expect(
    (await clerkB.post("/applications", received("YSQ2026-001", "2026-11-02", { content: "乙局的申请内容" })))
      .statusCode,
  ).toBe(303);
  supR = await s.user(ids.root, "sup-r", ["supervisor"], { name: "钱监督" });
});
afterEach(async () => {
  await s.close();
});

describe("督办 case list", () => {
  it("rows link to the application, which the 监督 reads on its own agency, without any form", async () => {
    const res = await supR.get("/oversight");
    const href = `/applications/2026/YSQ2026-001?agency=${ids.b}`;
    expect(res.body).toContain(`href="${href}"`);
    const page = await supR.get(href);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain("乙局的申请内容");
    expect(text(page.body)).toContain("只供查阅");
    expect(page.body).not.toMatch(/action="\/applications\/2026\/YSQ2026-001\/(steps|sign-off)/);
    // A's application of the same number, on A.
    expect(text((await supR.get(`/applications/2026/YSQ2026-001?agency=${ids.a}`)).body)).not.toContain(
      "乙局的申请内容",
    );
    // Only for that request: the session still looks at the root agency.
    expect(text((await supR.get("/")).body)).not.toContain("YSQ2026-001");
    // Outside the scope: 404, for a clerk too; the clerk's own agency is fine.
    const supA = await s.user(ids.a, "sup-a", ["supervisor"]);
    expect((await supA.get(href)).statusCode).toBe(404);
    expect((await clerkA.get(href)).statusCode).toBe(404);
    expect((await clerkA.get(`/applications/2026/YSQ2026-001?agency=abc`)).statusCode).toBe(404);
    const own = await clerkA.get(`/applications/2026/YSQ2026-001?agency=${ids.a}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toMatch(/action="\/applications\/2026\/YSQ2026-001\/steps\//);
  });

  it("filters and sorts the list; the counts per agency stay those of every case", async () => {
    const all = await supR.get("/oversight");
    expect(cases(all.body).map((r) => r.split(" ").slice(0, 2).join(" "))).toEqual([
      "示例市青禾区甲局 YSQ2026-001",
      "示例市青禾区甲局 YSQ2026-003",
      "示例市青禾区乙局 YSQ2026-001",
    ]);
    const overdue = await supR.get("/oversight?status=overdue");
    expect(cases(overdue.body)).toHaveLength(2);
    expect(summary(overdue.body)).toBe(summary(all.body));
    const soon = await supR.get("/oversight?status=due-soon");
    expect(cases(soon.body).map((r) => r.split(" ")[0])).toEqual(["示例市青禾区乙局"]);
    expect(cases((await supR.get("/oversight?q=003")).body).map((r) => r.split(" ")[1])).toEqual([
      "YSQ2026-003",
    ]);
    expect(text((await supR.get("/oversight?q=999")).body)).toContain("没有符合条件的申请");
    const desc = await supR.get("/oversight?sort=agency&dir=desc");
    expect(cases(desc.body)[0]).toMatch(/^示例市青禾区乙局/);
    expect(desc.body).toMatch(/aria-sort="descending"/);
    const byReceived = await supR.get("/oversight?sort=received&dir=desc");
    expect(cases(byReceived.body).map((r) => r.split(" ").slice(0, 2).join(" "))).toEqual([
      "示例市青禾区乙局 YSQ2026-001",
      "示例市青禾区甲局 YSQ2026-003",
      "示例市青禾区甲局 YSQ2026-001",
    ]);
    // A sort link keeps the filter.
    expect(overdue.body).toContain("/oversight?status=overdue&#38;sort=id&#38;dir=asc");
  });

  it("pages the list, the counts unchanged", async () => {
    const scope = (await s.store.offices()).map((o, k) => ({
      id: o.id,
      name: o.name,
      depth: k === 0 ? 0 : 1,
    }));
    const o = await oversightOf(s.wb, scope, "2026-11-25");
    const rowA = o.rows.find((r) => r.agency.id === ids.a)!;
    const many = Array.from({ length: PAGE_SIZE + 20 }, (_, k) => ({
      ...rowA.items[0]!,
      id: `YSQ2026-${String(100 + k).padStart(3, "0")}`,
    }));
    const big = {
      ...o,
      rows: o.rows.map((r) => (r === rowA ? { ...r, overdue: many.length, items: many } : r)),
    };
    const view: OversightView = {
      agency: scope[0]!,
      scope,
      status: "",
      q: "",
      sort: "id",
      dir: "asc",
      page: 1,
      chosen: false,
    };
    const one = oversightPage({ csrf: "", office: "x" }, big, view);
    const two = oversightPage({ csrf: "", office: "x" }, big, { ...view, page: 2 });
    expect(cases(one)).toHaveLength(PAGE_SIZE);
    expect(cases(two)).toHaveLength(21);
    expect(text(one)).toContain(`共${PAGE_SIZE + 21}件，第1页（共2页）`);
    expect(one).toContain("/oversight?page=2&#38;sort=id&#38;dir=asc");
    expect(cases(one)[0]).toMatch(/^示例市青禾区乙局 YSQ2026-001 /);
    expect(cases(two).at(-1)).toMatch(/^示例市青禾区甲局 YSQ2026-219 /);
    expect(summary(two)).toBe(summary(one));
    expect(summary(one)).toContain(`示例市青禾区甲局 2 0 ${PAGE_SIZE + 20}`);
  });
});
