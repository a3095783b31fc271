/** factOf's pause section alone: which consultations and fee windows pause the reply deadline. */
import { describe, expect, it } from "vitest";
import { deadlinePauses, type ConsultationFacts, type FeeFacts } from "../../src/facts/applications.js";

const consultation = (sent: string, pauseTo: string | null): ConsultationFacts => ({
  index: 0,
  party: "third-party",
  sent,
  answered: pauseTo,
  answerDue: pauseTo,
  pauseTo,
  pauseAssumed: false,
  consent: null,
});

const fee = (paid: boolean, paidDate: string | null, payBy: string | null): FeeFacts => ({
  method: "per-request",
  quantity: 1,
  charged: 100,
  expected: 100,
  tiers: null,
  matches: true,
  basis: null,
  noticeDate: "2023-03-01",
  payBy,
  paid,
  paidDate,
  paidInTime: paid,
});

describe("deadlinePauses", () => {
  it("is undefined without a consultation or a paused fee window", () => {
    expect(deadlinePauses([], null, true, "fee")).toBeUndefined();
    expect(deadlinePauses([], fee(false, null, "2023-03-29"), false, "fee")).toBeUndefined();
    // A consultation whose pause end is unknown pauses nothing.
    expect(deadlinePauses([consultation("2023-02-01", null)], null, true, "fee")).toBeUndefined();
  });

  it("pauses for each consultation, then the fee from the notice to the payment (else the window's end)", () => {
    expect(
      deadlinePauses(
        [consultation("2023-02-01", "2023-02-10")],
        fee(true, "2023-03-05", "2023-03-29"),
        true,
        "缴费",
      ),
    ).toEqual([
      { from: "2023-02-01", to: "2023-02-10", kind: "third-party" },
      { from: "2023-03-01", to: "2023-03-05", kind: "缴费" },
    ]);
    expect(deadlinePauses([], fee(false, null, "2023-03-29"), true, "fee")).toEqual([
      { from: "2023-03-01", to: "2023-03-29", kind: "fee" },
    ]);
    expect(deadlinePauses([], fee(true, null, "2023-03-29"), true, "fee")).toEqual([
      { from: "2023-03-01", to: "2023-03-29", kind: "fee" },
    ]);
  });
});
