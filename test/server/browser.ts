/** A real browser (Debian's chromium through playwright-core) against a workbench on 127.0.0.1. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { Store } from "../../src/storage/index.js";
import { buildServer } from "../../src/server/app.js";
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
  close(): Promise<void>;
}

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
    close: async () => {
      await app.close();
      await store.close();
      await database?.drop();
    },
  };
}
