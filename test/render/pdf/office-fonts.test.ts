/**
 * The fonts real offices have installed (Windows and WPS: 仿宋_GB2312, 方正小标宋简体, 黑体,
 * 楷体_GB2312, 宋体) are picked up by their family names when present: each role uses the
 * installed face, reports no substitution, and `gongwen fonts` lists it. The fonts are made
 * here: a free font file with its name table rewritten to the office family name.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_FONT_NAMES } from "../../../src/document/layout.js";
import type { FontRole } from "../../../src/document/tree.js";
import { FONT_ROLES, FontSet } from "../../../src/render/pdf/fonts/resolve.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const SOURCE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/** `src` (a single TrueType font) with a new name table: family `family`, style Regular. */
function renamed(src: Uint8Array, family: string, postscript: string): Uint8Array {
  const dv = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const numTables = dv.getUint16(4);
  const tables: { tag: string; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(...src.subarray(rec, rec + 4));
    const off = dv.getUint32(rec + 8);
    const len = dv.getUint32(rec + 12);
    tables.push({ tag, data: src.subarray(off, off + len) });
  }
  const utf16 = (s: string): Uint8Array => {
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      out[2 * i] = s.charCodeAt(i) >> 8;
      out[2 * i + 1] = s.charCodeAt(i) & 0xff;
    }
    return out;
  };
  const names: [number, string][] = [
    [1, family],
    [2, "Regular"],
    [4, family],
    [6, postscript],
  ];
  const strings = names.map(([, s]) => utf16(s));
  const header = 6 + 12 * names.length;
  const size = header + strings.reduce((a, s) => a + s.length, 0);
  const name = new Uint8Array(size);
  const nv = new DataView(name.buffer);
  nv.setUint16(0, 0);
  nv.setUint16(2, names.length);
  nv.setUint16(4, header);
  let strOff = 0;
  names.forEach(([id], i) => {
    const r = 6 + 12 * i;
    nv.setUint16(r, 3);
    nv.setUint16(r + 2, 1);
    nv.setUint16(r + 4, 0x0804);
    nv.setUint16(r + 6, id);
    nv.setUint16(r + 8, strings[i]!.length);
    nv.setUint16(r + 10, strOff);
    name.set(strings[i]!, header + strOff);
    strOff += strings[i]!.length;
  });
  const out = tables.map((t) => (t.tag === "name" ? { tag: t.tag, data: name } : t));
  const dirSize = 12 + 16 * out.length;
  const pad = (n: number): number => (n + 3) & ~3;
  const total = out.reduce((a, t) => a + pad(t.data.length), dirSize);
  const font = new Uint8Array(total);
  const fv = new DataView(font.buffer);
  font.set(src.subarray(0, 12));
  let at = dirSize;
  out.forEach((t, i) => {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) font[rec + k] = t.tag.charCodeAt(k);
    fv.setUint32(rec + 4, 0);
    fv.setUint32(rec + 8, at);
    fv.setUint32(rec + 12, t.data.length);
    font.set(t.data, at);
    at += pad(t.data.length);
  });
  return font;
}

const OFFICE: Record<FontRole, [string, string]> = {
  fangsong: ["仿宋_GB2312", "FangSong_GB2312"],
  xiaobiaosong: ["方正小标宋简体", "FZXiaoBiaoSong-B05S"],
  heiti: ["黑体", "SimHei"],
  kaiti: ["楷体_GB2312", "KaiTi_GB2312"],
  songti: ["宋体", "SimSun"],
};

const dir = mkdtempSync(join(tmpdir(), "gongwen-office-fonts-"));
const src = new Uint8Array(readFileSync(SOURCE));
for (const role of FONT_ROLES) writeFileSync(join(dir, `${role}.ttf`), renamed(src, ...OFFICE[role]));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("office fonts installed under their Windows names", () => {
  it("are used for their roles, with no substitution", () => {
    const set = new FontSet({ fontNames: DEFAULT_FONT_NAMES, fontDirs: [dir] });
    for (const role of FONT_ROLES) {
      const c = set.choices[role];
      expect(c.used, role).toBe(OFFICE[role][0]);
      expect(c.source).toBe("system");
      expect(c.substituted).toBe(false);
      expect(c.spec.path).toBe(join(dir, `${role}.ttf`));
    }
  });

  it("are listed by gongwen fonts; without them every role says what stands in and what to do", () => {
    const run = (dirs: string, ...args: string[]): string =>
      execFileSync(process.execPath, [join(ROOT, "dist/cli/main.js"), "fonts", ...args], {
        encoding: "utf8",
        env: { ...process.env, GONGWEN_FONT_DIRS: dirs },
      });
    const listed = JSON.parse(run(dir, "--json")) as {
      fonts: { role: string; used: string; substituted: boolean }[];
    };
    expect(listed.fonts.map((f) => [f.role, f.used, f.substituted])).toEqual(
      FONT_ROLES.map((r) => [r, OFFICE[r][0], false]),
    );
    const text = run(dir);
    expect(text).toContain("正文（仿宋）：仿宋_GB2312 → 仿宋_GB2312（系统字体，");
    expect(text).not.toContain("替代");
    // No installed fonts at all: the bundled faces, each with its advice.
    const bare = run("");
    expect(bare).toContain("正文（仿宋）：仿宋_GB2312 → Noto Serif SC（内置字体，");
    expect(bare).toContain("没有可自由使用且覆盖 GB2312 的仿宋字体");
    expect(bare.match(/替代：/g)).toHaveLength(5);
  });
});
