/**
 * The job-queue tests run on PostgreSQL only (BullMQ's backend): GONGWEN_TEST_PG names the
 * server (CI sets it). Each test gets a workbench schema of its own in that database, and the
 * queue's tables live in `<schema>_jobs` beside it (queueConnection), both dropped after.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SAMPLES_DIR, type Dataset } from "../../src/index.js";
import { Store } from "../../src/storage/index.js";
import { Workbench } from "../../src/server/workbench.js";

export const PG = process.env.GONGWEN_TEST_PG ?? "";
export const NO_PG_REASON =
  "the job queue runs on PostgreSQL only: set GONGWEN_TEST_PG=postgres://… (CI does)";

async function admin(sql: string): Promise<void> {
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface JobsDb {
  target: string;
  store: Store;
  /** The demo agency (both samples: the 2014 and 2023 years). */
  officeId: number;
  close(): Promise<void>;
}

/** A fresh workbench schema with both samples loaded as one agency. */
export async function jobsDb(): Promise<JobsDb> {
  const schema = `jobs_${process.pid}_${randomBytes(5).toString("hex")}`;
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(PG);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const target = url.toString();
  const store = await Store.open(target);
  const officeId = await new Workbench(store, "测试员").loadSamples();
  return {
    target,
    store,
    officeId,
    close: async () => {
      await store.close();
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
    },
  };
}

export function sample2023(): Dataset {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, "2023-district-bureau.json"), "utf8")) as Dataset;
}

/** Wait until `done()` holds (each try after `everyMs`), at most `tries` times. */
export async function until(
  done: () => Promise<boolean>,
  what: string,
  tries = 600,
  everyMs = 100,
): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}
