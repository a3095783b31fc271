import { describe, expect, it } from "vitest";
import { bookTitle, formatCountWithUnit, quote } from "../../../src/compose/helpers/index.js";

describe("formatCountWithUnit", () => {
  it("appends the unit", () => {
    expect(formatCountWithUnit(3, "件")).toBe("3件");
    expect(formatCountWithUnit(0, "件")).toBe("0件");
    expect(formatCountWithUnit({ value: 260, qualifier: "余" }, "条")).toBe("260余条");
    expect(formatCountWithUnit({ value: 70, qualifier: "约" }, "条")).toBe("约70条");
  });
  it("words zero and one when asked", () => {
    expect(formatCountWithUnit(0, "件", { zero: "无" })).toBe("无");
    expect(formatCountWithUnit(1, "名", { zero: "无", one: "一名" })).toBe("一名");
    expect(formatCountWithUnit(2, "名", { zero: "无", one: "一名" })).toBe("2名");
  });
  it("does not treat an approximate count as exactly zero or one", () => {
    expect(formatCountWithUnit({ value: 1, qualifier: "约" }, "件", { one: "一件" })).toBe("约1件");
    expect(formatCountWithUnit({ value: 0, qualifier: "约" }, "件", { zero: "无" })).toBe("约0件");
  });
});

describe("quoting", () => {
  it("wraps titles in 《》 once", () => {
    expect(bookTitle("政府信息公开条例")).toBe("《政府信息公开条例》");
    expect(bookTitle("《政府信息公开条例》")).toBe("《政府信息公开条例》");
  });
  it("wraps text in “” once", () => {
    expect(quote("三集中")).toBe("“三集中”");
    expect(quote("“三集中”")).toBe("“三集中”");
  });
});
