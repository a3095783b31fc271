import { describe, expect, it } from "vitest";
import { sanitizeId, uniqueStems } from "../../src/letters/file-names.js";

describe("file names of letters", () => {
  it("keeps ordinary ids", () => {
    expect(sanitizeId("YSQ2023-001")).toBe("YSQ2023-001");
    expect(sanitizeId("a.b_c-1")).toBe("a.b_c-1");
  });
  it("cannot leave the output folder", () => {
    expect(sanitizeId("../../etc/passwd")).toBe("______etc_passwd");
    expect(sanitizeId("..\\x")).toBe("___x");
    expect(sanitizeId("/abs")).toBe("_abs");
    expect(sanitizeId("..")).toBe("_");
    expect(sanitizeId("")).toBe("_");
  });
  it("replaces characters file systems refuse, and trailing dots", () => {
    expect(sanitizeId('a:b*c?"<>|')).toBe("a_b_c_____");
    expect(sanitizeId("申请1")).toBe("__1");
    expect(sanitizeId("abc...")).toBe("abc");
    expect(sanitizeId("a..b")).toBe("a__b");
    expect(sanitizeId(".hidden")).toBe("_hidden");
  });
  it("never produces a Windows device name", () => {
    expect(sanitizeId("CON")).toBe("_CON");
    expect(sanitizeId("nul.txt")).toBe("_nul.txt");
    expect(sanitizeId("com1")).toBe("_com1");
    expect(sanitizeId("LPT9.x")).toBe("_LPT9.x");
    expect(sanitizeId("CONSOLE")).toBe("CONSOLE");
  });
  it("limits the length", () => {
    expect(sanitizeId("a".repeat(300))).toHaveLength(100);
  });
  it("makes stems unique (case-insensitively) in order", () => {
    expect([...uniqueStems(["a/b", "a_b", "A_B", "c"]).values()]).toEqual(["a_b", "a_b-2", "A_B-3", "c"]);
  });
});
