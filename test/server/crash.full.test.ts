/**
 * A workbench process killed with SIGKILL loses nothing it acknowledged: `gongwen serve` on a
 * SQLite file is killed in the middle of a large dataset import and in the middle of a run of
 * letter issues; restarted on the same file, every acknowledged write is there, the write in
 * flight is there whole or not at all, and the next letter number is never one already issued.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { csrfFor } from "../../src/server/app.js";
import { Store } from "../../src/storage/index.js";
import { TEST_ENGINE } from "../helpers/db.js";

const CLI = resolve("dist/cli/main.js");

interface Served {
  child: ChildProcess;
  base: string;
  cookie: string;
  csrf: string;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

const ADMIN = { username: "admin", name: "王管理", password: "correct-horse-1" };

/**
 * `gongwen serve` on `db`: on a database without users it prints the setup link, and the demo
 * office is set up with its first administrator; either way the client then logs in.
 */
async function serve(db: string): Promise<Served> {
  const child = spawn("node", [CLI, "serve", "--db", db, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  const out = await new Promise<string>((done, fail) => {
    let text = "";
    child.stdout!.on("data", (b: Buffer) => {
      text += b.toString();
      if (text.includes("Ctrl+C")) done(text);
    });
    child.once("exit", (code) => fail(new Error(`serve exited ${code}: ${text}`)));
  });
  const base = /工作台已启动：(http:\/\/127\.0\.0\.1:\d+)\//.exec(out)![1]!;
  const token = /\?token=([\w-]+)/.exec(out)?.[1];
  const s: Served = { child, base, cookie: "", csrf: "" };
  if (token !== undefined) {
    s.cookie = `gongwen_token=${token}`;
    s.csrf = csrfFor(token);
    const made = await post(s, "/setup/samples", {
      "admin.username": ADMIN.username,
      "admin.name": ADMIN.name,
      "admin.password": ADMIN.password,
      "admin.password2": ADMIN.password,
    });
    expect(made.status).toBe(303);
  }
  const page = await fetch(`${base}/login`);
  const login = page.headers.getSetCookie()[0]!.split(";")[0]!;
  const form = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const r = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: login },
    body: new URLSearchParams({ _csrf: form, username: ADMIN.username, password: ADMIN.password }).toString(),
  });
  expect(r.status).toBe(303);
  s.cookie = r.headers
    .getSetCookie()
    .find((c) => c.startsWith("gongwen_session="))!
    .split(";")[0]!;
  const home = await (await fetch(`${base}/account`, { headers: { cookie: s.cookie } })).text();
  s.csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(home)![1]!;
  return s;
}

/** The head's sign-off of an application's reply (the administrator is also the 负责人). */
async function signOff(s: Served, path: string): Promise<void> {
  const page = await (await fetch(s.base + path, { headers: { cookie: s.cookie } })).text();
  const version = /action="[^"]*\/sign-off"[\s\S]*?name="version" value="(\d+)"/.exec(page)![1]!;
  expect((await post(s, `${path}/sign-off`, { version })).status).toBe(303);
}

function post(s: Served, path: string, form: Record<string, string>): Promise<Response> {
  return fetch(s.base + path, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: s.cookie },
    body: new URLSearchParams({ ...form, _csrf: s.csrf }).toString(),
  });
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await gone;
}

/** The fixture year (approval items, one case) as year `year` with `n` approval cases. */
function bigYear(year: number, n: number): string {
  const text = readFileSync("test/fixtures/ledgers/dataset-2014.json", "utf8").replaceAll(
    "2014",
    String(year),
  );
  const d = JSON.parse(text) as { approval: { cases: Record<string, unknown>[] } };
  const one = d.approval.cases[0]!;
  d.approval.cases = Array.from({ length: n }, (_, i) => ({
    ...one,
    id: `SP${year}-${String(i + 1).padStart(6, "0")}`,
  }));
  return JSON.stringify(d);
}

function integrity(db: string): string {
  const raw = new Database(db, { readonly: true });
  try {
    return String((raw.pragma("integrity_check", { simple: true }) as string) ?? "");
  } finally {
    raw.close();
  }
}

// The embedded database (a file the process writes itself) is what a kill can hurt; a PostgreSQL
// server outlives its client, so the postgres run of the suites leaves this file out.
describe.skipIf(TEST_ENGINE === "postgres")("kill -9 loses nothing acknowledged", () => {
  it("during dataset imports: acknowledged years whole, one in flight whole or absent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongwen-crash-"));
    const db = join(dir, "workbench.sqlite");
    let s = await serve(db);
    // One import acknowledged (timed), then more of the same size, each killed part-way.
    const N = 5_000;
    const t0 = performance.now();
    const first = await post(s, "/data/import", { text: bigYear(2015, N), fileName: "2015.json" });
    expect(first.status).toBe(303);
    const took = performance.now() - t0;
    // Then the same size again for other years, each killed after a shorter share of the first
    // import's time, so that at least one kill lands while the import is being read, checked or
    // written, however fast or loaded the machine is (one fixed share let a fast machine finish
    // before the kill). An import answered before its kill must be whole.
    const outcome = new Map<number, number | "killed">();
    for (const [i, share] of [0.5, 0.25, 0.1, 0.03].entries()) {
      const year = 2016 + i;
      const inFlight = post(s, "/data/import", {
        text: bigYear(year, N),
        fileName: `${year}.json`,
      }).then(
        (r) => r.status,
        () => "killed" as const,
      );
      await new Promise((r) => setTimeout(r, Math.max(5, took * share)));
      await kill9(s.child);
      outcome.set(year, await inFlight);
      expect(integrity(db)).toBe("ok");
      s = await serve(db);
    }
    expect([...outcome.values()]).toContain("killed");

    const store = await Store.open(db);
    try {
      const office = (await store.offices())[0]!;
      const years = await store.years(office.id);
      expect(years).toEqual(expect.arrayContaining([2014, 2015, 2023]));
      expect((await store.cases(office.id, 2015)).length).toBe(N);
      expect((await store.applications(office.id, { year: 2023 })).length).toBe(42);
      for (const [year, answer] of outcome) {
        const partial = (await store.cases(office.id, year)).length;
        // Whole or not at all; acknowledged → whole.
        expect([0, N]).toContain(partial);
        expect(years.includes(year)).toBe(partial === N);
        if (answer !== "killed") expect(partial).toBe(N);
      }
    } finally {
      await store.close();
    }
    // The server (started again after the last kill) serves the office.
    const home = await fetch(s.base + "/", { headers: { cookie: s.cookie } });
    expect(home.status).toBe(200);
    await kill9(s.child);
  });

  it("during letter issuing: every acknowledged number kept, none handed out twice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongwen-crash-"));
    const db = join(dir, "workbench.sqlite");
    let s = await serve(db);
    await signOff(s, "/applications/2023/YSQ2023-001");
    const path = "/applications/2023/YSQ2023-001/letters/reply/issue";
    for (let i = 0; i < 5; i++) expect((await post(s, path, {})).status).toBe(303);
    // Four issuers keep a request in flight at all times; the kill comes once ten more issues
    // have been acknowledged, so it always lands while some are under way, however fast the
    // machine is (a fixed delay let a fast machine answer every request before the kill).
    const got: (number | "killed")[] = [];
    let acknowledged = 0;
    let dead = false;
    let killing: Promise<void> | undefined;
    const issuer = async (): Promise<void> => {
      while (!dead) {
        const r = await post(s, path, {}).then(
          (res) => res.status,
          () => "killed" as const,
        );
        got.push(r);
        if (r === "killed") return;
        if (r === 303 && ++acknowledged >= 10 && !killing) {
          dead = true;
          killing = kill9(s.child);
        }
      }
    };
    const issuers = Array.from({ length: 4 }, issuer);
    await Promise.all(issuers);
    await killing;
    const ok = 5 + got.filter((g) => g === 303).length;
    // The kill came while issues were under way (some never answered).
    expect(got.filter((g) => g === "killed").length).toBeGreaterThan(0);
    expect(integrity(db)).toBe("ok");

    const store = await Store.open(db);
    let numbers: (string | null)[];
    try {
      const office = (await store.offices())[0]!;
      const letters = (await store.letters(office.id, 2023, "YSQ2023-001")).filter(
        (l) => l.suffix === "reply",
      );
      // Every acknowledged issue is there (a request in flight may have been saved, unanswered).
      expect(letters.length).toBeGreaterThanOrEqual(ok);
      expect(letters.map((l) => l.version)).toEqual(letters.map((_, i) => i + 1));
      numbers = letters.map((l) => l.docNumber);
      expect(numbers.every((n) => n !== null)).toBe(true);
      expect(new Set(numbers).size).toBe(numbers.length);
    } finally {
      await store.close();
    }
    // Restarted: the next issue gets a new number, not one already issued.
    s = await serve(db);
    expect((await post(s, path, {})).status).toBe(303);
    const again = await Store.open(db);
    try {
      const office = (await again.offices())[0]!;
      const letters = (await again.letters(office.id, 2023, "YSQ2023-001")).filter(
        (l) => l.suffix === "reply",
      );
      const last = letters[letters.length - 1]!;
      expect(numbers).not.toContain(last.docNumber);
      expect(last.version).toBe(numbers.length + 1);
    } finally {
      await again.close();
      await kill9(s.child);
    }
  });
});
