import { describe, expect, it } from "vitest";
import { BasisError, procedureBasis, replyBasis, replyTemplate } from "../../src/letters/basis.js";
import { LAW, VARIANTS_2019 } from "./fixtures.js";

describe("replyBasis (ogi-2019)", () => {
  it.each(VARIANTS_2019.map((v) => [v.key, v] as const))("%s cites its article and item", (_k, v) => {
    const b = replyBasis({ regime: "ogi-2019", type: v.reply.type, reason: v.reply.reason ?? null });
    expect(b.text).toBe(v.replyBasis ?? v.basis);
    expect(b.withheld?.text ?? undefined).toBe(v.withheld);
  });

  it("adds Art. 32 to a third-party refusal when the third party was consulted", () => {
    const b = replyBasis({
      regime: "ogi-2019",
      type: "refused",
      reason: "third-party-rights",
      thirdPartyConsulted: true,
    });
    expect(b.text).toBe(`根据${LAW}第十五条、第三十二条、第三十六条第（三）项`);
  });

  it("picks one template per reply type and reason", () => {
    expect(replyTemplate("ogi-2019", "refused", "state-secret")).toBe("letters/reply-refused-state-secret");
    expect(replyTemplate("ogi-2019", "partial", "state-secret")).toBe("letters/reply-partial");
    expect(replyTemplate("ogi-2019", "not-this-agency", null)).toBe("letters/reply-not-this-agency");
    expect(replyTemplate("ogi-2008", "disclosed", null)).toBe("letters/reply-2008-public");
    expect(replyTemplate("ogi-2008", "refused", "state-secret")).toBe("letters/reply-2008-refused");
    expect(replyTemplate("ogi-2008", "unavailable", "not-held")).toBe("letters/reply-2008-not-held");
    expect(replyTemplate("ogi-2008", "other", "no-correction")).toBe("letters/reply-2008-unclear");
    expect(replyTemplate("ogi-2008", "not-processed", "duplicate")).toBe(
      "letters/reply-not-processed-duplicate",
    );
  });
});

describe("replyBasis (ogi-2008, Art. 21)", () => {
  const cases: [string, Parameters<typeof replyBasis>[0], string, string?][] = [
    ["disclosed", { regime: "ogi-2008", type: "disclosed" }, `根据${LAW}第二十一条第（一）项`],
    [
      "partial",
      { regime: "ogi-2008", type: "partial", reason: "state-secret" },
      `根据${LAW}第二十一条第（一）项、第二十二条`,
      `根据${LAW}第十四条第四款、第二十一条第（二）项`,
    ],
    [
      "refused third party, consulted",
      { regime: "ogi-2008", type: "refused", reason: "third-party-rights", thirdPartyConsulted: true },
      `根据${LAW}第十四条第四款、第二十三条、第二十一条第（二）项`,
    ],
    ["not this agency", { regime: "ogi-2008", type: "not-this-agency" }, `根据${LAW}第二十一条第（三）项`],
    [
      "unclear",
      { regime: "ogi-2008", type: "unavailable", reason: "unclear-after-correction" },
      `根据${LAW}第二十一条第（四）项`,
    ],
  ];
  it.each(cases)("%s", (_n, input, text, withheld) => {
    const b = replyBasis(input);
    expect(b.text).toBe(text);
    expect(b.withheld?.text).toBe(withheld);
  });
});

describe("replyBasis errors and overrides", () => {
  it("a refusal without a reason names the field", () => {
    try {
      replyBasis({ regime: "ogi-2019", type: "refused" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BasisError);
      expect((e as BasisError).field).toBe("reply.reason");
      expect((e as BasisError).zh).toBe("答复类型为“不予公开”（refused），缺少理由 reply.reason");
    }
  });
  it("a partial disclosure must give the reason for the withheld part", () => {
    expect(() => replyBasis({ regime: "ogi-2019", type: "partial" })).toThrow(
      "a partial reply must give the reason for the withheld part: reply.reason is missing",
    );
  });
  it("a reason of another type is refused", () => {
    expect(() => replyBasis({ regime: "ogi-2019", type: "refused", reason: "duplicate" })).toThrow(
      "a refused reply cannot have reason duplicate",
    );
  });
  it("the configuration overrides a citation, the longer key first", () => {
    const overrides = {
      "ogi-2019/refused": "根据甲",
      "ogi-2019/refused/administrative-query": "根据乙",
    };
    expect(
      replyBasis({ regime: "ogi-2019", type: "refused", reason: "administrative-query", overrides }).text,
    ).toBe("根据乙");
    expect(replyBasis({ regime: "ogi-2019", type: "refused", reason: "state-secret", overrides }).text).toBe(
      "根据甲",
    );
    const partial = replyBasis({ regime: "ogi-2019", type: "partial", reason: "state-secret", overrides });
    expect(partial.text).toBe(`根据${LAW}第三十六条第（二）项、第三十七条`);
    expect(partial.withheld?.text).toBe("根据甲");
  });
});

describe("procedureBasis", () => {
  it("cites the deadline, correction, extension, consultation and fee provisions per regime", () => {
    expect(procedureBasis("receipt", "ogi-2019").text).toBe(`根据${LAW}第三十三条`);
    expect(procedureBasis("receipt", "ogi-2008").text).toBe(`根据${LAW}第二十四条`);
    expect(procedureBasis("correction", "ogi-2019").text).toBe(`根据${LAW}第三十条`);
    expect(procedureBasis("extension", "ogi-2019").text).toBe(`根据${LAW}第三十三条第二款`);
    expect(procedureBasis("extension", "ogi-2008").text).toBe(`根据${LAW}第二十四条第二款`);
    expect(procedureBasis("consultation-third-party", "ogi-2019").text).toBe(`根据${LAW}第三十二条`);
    expect(procedureBasis("consultation-agency", "ogi-2019").text).toBe(`根据${LAW}第三十四条`);
    expect(procedureBasis("consultation-notice", "ogi-2019").text).toBe(`根据${LAW}第三十三条第三款`);
    expect(procedureBasis("consultation-notice", "ogi-2008").text).toBe(`根据${LAW}第二十四条第三款`);
    expect(procedureBasis("consultation-agency", "ogi-2008").text).toBe(`根据${LAW}第七条第一款`);
    expect(procedureBasis("fee", "ogi-2019").text).toBe(
      `根据${LAW}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`,
    );
    expect(procedureBasis("fee", "ogi-2008").text).toBe(`根据${LAW}第二十七条`);
  });
});
