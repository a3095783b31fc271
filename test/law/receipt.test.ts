import { describe, expect, it } from "vitest";
import { receiptDate } from "../../src/law/receipt.js";

describe("receipt date (ogi-2019 Art. 31)", () => {
  const ev = { submitted: "2023-03-01", signedFor: "2023-03-03", confirmed: "2023-03-06" };
  it("in person: the day submitted", () => {
    expect(receiptDate({ channel: "in-person", ...ev })).toBe("2023-03-01");
  });
  it("registered post: the day signed for", () => {
    expect(receiptDate({ channel: "registered-post", ...ev })).toBe("2023-03-03");
  });
  it("ordinary letter, online, fax, e-mail: the day confirmed", () => {
    for (const channel of ["ordinary-post", "online", "fax", "email"] as const)
      expect(receiptDate({ channel, ...ev })).toBe("2023-03-06");
  });
  it("an explicit receipt date wins", () => {
    expect(receiptDate({ channel: "registered-post", ...ev, received: "2023-03-02" })).toBe("2023-03-02");
  });
  it("the rule can be configured per channel", () => {
    expect(receiptDate({ channel: "email", ...ev }, { rules: { email: "submitted" } })).toBe("2023-03-01");
  });
  it("a missing date names the record and the field, not the applicant", () => {
    expect(() =>
      receiptDate({ channel: "registered-post", submitted: "2023-03-01" }, { recordId: "A-7" }),
    ).toThrow("A-7: 渠道为“registered-post”的申请以签收日期为收到申请之日，但缺少 signedFor");
    expect(() => receiptDate({ channel: "fax", submitted: "2023-03-01" }, { lang: "en" })).toThrow(
      "a request by fax is received on its confirmation date, but confirmed is missing",
    );
  });
  it("an invalid date is an error", () => {
    expect(() => receiptDate({ channel: "in-person", submitted: "2023-13-01" })).toThrow("日期无效");
  });
});
