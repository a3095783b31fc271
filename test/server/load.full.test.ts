/**
 * A city on one deployment, under load and faults (PostgreSQL only): two `gongwen serve`
 * processes on one database, 50 clerks of five agencies logged in through the login page, each
 * registering applications and taking them through consultation, the 负责人's extension, the
 * reply, the 负责人's sign-off and the reply letter, for a bounded time. One server is killed
 * with SIGKILL part-way; its clients go on against the other (sessions live in the database).
 * Meanwhile the city's 监督 starts the year-end batches of every agency (POST /batch/all) and
 * two `gongwen worker` processes run them from BullMQ's PostgreSQL queue; one worker is killed
 * with SIGKILL while both are busy. Then, from the database: every acknowledged registration is
 * there exactly once, nothing is there that no clerk sent, no 文号 is issued twice (and none
 * skipped), each record's history has every acknowledged step naming the user who did it,
 * versions agree with the history, and every agency's batch finished with its files written
 * exactly once.
 *
 * A request cut off by the kill may or may not have been written: the clerk retries it on the
 * other server and judges the answer honestly — a registration refused as 登记号已被使用 is
 * taken as its own only when the stored record is the one it sent; a step refused as stale only
 * when the record's version is exactly one past the one it sent.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BATCH_FILES, BullBatchQueue, queueConnection, revisionOf } from "../../src/jobs/index.js";
import { hashPassword } from "../../src/server/auth.js";
import { Store } from "../../src/storage/index.js";
import { TEST_ENGINE, testDatabase, type TestDatabase } from "../helpers/db.js";
import { sample2023, until } from "../jobs/helpers.js";
import { agencyForm, OFFICE_FORM, serverOn, text } from "./helpers.js";

const CLI = resolve("dist/cli/main.js");
const SECONDS = Number(process.env.GONGWEN_LOAD_SECONDS ?? "25");
const CLERKS = 50;
const PASSWORD = "load-pass-9";
const YEAR = 2026;

/** The agencies below the root (the root has clerks too). */
const DEPARTMENTS = [
  ["示例市青禾区甲局", "青禾甲局"],
  ["示例市青禾区乙局", "青禾乙局"],
  ["示例市青禾区丙局", "青禾丙局"],
  ["示例市青禾区丁局", "青禾丁局"],
] as const;

interface Server {
  child: ChildProcess;
  base: string;
  dead: boolean;
}

const running: ChildProcess[] = [];
let database: TestDatabase | undefined;
afterAll(async () => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  if (database) {
    const name = /search_path=(\w+)/.exec(new URL(database.target).searchParams.get("options") ?? "")?.[1];
    await database.drop();
    // The queue's tables beside the schema (queueConnection: `<schema>_jobs`).
    if (name) {
      const pg = (await import("pg")).default;
      const c = new pg.Client({ connectionString: process.env.GONGWEN_TEST_PG });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${name}_jobs CASCADE`).finally(() => c.end());
    }
  }
});

/** `gongwen worker --database URL`, once it is ready (a short job lock: a killed worker's job is taken over soon). */
function worker(target: string): Promise<ChildProcess> {
  const child = spawn("node", [CLI, "worker", "--database", target, "--lock-ms", "3000"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  return new Promise((done, fail) => {
    let out = "";
    child.stdout!.on("data", (b: Buffer) => {
      if (out.length < 100_000) out += b.toString();
      if (out.includes("Ctrl+C")) done(child);
    });
    child.stderr!.on("data", (b: Buffer) => {
      if (out.length < 100_000) out += b.toString();
    });
    child.once("exit", (code) => fail(new Error(`worker exited ${code}: ${out}`)));
  });
}

/** `gongwen serve --database URL --port 0`; its address once it listens. */
async function serve(target: string): Promise<Server> {
  const child = spawn("node", [CLI, "serve", "--database", target, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let out = "";
  // The request log is drained all along (a full pipe would stall the server).
  child.stderr!.on("data", () => undefined);
  const started = await new Promise<string>((done, fail) => {
    child.stdout!.on("data", (b: Buffer) => {
      if (out.length < 100_000) out += b.toString();
      if (out.includes("Ctrl+C")) done(out);
    });
    child.once("exit", (code) => fail(new Error(`serve exited ${code}: ${out}`)));
  });
  const base = /工作台已启动：(http:\/\/127\.0\.0\.1:\d+)\//.exec(started)![1]!;
  return { child, base, dead: false };
}

/** A connection refused, reset or cut off: the server is gone, not an answer. */
class Cut extends Error {}

interface Answer {
  status: number;
  body: string;
  location: string | null;
  /** The request was sent again after a connection was cut (its first try may have been written). */
  retried: boolean;
}

interface Tally {
  requests: number;
  retries: number;
  errors5xx: string[];
}

/** A logged-in user: their session cookie and CSRF token, valid on either server. */
class User {
  cookie = "";
  csrf = "";
  userId = 0;
  constructor(
    readonly username: string,
    private readonly servers: Server[],
    private at: number,
    private readonly tally: Tally,
  ) {}

  private server(): Server {
    const live = this.servers.filter((s) => !s.dead);
    if (!live.includes(this.servers[this.at]!)) this.at = this.servers.indexOf(live[0]!);
    return this.servers[this.at]!;
  }

  private async once(method: string, path: string, form?: Record<string, string>): Promise<Answer> {
    const s = this.server();
    let r: Response;
    try {
      r = await fetch(s.base + path, {
        method,
        redirect: "manual",
        headers: {
          cookie: this.cookie,
          ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
        ...(form ? { body: new URLSearchParams({ ...form, _csrf: this.csrf }).toString() } : {}),
        signal: AbortSignal.timeout(20_000),
      });
      const body = await r.text();
      this.tally.requests++;
      if (r.status >= 500)
        this.tally.errors5xx.push(`${method} ${path} ${r.status}: ${text(body).slice(0, 200)}`);
      return { status: r.status, body, location: r.headers.get("location"), retried: false };
    } catch (e) {
      if ((e as Error).name === "TimeoutError") throw e;
      // A server this client reaches no more: on to the other one.
      s.dead = s.child.exitCode !== null || s.child.signalCode !== null || s.dead;
      this.at = (this.at + 1) % this.servers.length;
      throw new Cut(String(e));
    }
  }

  /** A request, sent again on the other server while connections are cut (at most 5 times). */
  async send(method: string, path: string, form?: Record<string, string>): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      try {
        const a = await this.once(method, path, form);
        return { ...a, retried: attempt > 0 };
      } catch (e) {
        if (!(e instanceof Cut) || attempt >= 5) throw e;
        this.tally.retries++;
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      }
    }
  }

  /** Log in through the login page (its cookie and form token), then read the session's token. */
  async login(): Promise<void> {
    const s = this.server();
    const page = await fetch(`${s.base}/login`);
    const loginCookie = page.headers.getSetCookie()[0]!.split(";")[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const r = await fetch(`${s.base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: loginCookie },
      body: new URLSearchParams({ _csrf: token, username: this.username, password: PASSWORD }).toString(),
    });
    expect(r.status, `login of ${this.username}`).toBe(303);
    this.cookie = r.headers
      .getSetCookie()
      .find((c) => c.startsWith("gongwen_session="))!
      .split(";")[0]!;
    const home = await this.send("GET", "/account");
    this.csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(home.body)![1]!;
  }
}

/** What the clients were told was done: per application, the acknowledged steps and letters. */
interface Record_ {
  agency: number;
  id: string;
  clerk: number;
  head: number;
  marker: string;
  /** Acknowledged actions as history names them, with the user who did them. */
  steps: { action: string; userId: number }[];
  letters: number;
  /** Issues cut off unanswered (each may or may not have been written). */
  lettersInDoubt: number;
}

const CONTENT = "2026年青禾区食品安全抽检结果";

describe.skipIf(TEST_ENGINE !== "postgres")(
  "two servers and two workers, 50 clerks, one server and one worker killed (PostgreSQL only: skipped without GONGWEN_TEST_PG)",
  () => {
    it(
      "nothing acknowledged is lost or doubled, no 文号 twice, every history complete, batch files once",
      { timeout: 120_000 },
      async () => {
        database = await testDatabase();
        const target = database.target;
        // ---- the city, set up once: a root agency, four departments, their users ----
        const setup = await serverOn(target, "2026-12-01");
        expect((await setup.post("/setup/office", OFFICE_FORM)).statusCode).toBe(303);
        const root = (await setup.store.offices())[0]!.id;
        for (const [name, short] of DEPARTMENTS)
          expect((await setup.post("/admin/agencies", agencyForm(name, short, root))).statusCode).toBe(303);
        const offices = await setup.store.offices();
        const agencies = offices.map((o) => o.id);
        expect(agencies.length).toBe(5);
        // Each agency's last year (the 2023 sample as its own), for the year-end batches.
        for (const [i, o] of offices.entries()) {
          const d = sample2023();
          d.agency = { ...d.agency, name: o.name, shortName: `青禾${i}局` };
          await setup.store.importYear(o.id, d, "测试员");
        }
        const hash = await hashPassword(PASSWORD);
        const userIds = new Map<string, number>();
        for (const [i, agency] of agencies.entries())
          userIds.set(
            `head-${i}`,
            await setup.store.accounts.createUser({
              officeId: agency,
              username: `head-${i}`,
              displayName: `负责人${i}`,
              roles: ["head"],
              passwordHash: hash,
            }),
          );
        userIds.set(
          "supervisor",
          await setup.store.accounts.createUser({
            officeId: root,
            username: "supervisor",
            displayName: "政务公开办",
            roles: ["supervisor"],
            passwordHash: hash,
          }),
        );
        for (let c = 0; c < CLERKS; c++)
          userIds.set(
            `clerk-${c}`,
            await setup.store.accounts.createUser({
              officeId: agencies[c % agencies.length]!,
              username: `clerk-${c}`,
              displayName: `经办人${c}`,
              roles: ["clerk"],
              passwordHash: hash,
            }),
          );
        await setup.close();

        // ---- two server processes on the one database ----
        const servers = [await serve(target), await serve(target)];
        const workers = [await worker(target), await worker(target)];
        const store = await Store.open(target);
        const queue = new BullBatchQueue(store, queueConnection(target));
        const tally: Tally = { requests: 0, retries: 0, errors5xx: [] };
        const login = async (name: string, at: number) => {
          const u = new User(name, servers, at, tally);
          await u.login();
          u.userId = userIds.get(name)!;
          return u;
        };
        const heads = await Promise.all(agencies.map((_, i) => login(`head-${i}`, i % 2)));
        const supervisor = await login("supervisor", 1);
        const clerks: User[] = [];
        for (let c = 0; c < CLERKS; c += 10)
          clerks.push(
            ...(await Promise.all(
              Array.from({ length: Math.min(10, CLERKS - c) }, (_, k) =>
                login(`clerk-${c + k}`, (c + k) % 2),
              ),
            )),
          );

        const records: Record_[] = [];
        /** Registrations sent whose answer never came (may or may not be stored). */
        const inDoubt = new Set<string>();
        const confirmedAfterRetry = { registrations: 0, steps: 0 };
        const deadline = performance.now() + SECONDS * 1000;
        let stop = false;

        const pageVersion = async (u: User, path: string): Promise<number> => {
          const page = await u.send("GET", path);
          expect(page.status).toBe(200);
          return Number(/name="version" value="(\d+)"/.exec(page.body)![1]);
        };

        /** A step at `version` by `u`; true once acknowledged (303, or stale by exactly itself). */
        const step = async (
          u: User,
          rec: Record_,
          name: string,
          version: number,
          form: Record<string, string>,
        ): Promise<boolean> => {
          const path = `/applications/${YEAR}/${encodeURIComponent(rec.id)}`;
          const r = await u.send("POST", `${path}/steps/${name}`, { version: String(version), ...form });
          if (r.status === 409 && r.retried) {
            // The first try may have been written before the cut: the record is then exactly
            // one version further, and nobody else works on it.
            // Read as the agency's head: after the reply a clerk's page has no form (the sign-off
            // is the head's), so it carries no version; the head's page always does.
            const now = await pageVersion(heads.find((h) => h.userId === rec.head) ?? u, path);
            expect(now, `${rec.id} ${name} after a retry`).toBe(version + 1);
            confirmedAfterRetry.steps++;
          } else expect(r.status, `${rec.id} ${name}: ${text(r.body).slice(0, 300)}`).toBe(303);
          rec.steps.push({ action: name, userId: u.userId });
          return true;
        };

        const clerkLoop = async (c: number) => {
          const u = clerks[c]!;
          const agencyIndex = c % agencies.length;
          const head = heads[agencyIndex]!;
          for (let n = 1; !stop && performance.now() < deadline; n++) {
            const id = `YSQ${YEAR}-C${String(c).padStart(2, "0")}-${String(n).padStart(4, "0")}`;
            const marker = `${CONTENT}（${id}）`;
            const rec: Record_ = {
              agency: agencies[agencyIndex]!,
              id,
              clerk: u.userId,
              head: head.userId,
              marker,
              steps: [],
              letters: 0,
              lettersInDoubt: 0,
            };
            const path = `/applications/${YEAR}/${encodeURIComponent(id)}`;
            let reg: Answer;
            try {
              reg = await u.send("POST", "/applications", {
                id,
                "applicant.type": "natural-person",
                "applicant.name": "张某某",
                channel: "registered-post",
                submitted: "2026-10-30",
                signedFor: "2026-11-02",
                content: marker,
              });
            } catch (e) {
              if (!(e instanceof Cut)) throw e;
              inDoubt.add(`${rec.agency}/${id}`);
              continue;
            }
            if (reg.status === 400 && reg.retried && text(reg.body).includes(`登记号 ${id} 已被使用`)) {
              // Registered by the try that was cut off — if the stored record is this one.
              const page = await u.send("GET", path);
              expect(page.status).toBe(200);
              expect(text(page.body)).toContain(marker);
              confirmedAfterRetry.registrations++;
            } else expect(reg.status, `register ${id}: ${text(reg.body).slice(0, 300)}`).toBe(303);
            rec.steps.push({ action: "register", userId: u.userId });
            records.push(rec);
            // The worklist, as a clerk looks at it between cases.
            if (n % 3 === 0) expect((await u.send("GET", "/")).status).toBe(200);
            await step(u, rec, "consultation-sent", 1, {
              party: "third-party",
              name: "示例公司",
              sent: "2026-11-04",
            });
            await step(u, rec, "consultation-answered", 2, {
              index: "0",
              answered: "2026-11-11",
              consent: "yes",
            });
            await step(head, rec, "extension", 3, {
              "extension.approved": "2026-11-24",
              "extension.notified": "2026-11-24",
              "extension.days": "20",
            });
            await step(u, rec, "reply", 4, { "reply.date": "2026-11-26", "reply.type": "disclosed" });
            const signed = await head.send("POST", `${path}/sign-off`, { version: "5" });
            if (!(signed.status === 409 && signed.retried && text(signed.body).includes("这一答复已经签批")))
              expect(signed.status, `sign-off ${id}: ${text(signed.body).slice(0, 300)}`).toBe(303);
            rec.steps.push({ action: "sign-off", userId: head.userId });
            // Issuing again is a new version with a new number, so a cut-off issue is not sent
            // again: it is counted as in doubt.
            try {
              const issued = await u.send("POST", `${path}/letters/reply/issue`, {});
              expect(issued.status, `issue ${id}: ${text(issued.body).slice(0, 300)}`).toBe(303);
              // Answered after a retry: this one issued, the cut-off first try perhaps too.
              rec.letters++;
              if (issued.retried) rec.lettersInDoubt++;
            } catch (e) {
              if (!(e instanceof Cut)) throw e;
              rec.lettersInDoubt++;
            }
          }
        };

        // ---- the run; one server killed with SIGKILL part-way ----
        const killer = (async () => {
          await new Promise((r) => setTimeout(r, SECONDS * 400));
          const victim = servers[0]!;
          const gone = new Promise((r) => victim.child.once("exit", r));
          victim.child.kill("SIGKILL");
          await gone;
          victim.dead = true;
        })();
        // The city's year-end batches: every agency's 2023, enqueued from the 年终批量 page.
        let killedWorkerAt: string[] = [];
        const batches = (async () => {
          await new Promise((r) => setTimeout(r, 1000));
          const r = await supervisor.send("POST", "/batch/all", { year: "2023" });
          expect(r.status, text(r.body).slice(0, 300)).toBe(303);
          expect(r.location).toBe(`/batch?flash=all-${agencies.length}`);
          // One worker killed while both are running a job: its job is left half done.
          await until(
            async () => (await queue.jobs(agencies)).filter((j) => j.state === "running").length === 2,
            "both workers to be running a job",
            SECONDS * 10,
          );
          killedWorkerAt = (await queue.jobs(agencies)).filter((j) => j.state === "running").map((j) => j.id);
          const gone = new Promise((res) => workers[0]!.once("exit", res));
          workers[0]!.kill("SIGKILL");
          await gone;
        })();
        try {
          await Promise.all([...clerks.map((_, c) => clerkLoop(c)), killer, batches]);
        } finally {
          stop = true;
        }
        expect(servers[0]!.child.signalCode).toBe("SIGKILL");
        expect(tally.errors5xx).toEqual([]);
        // The kill was felt: requests were cut off and sent again.
        expect(tally.retries).toBeGreaterThan(0);
        expect(records.length).toBeGreaterThan(CLERKS);
        // The surviving server still serves every clerk.
        expect((await clerks[0]!.send("GET", "/")).status).toBe(200);
        expect(servers[1]!.dead).toBe(false);

        // ---- the batches: all finished on the surviving worker, files written once ----
        await until(
          async () => (await queue.jobs(agencies)).every((j) => j.state === "done" || j.state === "failed"),
          "every agency's batch to finish",
          600,
        );
        const jobs = await queue.jobs(agencies);
        expect(jobs.map((j) => [j.officeId, j.state]).sort()).toEqual(
          agencies.map((a) => [a, "done"]).sort(),
        );
        expect(workers[0]!.signalCode).toBe("SIGKILL");
        expect(killedWorkerAt.length).toBe(2);
        // The killed worker's job ran again (taken over), the others once.
        expect(jobs.filter((j) => killedWorkerAt.includes(j.id)).some((j) => j.attempts >= 2)).toBe(true);
        let batchBytes = 0;
        const batchSizes = new Map<string, number>();
        for (const a of agencies) {
          const revision = await revisionOf(store, a, 2023);
          const files = await store.batchOutputs.list(a, 2023, revision);
          batchBytes += files.reduce((n, f) => n + f.size, 0);
          for (const f of files) batchSizes.set(f.name, (batchSizes.get(f.name) ?? 0) + f.size);
          expect(files.map((f) => f.name)).toEqual(Object.keys(BATCH_FILES).sort());
          expect(await store.batchOutputs.count(a, 2023, revision)).toBe(Object.keys(BATCH_FILES).length);
        }
        await queue.close();

        // ---- what the database holds ----
        try {
          const acked = new Map(records.map((r) => [`${r.agency}/${r.id}`, r]));
          const names = new Map([...userIds].map(([k, v]) => [v, k]));
          let letters = 0;
          for (const agency of agencies) {
            const stored = await store.applications(agency, { year: YEAR });
            const keys = stored.map((a) => `${agency}/${a.record.id}`);
            // Exactly once each; nothing no clerk sent; every acknowledged one present.
            expect(new Set(keys).size).toBe(keys.length);
            for (const k of keys) expect(acked.has(k) || inDoubt.has(k), `unexpected ${k}`).toBe(true);
            const mine = records.filter((r) => r.agency === agency);
            for (const r of mine) expect(keys, `lost ${r.id}`).toContain(`${agency}/${r.id}`);
            // Positions in the year's list: 0 … n−1, none taken twice, none skipped.
            expect(stored.map((a) => a.seq).sort((a, b) => a - b)).toEqual(stored.map((_, i) => i));
            const numbers: string[] = [];
            for (const a of stored) {
              const rec = acked.get(`${agency}/${a.record.id}`);
              expect(a.record.content).toBe(rec?.marker ?? `${CONTENT}（${a.record.id}）`);
              const history = await store.historyOf(agency, YEAR, a.record.id);
              // Every row names a user of this agency.
              for (const h of history) {
                expect(h.userId, `${a.record.id} ${h.action}`).not.toBeNull();
                expect(names.has(h.userId!)).toBe(true);
              }
              const actions = [...new Set(history.map((h) => `${h.action}:${h.userId}`))];
              const changes = history.filter((h) =>
                ["consultation-sent", "consultation-answered", "extension", "reply"].includes(h.action),
              );
              // One version per recorded step (each step recorded at most once).
              const stepsDone = new Set(changes.map((h) => h.action));
              expect(a.version, a.record.id).toBe(1 + stepsDone.size);
              expect(new Set(changes.map((h) => `${h.action}@${h.at}`)).size).toBe(stepsDone.size);
              const issued = await store.letters(agency, YEAR, a.record.id);
              expect(history.filter((h) => h.action === "issue-letter").length).toBe(issued.length);
              expect(issued.map((l) => l.version)).toEqual(issued.map((_, i) => i + 1));
              for (const l of issued) numbers.push(l.docNumber!);
              if (!rec) continue;
              for (const s of rec.steps) expect(actions, `${rec.id}`).toContain(`${s.action}:${s.userId}`);
              expect(issued.length).toBeGreaterThanOrEqual(rec.letters);
              expect(issued.length).toBeLessThanOrEqual(rec.letters + rec.lettersInDoubt);
              if (rec.steps.some((s) => s.action === "sign-off")) {
                const offs = await store.signOffs(agency, YEAR, rec.id);
                expect(offs.map((o) => [o.version, o.userId])).toEqual([[5, rec.head]]);
              }
            }
            letters += numbers.length;
            // 文号 of the agency's reply pattern in 2026: 1 … k, each once.
            expect(numbers.every((n) => typeof n === "string")).toBe(true);
            expect(new Set(numbers).size).toBe(numbers.length);
            const seqs = numbers.map((n) => Number(/〔2026〕(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
            expect(seqs).toEqual(numbers.map((_, i) => i + 1));
          }
          expect(letters).toBeGreaterThan(0);
          console.log(
            `load: ${SECONDS} s, ${CLERKS} clerks, ${tally.requests} answered requests, ${records.length} registrations acknowledged, ${letters} letters, ${tally.retries} retries after the kill (${confirmedAfterRetry.registrations} registrations and ${confirmedAfterRetry.steps} steps found written by the cut-off try), ${inDoubt.size} registrations in doubt; ${jobs.length} year-end batches, ${jobs.reduce((n, j) => n + j.attempts, 0)} runs, ${(batchBytes / agencies.length / 1024).toFixed(0)} KB of files per agency (${[...batchSizes].map(([n, b]) => `${n} ${(b / agencies.length / 1024).toFixed(0)} KB`).join(", ")})`,
          );
        } finally {
          await store.close();
        }
      },
    );
  },
);
