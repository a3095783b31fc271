/** A real browser (Debian's chromium through playwright-core) against a workbench on 127.0.0.1. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { Store } from "../../src/storage/index.js";
import { buildServer } from "../../src/server/app.js";
import { hashPassword } from "../../src/server/auth.js";
import { Workbench } from "../../src/server/workbench.js";
import { TEST_ENGINE, testDatabase } from "../helpers/db.js";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

export interface LiveServer {
  url: string;
  tokenUrl: string;
  dir: string;
  store: Store;
  app: FastifyInstance;
  /**
   * Log `page` in as the administrator of the first agency (created in the database if the
   * test made its office there directly), through the login page.
   */
  signIn(page: Page): Promise<void>;
  close(): Promise<void>;
}

/** The first administrator's fields on the setup page. */
export async function fillAdmin(page: Page): Promise<void> {
  await page.getByLabel("用户名").fill(BROWSER_ADMIN.username);
  await page.locator("#f-admin-name").fill(BROWSER_ADMIN.name);
  await page.locator("#f-admin-password").fill(BROWSER_ADMIN.password);
  await page.getByLabel("再次输入密码").fill(BROWSER_ADMIN.password);
}

export const BROWSER_ADMIN = { username: "admin", name: "王管理", password: "correct-horse-1" };

export async function liveServer(today: string): Promise<LiveServer> {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-live-"));
  const database = TEST_ENGINE === "postgres" ? await testDatabase() : null;
  const store = await Store.open(database?.target ?? join(dir, "db", "workbench.sqlite"));
  const token = "live-" + Math.random().toString(36).slice(2);
  const app = await buildServer({ workbench: new Workbench(store, "经办人"), token, today: () => today });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    tokenUrl: `${url}/?token=${token}`,
    dir,
    store,
    app,
    signIn: async (page) => {
      if (!(await store.accounts.login(BROWSER_ADMIN.username)))
        await store.accounts.createUser({
          officeId: (await store.offices())[0]!.id,
          username: BROWSER_ADMIN.username,
          displayName: BROWSER_ADMIN.name,
          roles: ["admin", "head", "clerk"],
          passwordHash: await hashPassword(BROWSER_ADMIN.password),
        });
      await page.goto(`${url}/login`);
      await page.getByLabel("用户名").fill(BROWSER_ADMIN.username);
      await page.getByLabel("密码").fill(BROWSER_ADMIN.password);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL(`${url}/`);
    },
    close: async () => {
      await app.close();
      await store.close();
      await database?.drop();
    },
  };
}
