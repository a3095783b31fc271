/**
 * The shared sanitiser of file names derived from data: fixed cases, and 20,000 seeded random
 * names (control characters, separators, dots, device names, other scripts, surrogates) that
 * must all come out safe — within the folder, not hidden, not a device name, not too long — and
 * unique when made unique.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { safeFileStem, uniqueFileStems } from "../../src/util/file-name.js";
import { prng } from "../robustness/harness.js";

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

function safe(stem: string): string[] {
  const p: string[] = [];
  if (!/^[A-Za-z0-9._-]+$/.test(stem)) p.push("characters");
  if (stem.startsWith(".")) p.push("leading dot");
  if (stem.includes("..")) p.push("..");
  if (stem.endsWith(".")) p.push("trailing dot");
  if (RESERVED.test(stem.split(".")[0]!)) p.push("device name");
  if (stem.length > 101) p.push("too long");
  // The file stays in its folder whatever is appended.
  if (path.dirname(path.join("/out", `${stem}-reply.pdf`)) !== "/out") p.push("leaves the folder");
  return p;
}

describe("safeFileStem", () => {
  it.each([
    ["YSQ2023-001", "YSQ2023-001"],
    ["../../etc/passwd", "______etc_passwd"],
    ["C:\\Windows\\win.ini", "C__Windows_win.ini"],
    ["\u0000\u001b[31m", "___31m"],
    ["a\u202eb", "a_b"],
    ["CON", "_CON"],
    ["con.txt", "_con.txt"],
    ["COM¹", "COM_"],
    ["COM¹.txt", "COM_.txt"],
    ["LPT1", "_LPT1"],
    ["...", "_"],
    [".git", "_git"],
    ["a. ", "a._"],
    ["申请1", "__1"],
    ["𠀀", "_"],
    ["\ud800x", "_x"],
    ["", "_"],
  ])("%j → %j", (name, stem) => {
    expect(safeFileStem(name)).toBe(stem);
    expect(safe(stem)).toEqual([]);
  });

  it("20,000 random names all come out safe, and unique when made unique", () => {
    const rand = prng(9704);
    const alphabet = [
      ...'abcXYZ019._-/\\:*?"<>| ',
      "\u0000",
      "\u001f",
      "\u007f",
      "\u202e",
      "\ufeff",
      "申",
      "请",
      "𠀀",
      "\ud800",
      "..",
      "CON",
      "nul",
      "com1",
      "LPT9",
    ];
    const names: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const n = Math.floor(rand() * (rand() < 0.01 ? 400 : 12));
      let s = "";
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(rand() * alphabet.length)];
      names.push(s);
    }
    const bad = names
      .map((n) => [n, safeFileStem(n), safe(safeFileStem(n))] as const)
      .filter((x) => x[2].length);
    expect(bad.slice(0, 5)).toEqual([]);
    const stems = [...uniqueFileStems(names).values()];
    expect(new Set(stems.map((s) => s.toLowerCase())).size).toBe(stems.length);
    for (const s of stems) expect(safe(s)).toEqual([]);
  });
});
