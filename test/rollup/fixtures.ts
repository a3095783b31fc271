/**
 * Departments for the roll-up tests: 甲 is the 2023 sample (42 records), 乙 a small bureau that
 * gives its tables without records (figures chosen by hand), 丙 one whose given table 三 does
 * not balance.
 */
import type { Dataset } from "../../src/data/types.js";
import { sample2023Json } from "../annual-report/fixtures.js";

/** 甲: the 2023 sample, renamed. */
export function deptA(): Dataset {
  const ds = sample2023Json();
  ds.agency.name = "示例市青禾区甲局";
  ds.agency.shortName = "青禾甲局";
  return ds;
}

/** 乙: tables given, no application records. */
export function deptB(): Dataset {
  const ds = sample2023Json();
  ds.agency.name = "示例市青禾区乙局";
  ds.agency.shortName = "青禾乙局";
  delete ds.disclosure.applications;
  ds.disclosure.fees = { count: 2, amount: 300 };
  ds.disclosure.annualReportTable = {
    proactive: {
      regulations: { issued: 0, repealed: 0, valid: 0 },
      normativeDocuments: { issued: 1, repealed: 0, valid: 5 },
      licensingDecisions: 100,
      penaltyDecisions: 13,
      enforcementDecisions: 0,
      feesTenThousandYuan: 1.5,
    },
    requests: {
      newReceived: { "natural-person": 5, "commercial-enterprise": 2, total: 7 },
      carriedOver: { "natural-person": 1, total: 1 },
      disclosed: { "natural-person": 3, total: 3 },
      unavailable: { "not-held": { "commercial-enterprise": 2, total: 2 } },
      total: { "natural-person": 3, "commercial-enterprise": 2, total: 5 },
      carriedForward: { "natural-person": 3, total: 3 },
    },
    reviews: {
      reconsideration: { upheld: 1, corrected: 2, other: 0, pending: 0, total: 3 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    },
  } as NonNullable<Dataset["disclosure"]["annualReportTable"]>;
  return ds;
}

/** 丙: 一（10）+ 二（0）≠ （七）（8）+ 四（1）. */
export function deptC(): Dataset {
  const ds = deptB();
  ds.agency.name = "示例市青禾区丙局";
  ds.agency.shortName = "青禾丙局";
  ds.disclosure.annualReportTable!.requests = {
    newReceived: { "natural-person": 10, total: 10 },
    disclosed: { "natural-person": 8, total: 8 },
    total: { "natural-person": 8, total: 8 },
    carriedForward: { "natural-person": 1, total: 1 },
  };
  return ds;
}
