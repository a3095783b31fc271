/**
 * Datasets for the facts and summary tests: the 2014 sample, and copies of it edited to hold
 * events the sample lacks. Each edited copy is validated, so it is a dataset a clerk could write.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseDataset } from "../../src/data/load.js";
import type { Application, Dataset } from "../../src/data/types.js";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const SAMPLE_2014 = resolve(ROOT, "samples/2014-commerce-bureau.json");
export const SAMPLE_2023 = resolve(ROOT, "samples/2023-district-bureau.json");

export function sample2014(): Dataset {
  return JSON.parse(readFileSync(SAMPLE_2014, "utf8")) as Dataset;
}

export function sample2023(): Dataset {
  return JSON.parse(readFileSync(SAMPLE_2023, "utf8")) as Dataset;
}

/** Validate a dataset object as the CLI would (throws a UserError listing every problem). */
export function validated(d: Dataset): Dataset {
  return parseDataset(JSON.stringify(d, null, 2), "test-dataset.json");
}

function app(id: string, submitted: string, replied: string, extra: Partial<Application> = {}): Application {
  return {
    id,
    applicant: { type: "natural-person", name: `申请人${id}` },
    channel: "in-person",
    submitted,
    content: "本局2014年行政审批事项办理情况",
    reply: { date: replied, type: "disclosed" },
    ...extra,
  };
}

/**
 * The 2014 sample with 2 overdue cases, 1 complaint, 3 applications and a fee:
 * - SP2014-002 (外商投资企业设立, 7 WD, accepted 2014-01-03, due 2014-01-14) completed 2014-01-20;
 * - SP2014-001 (对外贸易经营者备案登记, 2 WD, accepted 2014-01-02, due 2014-01-06) completed 2014-01-09;
 * - complaint TS2014-01 about SP2014-002;
 * - applications YSQ2014-01..03 received in person and answered within 15 WD, one with a
 *   copying fee of 12 元 paid.
 */
export function eventful2014(): Dataset {
  const d = sample2014();
  const ap = d.approval!;
  const byId = new Map(ap.cases!.map((c) => [c.id, c]));
  byId.get("SP2014-002")!.completed = "2014-01-20";
  byId.get("SP2014-001")!.completed = "2014-01-09";
  ap.complaints = [
    { id: "TS2014-01", received: "2014-01-21", case: "SP2014-002", summary: "办件超过承诺时限", valid: true },
  ];
  ap.totals = { ...ap.totals, overdue: 2, complaints: 1 };
  d.disclosure.applications = [
    app("YSQ2014-01", "2014-03-10", "2014-03-20"),
    app("YSQ2014-02", "2014-06-03", "2014-06-17", {
      fee: {
        method: "per-page",
        quantity: 40,
        amount: 12,
        noticeDate: "2014-06-10",
        paid: true,
        paidDate: "2014-06-12",
      },
    }),
    app("YSQ2014-03", "2014-11-04", "2014-11-14"),
  ];
  d.disclosure.fees = { count: 1, amount: 12 };
  return d;
}
