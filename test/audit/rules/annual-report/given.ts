/** A dataset whose annual-report tables 三 and 四 are given (no application records), for the annual-report rules. */
import type { Dataset } from "../../../../src/data/types.js";
import { dataset } from "../../fixtures.js";

type Row = Record<string, number>;
const np = (n: number): Row => ({ "natural-person": n, total: n });

/** Balanced tables: 5 new + 1 carried over = 4 handled (3 disclosed, 1 not held) + 2 carried forward. */
export function givenTables(
  edit: (requests: Record<string, unknown>, reviews: Record<string, Row>) => void = () => {},
): Dataset {
  return dataset((d) => {
    delete d.disclosure.applications;
    delete d.disclosure.fees;
    const requests: Record<string, unknown> = {
      newReceived: np(5),
      carriedOver: np(1),
      disclosed: np(3),
      unavailable: { "not-held": np(1) },
      total: np(4),
      carriedForward: np(2),
    };
    const reviews: Record<string, Row> = {
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
    };
    edit(requests, reviews);
    d.disclosure.annualReportTable = { requests, reviews } as never;
  });
}
