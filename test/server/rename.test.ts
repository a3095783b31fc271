/**
 * Renaming an agency renames it in its years' datasets too (letters and documents print the name
 * from there), in the same transaction, recorded in history with the user; a process that had
 * the year's body cached sees the new name.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APPLICATION_FORM, rootWithTwoAgencies, testServer, type TestServer } from "./helpers.js";
import { docxText } from "../helpers/docx.js";

let s: TestServer;
let ids: { root: number; a: number; b: number };

beforeEach(async () => {
  s = await testServer("2026-11-25");
  ids = await rootWithTwoAgencies(s);
});
afterEach(async () => {
  await s.close();
});

const OLD = "示例市青禾区甲局";
const NEW = "示例市青禾区甲管理局";

describe("renaming an agency", () => {
  it("changes the name its letters print, in every year, with a history row naming the user", async () => {
    const clerkA = await s.user(ids.a, "clerk-a", ["clerk"]);
    expect((await clerkA.post("/applications", APPLICATION_FORM)).statusCode).toBe(303);
    const url = "/applications/2026/YSQ2026-001/letters/receipt.docx";
    const before = await clerkA.get(url);
    expect(before.statusCode).toBe(200);
    expect(docxText(before.rawPayload)).toContain(OLD);
    const revision = (await s.store.revisions(ids.a, [2026])).get(2026)!;
    const stamp = await s.store.yearBodyStamp(ids.a, 2026);

    const res = await s.post(`/admin/agencies/${ids.a}`, { name: NEW, parent: String(ids.root) });
    expect(res.statusCode).toBe(303);

    expect((await s.store.offices()).find((o) => o.id === ids.a)!.name).toBe(NEW);
    expect((await s.store.yearBody(ids.a, 2026))!.agency.name).toBe(NEW);
    expect((await s.store.exportYear(ids.a, 2026))!.agency.name).toBe(NEW);
    expect(await s.store.yearBodyStamp(ids.a, 2026)).not.toBe(stamp);
    expect((await s.store.revisions(ids.a, [2026])).get(2026)).toBeGreaterThan(revision);
    const after = await clerkA.get(url);
    expect(after.statusCode).toBe(200);
    const letter = docxText(after.rawPayload);
    expect(letter).toContain(NEW);
    expect(letter).not.toContain(OLD);
    const admin = (await s.store.accounts.login("admin"))!;
    const rows = (await s.store.historyOf(ids.a, 2026, "")).filter((h) => h.action === "rename-agency");
    expect(rows.map((h) => [h.field, h.oldValue, h.newValue, h.userId, h.who])).toEqual([
      ["agency.name", JSON.stringify(OLD), JSON.stringify(NEW), admin.id, "王管理"],
    ]);
    // Another agency's data is untouched.
    expect((await s.store.yearBody(ids.b, 2026))!.agency.name).toBe("示例市青禾区乙局");
    // The same name again changes nothing and writes no history.
    expect(
      (await s.post(`/admin/agencies/${ids.a}`, { name: NEW, parent: String(ids.root) })).statusCode,
    ).toBe(303);
    expect(
      (await s.store.historyOf(ids.a, 2026, "")).filter((h) => h.action === "rename-agency"),
    ).toHaveLength(1);
  });
});
