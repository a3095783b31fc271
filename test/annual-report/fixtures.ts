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
