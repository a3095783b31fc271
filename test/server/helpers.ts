/** A workbench on an in-memory database, driven through Fastify's inject (no socket). */
import { expect } from "vitest";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { Store } from "../../src/storage/index.js";
import { buildServer, COOKIE, csrfFor } from "../../src/server/app.js";
import { hashPassword, SESSION_COOKIE } from "../../src/server/auth.js";
import { Workbench } from "../../src/server/workbench.js";
import { testDatabase } from "../helpers/db.js";

export const TOKEN = "test-token-0123456789";
/** The setup page's CSRF token (before the first user; a session has its own). */
export const CSRF = csrfFor(TOKEN);

/** The first administrator the setup forms create (the tests' default user). */
export const ADMIN_FORM = {
  "admin.username": "admin",
  "admin.name": "王管理",
  "admin.password": "correct-horse-1",
  "admin.password2": "correct-horse-1",
};

type Form = Record<string, string>;

/** A browser of the workbench: its own cookies (the setup link's, then a session's). */
export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, form: Form, opts?: { csrf?: string | null }): Promise<LightMyRequestResponse>;
  /** Log in on the login page; returns the response of the login form. */
  login(username: string, password: string): Promise<LightMyRequestResponse>;
  /** The session cookie's value (undefined when logged out). */
  readonly session: string | undefined;
  /** The session's CSRF token, as a page carries it. */
  csrf(): Promise<string>;
}

export interface TestServer extends Client {
  app: FastifyInstance;
  store: Store;
  wb: Workbench;
  /** Another browser, without any cookie. */
  client(): Client;
  /** A user created directly (roles as in the store; agency by id), and a client logged in as them. */
  user(
    agencyId: number,
    username: string,
    roles: string[],
    opts?: { name?: string; password?: string },
  ): Promise<Client & { userId: number }>;
  /** What Store.open took (a SQLite file with `file`, or a PostgreSQL schema). */
  target: string;
  close(): Promise<void>;
}

/** A client of `app` with a cookie jar; `setup` gives it the setup link's cookie. */
export function clientOf(app: FastifyInstance, setup: boolean): Client {
  const jar: Record<string, string> = setup ? { [COOKIE]: TOKEN } : {};
  let csrf: string | null = null;
  const keep = (r: LightMyRequestResponse) => {
    for (const c of r.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone =
        c.value === "" || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (gone) delete jar[c.name];
      else jar[c.name] = c.value;
      if (c.name === SESSION_COOKIE) csrf = null;
    }
    return r;
  };
  const get = async (url: string) => keep(await app.inject({ method: "GET", url, cookies: { ...jar } }));
  const sessionCsrf = async () => {
    if (csrf === null) {
      const page = await get("/account");
      csrf = /<meta name="csrf-token" content="([^"]*)"/.exec(page.body)?.[1] ?? "";
    }
    return csrf;
  };
  const post = async (url: string, form: Form, opts: { csrf?: string | null } = {}) => {
    const setupPost = url.startsWith("/setup/");
    // A setup form always names its first administrator (the tests' default unless given).
    const fields = setupPost && form["admin.username"] === undefined ? { ...ADMIN_FORM, ...form } : form;
    const token =
      opts.csrf === undefined
        ? setupPost || jar[SESSION_COOKIE] === undefined
          ? CSRF
          : await sessionCsrf()
        : opts.csrf;
    const body = new URLSearchParams({ ...fields, ...(token === null ? {} : { _csrf: token }) }).toString();
    return keep(
      await app.inject({
        method: "POST",
        url,
        cookies: { ...jar },
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: body,
      }),
    );
  };
  return {
    get,
    post,
    login: async (username, password) => {
      const page = await get("/login");
      const token = /name="_csrf" value="([^"]*)"/.exec(page.body)?.[1] ?? "";
      return post("/login", { username, password }, { csrf: token });
    },
    get session() {
      return jar[SESSION_COOKIE];
    },
    csrf: sessionCsrf,
  };
}

/**
 * A workbench server on a fresh database; with `file` on SQLite a file, so that `serverOn` can
 * open a second server (or a restarted one) on the same database.
 */
export async function testServer(
  today = "2026-11-25",
  opts: { file?: boolean; now?: () => Date } = {},
): Promise<TestServer> {
  const database = await testDatabase(opts);
  const server = await serverOn(database.target, today, opts.now);
  const close = server.close;
  // Assigned, not spread: the client's getters stay live.
  server.close = async () => {
    await close();
    await database.drop();
  };
  return server;
}

/**
 * Another server process on an existing database (it owns only its own connection). Its
 * default client has the setup link's cookie; on a database with users, it logs in as the
 * default administrator.
 */
export async function serverOn(target: string, today = "2026-11-25", now?: () => Date): Promise<TestServer> {
  const store = await Store.open(target);
  const wb = new Workbench(store, "测试员");
  const app = await buildServer({ workbench: wb, token: TOKEN, today: () => today, ...(now ? { now } : {}) });
  const main = clientOf(app, true);
  if ((await store.accounts.userCount()) > 0)
    await main.login(ADMIN_FORM["admin.username"], ADMIN_FORM["admin.password"]);
  return {
    app,
    store,
    wb,
    get: main.get,
    post: main.post,
    login: main.login,
    get session() {
      return main.session;
    },
    csrf: main.csrf,
    client: () => clientOf(app, false),
    user: async (agencyId, username, roles, o = {}) => {
      const password = o.password ?? "pass-word-9";
      const userId = await store.accounts.createUser({
        officeId: agencyId,
        username,
        displayName: o.name ?? username,
        roles,
        passwordHash: await hashPassword(password),
      });
      const c = clientOf(app, false);
      const r = await c.login(username, password);
      if (r.statusCode !== 303) throw new Error(`login of ${username} failed: ${r.statusCode}`);
      return Object.assign(c, { userId });
    },
    target,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** The setup form of the root agency (with the default first administrator). */
export const OFFICE_FORM = {
  ...ADMIN_FORM,
  "agency.name": "示例市青禾区市场监督管理局",
  "agency.shortName": "青禾市监",
  "agency.parentGovernment": "示例市青禾区人民政府",
  "agency.reconsiderationBody.name": "示例市青禾区人民政府",
  "agency.court.name": "示例市青禾区人民法院",
  "agency.address": "示例市青禾区人民路88号",
  "agency.disclosureOffice.name": "青禾区市场监督管理局办公室",
  "agency.disclosureOffice.head": "办公室主任",
  year: "2026",
};

/** The form creating agency `name` below agency `parent`. */
export const agencyForm = (name: string, short: string, parent: number) => ({
  ...OFFICE_FORM,
  parent: String(parent),
  "agency.name": name,
  "agency.shortName": short,
  "agency.disclosureOffice.name": `${name}办公室`,
});

/** Set up the root agency, then two departments below it (甲局, 乙局); their ids. */
export async function rootWithTwoAgencies(s: TestServer): Promise<{ root: number; a: number; b: number }> {
  expect((await s.post("/setup/office", OFFICE_FORM)).statusCode).toBe(303);
  const root = (await s.store.offices())[0]!.id;
  for (const [name, short] of [
    ["示例市青禾区甲局", "青禾甲局"],
    ["示例市青禾区乙局", "青禾乙局"],
  ] as const)
    expect((await s.post("/admin/agencies", agencyForm(name, short, root))).statusCode).toBe(303);
  const [, a, b] = await s.store.offices();
  expect([a!.parentId, b!.parentId]).toEqual([root, root]);
  return { root, a: a!.id, b: b!.id };
}

/** A registered-post application received (signed for) on Monday 2 November 2026. */
export const APPLICATION_FORM = {
  id: "YSQ2026-001",
  "applicant.type": "natural-person",
  "applicant.name": "张某某",
  "applicant.phone": "13800000000",
  channel: "registered-post",
  submitted: "2026-10-30",
  signedFor: "2026-11-02",
  content: "2026年青禾区食品安全抽检结果",
};

/** Text of a page without tags (for asserting what a clerk reads). */
export function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, " ");
}
