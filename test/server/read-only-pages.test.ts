/**
 * Pages read through ?agency= (a 监督 looking at an agency below) keep that scope in every link
 * (letters, versions, back links), and every page offers only the actions the server's own
 * access check lets its user take: a rendered form never answers 403, a refused one is never
 * rendered.
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
let clerkA: Client;
let headA: Client;
const BASE = "/applications/2026/YSQ2026-001";

/** The links of a page to the workbench's own pages (not static files). */
function links(html: string): string[] {
  return [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&#38;/g, "&"))
    .filter((h) => !h.startsWith("/static/"));
}

/** The forms of a page: action and fields (hidden values as given, others empty). */
function forms(html: string): { action: string; fields: Record<string, string> }[] {
  return [...html.matchAll(/<form\b[^>]*method="post"[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map(
    (m) => {
      const fields: Record<string, string> = {};
      for (const i of m[2]!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g))
        if (i[1] !== "_csrf") fields[i[1]!] = i[2]!;
      return { action: m[1]!.replace(/&#38;/g, "&"), fields };
    },
  );
}

const SESSION_FORMS = new Set(["/logout", "/session/agency"]);

beforeEach(async () => {
  s = await testServer("2026-11-25");
  ids = await rootWithTwoAgencies(s);
  clerkA = await s.user(ids.a, "clerk-a", ["clerk"]);
  headA = await s.user(ids.a, "head-a", ["head"]);
  expect((await clerkA.post("/applications", APPLICATION_FORM)).statusCode).toBe(303);
  expect(
    (
      await clerkA.post(`${BASE}/steps/reply`, {
        version: "1",
        "reply.date": "2026-11-20",
        "reply.type": "disclosed",
        "reply.delivery.form": "paper",
        "reply.delivery.method": "post",
      })
    ).statusCode,
  ).toBe(303);
});
afterEach(async () => {
  await s.close();
});

describe("a page read through ?agency=", () => {
  it("carries the scope in every link, and each link opens (no 404)", async () => {
    const sup = await s.user(ids.root, "sup-r", ["supervisor"]);
    const page = await sup.get(`${BASE}?agency=${ids.a}`);
    expect(page.statusCode).toBe(200);
    const own = links(page.body).filter((h) => h.startsWith("/applications/"));
    expect(own.length).toBeGreaterThan(3);
    for (const h of own) expect(h, h).toMatch(new RegExp(`[?&]agency=${ids.a}(&|$)`));
    expect(links(page.body)).toContain("/oversight");
    // The letter page: its back link, downloads and preview frame keep the scope too.
    const letterHref = own.find((h) => /\/letters\/reply\?agency=/.test(h))!;
    const letter = await sup.get(letterHref);
    expect(letter.statusCode).toBe(200);
    const fromLetter = links(letter.body).filter((h) => h.startsWith("/applications/"));
    expect(fromLetter).toContain(`${BASE}?agency=${ids.a}`);
    for (const h of fromLetter) {
      expect(h, h).toMatch(new RegExp(`[?&]agency=${ids.a}(&|$)`));
      // HTML pages are opened; the documents' own rendering is other tests' (slow) business.
      if (!/\.(pdf|docx)/.test(h)) expect((await sup.get(h)).statusCode, h).toBe(200);
    }
    expect((await sup.get(`${BASE}/letters/reply.docx?agency=${ids.a}`)).statusCode).toBe(200);
    // Without the scope the record is not the session's agency's: 404, as before.
    expect((await sup.get(`${BASE}/letters/reply`)).statusCode).toBe(404);
  });

  it("offers no write action to a 监督: no step, sign-off or issue form, and the server refuses them", async () => {
    const sup = await s.user(ids.root, "sup-r", ["supervisor"]);
    const page = await sup.get(`${BASE}?agency=${ids.a}`);
    const actions = forms(page.body).map((f) => f.action);
    expect(actions.filter((a) => !SESSION_FORMS.has(a))).toEqual([]);
    const buttons = [...page.body.matchAll(/<button[^>]*>([\s\S]*?)<\/button>/g)].map((m) =>
      text(m[1]!).trim(),
    );
    expect(buttons.filter((b) => b !== "退出" && b !== "切换")).toEqual([]);
    expect(text(page.body)).toContain("只供查阅");
    for (const url of [`${BASE}/sign-off`, `${BASE}/letters/reply/issue`, `${BASE}/steps/delivered`])
      expect((await sup.post(url, { version: "2" })).statusCode, url).toBe(403);
  });
});

describe("action buttons follow the route's access rule", () => {
  it("each user is offered exactly the forms the server accepts from them", async () => {
    const cases: [string, Client, { has: RegExp[]; lacks: RegExp[] }][] = [
      [
        "经办人",
        clerkA,
        { has: [/\/letters\/reply\/issue$/, /\/steps\/delivered$/], lacks: [/\/sign-off$/] },
      ],
      ["负责人", headA, { has: [/\/sign-off$/], lacks: [/\/issue$/, /\/steps\/delivered$/] }],
    ];
    for (const [who, user, want] of cases) {
      const page = await user.get(BASE);
      const list = forms(page.body).filter((f) => !SESSION_FORMS.has(f.action));
      const actions = list.map((f) => f.action);
      for (const re of want.has)
        expect(
          actions.some((a) => re.test(a)),
          `${who} ${re}`,
        ).toBe(true);
      for (const re of want.lacks)
        expect(
          actions.some((a) => re.test(a)),
          `${who} ${re}`,
        ).toBe(false);
      // A rendered form is never refused by the access check (it may fail on its content).
      for (const f of list) {
        if (/\/steps\//.test(f.action)) continue; // would change the record for the next user
        expect((await user.post(f.action, f.fields)).statusCode, `${who} ${f.action}`).not.toBe(403);
      }
    }
  });

  it("the menu and the other pages hide what the role cannot do", async () => {
    const sup = await s.user(ids.root, "sup-r", ["supervisor"]);
    expect((await sup.post("/session/agency", { agency: String(ids.a) })).statusCode).toBe(303);
    for (const url of ["/", "/cases", "/data"]) {
      const page = await sup.get(url);
      expect(page.statusCode, url).toBe(200);
      expect(
        forms(page.body)
          .map((f) => f.action)
          .filter((a) => !SESSION_FORMS.has(a)),
        url,
      ).toEqual([]);
      expect(page.body, url).not.toContain('href="/applications/new"');
    }
    // The clerk registers and handles cases but does not import whole years (管理员).
    const data = await clerkA.get("/data");
    expect(forms(data.body).map((f) => f.action)).not.toContain("/data/import");
    expect((await clerkA.get("/cases")).body).toContain('action="/cases"');
    expect((await headA.get("/")).body).not.toContain('href="/applications/new"');
  });
});
