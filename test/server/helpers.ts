/** A workbench on an in-memory database, driven through Fastify's inject (no socket). */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { Store } from "../../src/storage/index.js";
import { buildServer, COOKIE, csrfFor } from "../../src/server/app.js";
import { Workbench } from "../../src/server/workbench.js";
import { testDatabase } from "../helpers/db.js";

export const TOKEN = "test-token-0123456789";
export const CSRF = csrfFor(TOKEN);

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  wb: Workbench;
  get(url: string): Promise<LightMyRequestResponse>;
  post(
    url: string,
    form: Record<string, string>,
    opts?: { csrf?: string | null },
  ): Promise<LightMyRequestResponse>;
  /** What Store.open took (a SQLite file with `file`, or a PostgreSQL schema). */
  target: string;
  close(): Promise<void>;
}

/**
 * A workbench server on a fresh database; with `file` on SQLite a file, so that `serverOn` can
 * open a second server (or a restarted one) on the same database.
 */
export async function testServer(today = "2026-11-25", opts: { file?: boolean } = {}): Promise<TestServer> {
  const database = await testDatabase(opts);
  const server = await serverOn(database.target, today);
  return {
    ...server,
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}

/** Another server process on an existing database (it owns only its own connection). */
export async function serverOn(target: string, today = "2026-11-25"): Promise<TestServer> {
  const store = await Store.open(target);
  const wb = new Workbench(store, "测试员");
  const app = await buildServer({ workbench: wb, token: TOKEN, today: () => today });
  const cookies = { [COOKIE]: TOKEN };
  return {
    app,
    store,
    wb,
    get: (url) => app.inject({ method: "GET", url, cookies }),
    post: (url, form, opts = {}) => {
      const csrf = opts.csrf === undefined ? CSRF : opts.csrf;
      const body = new URLSearchParams({ ...form, ...(csrf === null ? {} : { _csrf: csrf }) }).toString();
      return app.inject({
        method: "POST",
        url,
        cookies,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: body,
      });
    },
    target,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export const OFFICE_FORM = {
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
