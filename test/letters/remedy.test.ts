import { describe, expect, it } from "vitest";
import { DEFAULT_REMEDY, reconsiderationBodies, remedyNotice } from "../../src/letters/remedy.js";
import type { Agency } from "../../src/data/types.js";
import { sample2023 } from "./fixtures.js";

const agency = sample2023().agency;
const vertical: Agency = {
  ...agency,
  name: "示例市青禾区税务局",
  verticallyManaged: true,
  reconsiderationBody: { name: "示例市税务局", higherDepartment: "示例市税务局" },
};

const BEFORE =
  "如对本答复不服，可以自收到本答复之日起60日内向示例市青禾区人民政府或者示例市市场监督管理局申请行政复议，或者在6个月内向示例市青禾区人民法院提起行政诉讼。";
const CHOICE =
  "如对本答复不服，可以自收到本答复之日起60日内向示例市青禾区人民政府申请行政复议，或者自收到本答复之日起6个月内向示例市青禾区人民法院提起行政诉讼。";
const REFUSAL =
  "如对本答复不服，可以自收到本答复之日起60日内向示例市青禾区人民政府申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。";
const PARTIAL =
  "如对本答复中不予公开的部分不服，可以自收到本答复之日起60日内向示例市青禾区人民政府申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。如对本答复的其他内容不服，可以自收到本答复之日起60日内向示例市青禾区人民政府申请行政复议，或者自收到本答复之日起6个月内向示例市青禾区人民法院提起行政诉讼。";

describe("remedyNotice", () => {
  it("before 2015-05-01: 3 months to sue (1989 行政诉讼法 Art. 39); from 2015-05-01: 6 months (2014 Art. 46)", () => {
    const r = remedyNotice("refused", "2015-04-30", agency);
    expect(r.rule).toBe("before2015");
    expect(r.sentence).toBe(
      "如对本答复不服，可以自收到本答复之日起60日内向示例市青禾区人民政府或者示例市市场监督管理局申请行政复议，或者自收到本答复之日起3个月内向示例市青禾区人民法院提起行政诉讼。",
    );
    expect(remedyNotice("refused", "2015-05-01", agency)).toMatchObject({ rule: "before", sentence: BEFORE });
  });
  it("before 2024-01-01: reconsideration (either body) or litigation, for every reply type", () => {
    for (const type of ["refused", "partial", "disclosed", "not-processed"] as const) {
      const r = remedyNotice(type, "2023-12-29", agency);
      expect(r.rule).toBe("before");
      expect(r.reconsiderationFirst).toBe(false);
      expect(r.sentence).toBe(BEFORE);
    }
  });
  it("from 2024-01-01 a refusal must go to reconsideration first, before the same-level government", () => {
    const r = remedyNotice("refused", "2024-01-01", agency);
    expect(r).toMatchObject({
      rule: "refusal",
      reconsiderationFirst: true,
      reconsiderationBodies: ["示例市青禾区人民政府"],
    });
    expect(r.sentence).toBe(REFUSAL);
  });
  it("from 2024-01-01 the refused part of a partial disclosure goes to reconsideration first", () => {
    expect(remedyNotice("partial", "2024-03-15", agency).sentence).toBe(PARTIAL);
  });
  it("from 2024-01-01 other replies leave the choice", () => {
    for (const type of [
      "disclosed",
      "already-public",
      "unavailable",
      "not-processed",
      "other",
      "not-this-agency",
      "special-law",
    ] as const)
      expect(remedyNotice(type, "2024-03-15", agency).sentence).toBe(CHOICE);
  });
  it("a vertically managed agency names the next-higher department, before and after 2024", () => {
    expect(reconsiderationBodies(vertical, "2023-06-01", DEFAULT_REMEDY.revisedFrom)).toEqual([
      "示例市税务局",
    ]);
    expect(remedyNotice("refused", "2024-06-01", vertical).sentence).toBe(
      "如对本答复不服，可以自收到本答复之日起60日内向示例市税务局申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。",
    );
  });
  it("the sentences and the types that need reconsideration first are configuration", () => {
    const config = {
      ...DEFAULT_REMEDY,
      reconsiderationFirst: ["refused", "not-processed"] as ("refused" | "not-processed")[],
      refusal: "不服的，先向{reconsiderationBody}申请复议。",
    };
    expect(remedyNotice("not-processed", "2024-02-01", agency, config).sentence).toBe(
      "不服的，先向示例市青禾区人民政府申请复议。",
    );
    expect(remedyNotice("partial", "2024-02-01", agency, config).rule).toBe("choice");
  });
});
