/**
 * 督办: a 监督's overdue and due-soon applications across every agency of their scope, counted
 * per agency from the same facts as each agency's own worklist; nobody else may open it, and
 * an agency outside the scope (a sibling's, or a guessed id) is 404.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

/** Received (signed for) on `day`, by registered post. */
const received = (id: string, day: string, extra: Record<string, string> = {}) => ({
  ...APPLICATION_FORM,
  id,
  submitted: day,
  signedFor: day,
  ...extra,
});

/** The summary table's rows: agency name and its three counts. */
function summary(html: string): string[][] {
  const table = /<table class="oversight-summary">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      text(c[1]!)
        .replace(/\u3000/g, "")
        .trim(),
    ),
  );
}

/** The case list's rows, as text. */
function cases(html: string): string[] {
  const table = /<table class="oversight-cases">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!).trim());
}

beforeEach(async () => {
  s = await testServer("2026-11-25");
  ids = await rootWithTwoAgencies(s);
  const clerkA = await s.user(ids.a, "clerk-a", ["clerk"]);
  const clerkB = await s.user(ids.b, "clerk-b", ["clerk"]);
  // A: one long overdue (September), one with weeks to go; B: one due within days.
  expect((await clerkA.post("/applications", received("YSQ2026-001", "2026-09-15"))).statusCode).toBe(303);
  expect((await clerkA.post("/applications", received("YSQ2026-002", "2026-11-20"))).statusCode).toBe(303);
  expect(
    (
      await clerkB.post(
        "/applications",
        received("YSQ2026-001", "2026-11-02", {
          "applicant.type": "commercial-enterprise",
          "applicant.name": "某公司",
        }),
      )
    ).statusCode,
  ).toBe(303);
  supR = await s.user(ids.root, "sup-r", ["supervisor"], { name: "钱监督" });
});
afterEach(async () => {
  await s.close();
});

describe("督办", () => {
  it("counts each agency's open, due-soon and overdue applications exactly, from the agencies' own worklists", async () => {
    const res = await supR.get("/oversight");
    expect(res.statusCode).toBe(200);
    expect(summary(res.body)).toEqual([
      ["示例市青禾区市场监督管理局", "0", "0", "0"],
      ["示例市青禾区甲局", "2", "0", "1"],
      ["示例市青禾区乙局", "1", "1", "0"],
    ]);
    expect(text(res.body)).toContain("合计 3 1 1");
    // The same standings as each agency's worklist (the library's facts, not recomputed).
    const a = (await s.wb.worklistOf(ids.a, "2026-11-25")).items.find((w) => w.id === "YSQ2026-001")!;
    const b = (await s.wb.worklistOf(ids.b, "2026-11-25")).items.find((w) => w.id === "YSQ2026-001")!;
    expect(a.standing.status).toBe("overdue");
    expect(b.standing.status).toBe("due-soon");
    const dateCn = (d: string) =>
      `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;
    // Most urgent first; no name, phone or content of the applicant; dates as clerks write them.
    expect(cases(res.body)).toEqual([
      `示例市青禾区甲局 YSQ2026-001 自然人 2026年9月15日 ${dateCn(a.standing.due!)} 逾期${-a.standing.daysLeft!}个工作日 已逾期`,
      `示例市青禾区乙局 YSQ2026-001 商业企业 2026年11月2日 ${dateCn(b.standing.due!)} 剩余${b.standing.daysLeft}个工作日 即将到期`,
    ]);
    const page = text(res.body);
    for (const secret of ["张某某", "某公司", "13800000000", APPLICATION_FORM.content, "natural-person"])
      expect(page).not.toContain(secret);
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // A later day: B's case is overdue too.
    const later = await supR.get("/oversight?asOf=2026-12-31");
    expect(summary(later.body).map((r) => r[3])).toEqual(["0", "2", "1"]);
    expect((await supR.get("/oversight?asOf=2026-13-01")).statusCode).toBe(400);
    // The menu offers it to the 监督, on whichever agency the session is looking at.
    expect(res.body).toMatch(/<a href="\/oversight"\s+aria-current="page"\s*>督办<\/a>/);
    expect((await supR.post("/session/agency", { agency: String(ids.b) })).statusCode).toBe(303);
    expect(summary((await supR.get("/oversight")).body)).toHaveLength(3);
  });

  it("one agency's part of the scope; a sibling agency or a guessed id is 404", async () => {
    expect(summary((await supR.get(`/oversight?agency=${ids.a}`)).body)).toEqual([
      ["示例市青禾区甲局", "2", "0", "1"],
    ]);
    const supA = await s.user(ids.a, "sup-a", ["supervisor"]);
    const own = await supA.get("/oversight");
    expect(summary(own.body)).toEqual([["示例市青禾区甲局", "2", "0", "1"]]);
    expect(text(own.body)).not.toContain("乙局");
    for (const agency of [ids.b, ids.root, 987654, "abc"])
      expect((await supA.get(`/oversight?agency=${agency}`)).statusCode, String(agency)).toBe(404);
  });

  it("a 经办人, 负责人 or 管理员 gets 403 and no menu entry", async () => {
    const clerk = await s.user(ids.root, "clerk-r", ["clerk", "head"]);
    for (const user of [clerk, s]) {
      const res = await user.get("/oversight");
      expect(res.statusCode).toBe(403);
      expect(text(res.body)).not.toContain("甲局");
      expect((await user.get("/")).body).not.toContain('href="/oversight"');
    }
  });
});
