/** Shared fixtures for the annual-report tests: the 2023 sample, facts, and table builders. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCalendar } from "../../src/calendar/index.js";
import { loadDataset } from "../../src/data/load.js";
import type { Dataset } from "../../src/data/types.js";
import { applicationFacts } from "../../src/facts/applications.js";
import { annualReportFacts, type AnnualReportFactsOptions } from "../../src/facts/annual-report.js";
import {
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type RequestRowKey,
  type TableFormatVersion,
} from "../../src/annual-report/format.js";
import {
  emptyRequestRow,
  emptyReviews,
  type AnnualReportTables,
  type BlankCells,
  type RequestRow,
} from "../../src/annual-report/model.js";
import { SAMPLES_DIR } from "../../src/util/paths.js";

export const SAMPLE_2023 = join(SAMPLES_DIR, "2023-district-bureau.json");

export function sample2023(): Dataset {
  return loadDataset(SAMPLE_2023);
}

/** A fresh copy of the raw sample JSON, for editing in a test. */
export function sample2023Json(): Dataset {
  return JSON.parse(readFileSync(SAMPLE_2023, "utf8")) as Dataset;
}

export function factsOf(dataset: Dataset, options: AnnualReportFactsOptions = {}) {
  return annualReportFacts(dataset, applicationFacts(dataset, defaultCalendar()), options);
}

/** Columns in print order: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计. */
export function row(...cells: (number | null)[]): RequestRow {
  if (cells.length !== REQUEST_COLUMNS.length) throw new Error("a row has 7 cells");
  return Object.fromEntries(REQUEST_COLUMNS.map((c, i) => [c, cells[i]!])) as RequestRow;
}

/** Tables with every cell of table 三 blank (or `fill`), for building rule fixtures. */
export function blankTables(
  version: TableFormatVersion = "2021",
  blankCells: BlankCells = "empty",
  fill: number | null = null,
): AnnualReportTables {
  const requests: Partial<Record<RequestRowKey, RequestRow>> = {};
  for (const r of REQUEST_ROWS[version]) requests[r.key] = emptyRequestRow(fill);
  return {
    version,
    year: 2023,
    proactive: {},
    proactiveGiven: false,
    requests,
    reviews: emptyReviews(fill),
    sources: { requests: "given", reviews: "given" },
    blankCells,
  };
}

/** The 2023 sample's table 三 (2021 format), counted by hand from its 42 records. */
// prettier-ignore
export const EXPECTED_2023: Record<RequestRowKey, number[]> = {
  //                                        自然人 商业 科研 公益 法律 其他 总计
  received:                                  [22, 8, 2, 2, 3, 2, 39],
  carriedOver:                               [2, 1, 0, 0, 0, 0, 3],
  disclosed:                                 [6, 3, 0, 1, 2, 1, 13],
  partial:                                   [1, 2, 0, 0, 0, 0, 3],
  "refused.state-secret":                    [1, 0, 0, 0, 0, 0, 1],
  "refused.prohibited-by-law":               [0, 0, 0, 0, 1, 0, 1],
  "refused.three-securities-one-stability":  [1, 0, 0, 0, 0, 0, 1],
  "refused.third-party-rights":              [0, 1, 0, 0, 0, 0, 1],
  "refused.internal-affairs":                [1, 0, 0, 0, 0, 0, 1],
  "refused.process-information":             [0, 0, 1, 0, 0, 0, 1],
  "refused.enforcement-file":                [1, 0, 0, 0, 0, 0, 1],
  "refused.administrative-query":            [1, 0, 0, 0, 0, 0, 1],
  "unavailable.not-held":                    [2, 0, 1, 0, 0, 0, 3],
  "unavailable.needs-creation":              [0, 0, 0, 1, 0, 0, 1],
  "unavailable.unclear-after-correction":    [1, 0, 0, 0, 0, 0, 1],
  "not-processed.petition-complaint":        [1, 0, 0, 0, 0, 0, 1],
  "not-processed.duplicate":                 [1, 0, 0, 0, 0, 0, 1],
  "not-processed.publication":               [0, 0, 0, 0, 0, 1, 1],
  "not-processed.excessive":                 [1, 0, 0, 0, 0, 0, 1],
  "not-processed.confirmation":              [0, 1, 0, 0, 0, 0, 1],
  "other.no-correction":                     [1, 0, 0, 0, 0, 0, 1],
  "other.fee-unpaid":                        [1, 0, 0, 0, 0, 0, 1],
  "other.other":                             [2, 1, 0, 0, 0, 0, 3],
  other:                                     [4, 1, 0, 0, 0, 0, 5],
  outcomeTotal:                              [22, 8, 2, 2, 3, 2, 39],
  carriedForward:                            [2, 1, 0, 0, 0, 0, 3],
};

/** Last year's dataset: the three requests the 2023 sample carries over, open at the end of 2022. */
export function previousYear(): Dataset {
  const ds = sample2023Json();
  const carried = ds.disclosure.applications!.filter((a) => a.carriedOver);
  return {
    year: 2022,
    regime: "ogi-2019",
    agency: ds.agency,
    documents: { annualReport: { date: "2023-01-18" } },
    disclosure: {
      applications: carried.map((a) => {
        const b = { ...a };
        delete b.carriedOver;
        delete b.reply;
        return b;
      }),
    },
  };
}
