import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_FONT_NAMES } from "../../../src/document/layout.js";
import type { DocumentTree } from "../../../src/document/tree.js";
import { FontSet } from "../../../src/render/pdf/fonts/resolve.js";
import { findFaces, scanFonts } from "../../../src/render/pdf/fonts/system.js";
import { createPdfRenderer, formatSubstitution } from "../../../src/render/pdf/index.js";
import { UserError } from "../../../src/util/errors.js";
import { pdfFonts, pdfText, squeezeSpace } from "../../helpers/pdf.js";
import { letterTree } from "./fixtures.js";

const DEBIAN_FONTS = "/usr/share/fonts/truetype";
const SUNG = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
const KAI = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-fonts-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("system font scan", () => {
  it("finds the Debian arphic fonts by their English and Chinese family names", () => {
    const faces = scanFonts([DEBIAN_FONTS]);
    expect(findFaces(faces, "AR PL SungtiL GB").map((f) => f.path)).toEqual([SUNG]);
    expect(findFaces(faces, "文鼎PL简中楷").map((f) => f.path)).toEqual([KAI]);
    expect(findFaces(faces, "仿宋_GB2312")).toEqual([]);
  });
});

describe("font resolution per role", () => {
  it("config → system (by alias) → bundled, reporting each substitution", () => {
    const fonts = new FontSet({ fontNames: DEFAULT_FONT_NAMES, fontDirs: [DEBIAN_FONTS] });
    expect(fonts.choices.songti).toMatchObject({
      used: "AR PL SungtiL GB",
      source: "system",
      substituted: true,
    });
    expect(fonts.choices.kaiti).toMatchObject({
      used: "AR PL KaitiM GB",
      source: "system",
      substituted: true,
    });
    expect(fonts.choices.fangsong).toMatchObject({ used: "Noto Serif SC", source: "bundled" });
    expect(fonts.choices.heiti).toMatchObject({ used: "Noto Sans SC", source: "bundled" });
    expect(fonts.substitutions(["fangsong", "kaiti", "songti"])).toEqual([
      { role: "fangsong", requested: "仿宋_GB2312", used: "Noto Serif SC", source: "bundled" },
      { role: "kaiti", requested: "楷体_GB2312", used: "AR PL KaitiM GB", source: "system" },
      { role: "songti", requested: "宋体", used: "AR PL SungtiL GB", source: "system" },
    ]);
    expect(formatSubstitution(fonts.substitutions(["fangsong"])[0]!)).toBe(
      "仿宋_GB2312 → Noto Serif SC（内置字体）：正文不是仿宋（没有可自由使用的仿宋字体），请安装仿宋_GB2312 或用 --font-config 指定，见 gongwen fonts",
    );
    expect(formatSubstitution(fonts.substitutions(["kaiti"])[0]!)).toBe(
      "楷体_GB2312 → AR PL KaitiM GB（系统字体）",
    );
  });

  it("stands the serif in for 小标宋 drawn bold, and says so", () => {
    const fonts = new FontSet({ fontNames: DEFAULT_FONT_NAMES, fontDirs: [] });
    expect(fonts.choices.xiaobiaosong).toMatchObject({
      used: "Noto Serif SC",
      source: "bundled",
      syntheticBold: true,
    });
    expect(fonts.choices.fangsong.syntheticBold).toBe(false);
    const [s] = fonts.substitutions(["xiaobiaosong"]);
    expect(formatSubstitution(s!)).toBe("方正小标宋简体 → Noto Serif SC（内置字体，加粗显示）");
    expect(formatSubstitution(s!, "en")).toBe("方正小标宋简体 → Noto Serif SC（bundled font, drawn bold）");
    // A 小标宋 the configuration names is drawn as it is.
    const configured = new FontSet({
      fontNames: DEFAULT_FONT_NAMES,
      fontDirs: [],
      config: { fonts: { xiaobiaosong: SUNG } },
    });
    expect(configured.choices.xiaobiaosong).toMatchObject({ source: "config", syntheticBold: false });
  });

  it("a configured family name that the system has is no substitution", () => {
    const fonts = new FontSet({
      fontNames: { ...DEFAULT_FONT_NAMES, kaiti: "AR PL KaitiM GB" },
      fontDirs: [DEBIAN_FONTS],
    });
    expect(fonts.substitutions(["kaiti"])).toEqual([]);
  });

  it("GONGWEN_FONT_DIRS chooses the folders; empty means no system fonts", () => {
    const saved = process.env.GONGWEN_FONT_DIRS;
    try {
      process.env.GONGWEN_FONT_DIRS = DEBIAN_FONTS;
      expect(new FontSet({ fontNames: DEFAULT_FONT_NAMES }).choices.songti.source).toBe("system");
      process.env.GONGWEN_FONT_DIRS = "";
      expect(new FontSet({ fontNames: DEFAULT_FONT_NAMES }).choices.songti.source).toBe("bundled");
    } finally {
      if (saved === undefined) delete process.env.GONGWEN_FONT_DIRS;
      else process.env.GONGWEN_FONT_DIRS = saved;
    }
  });

  it("systemFonts: false ignores installed fonts", () => {
    const fonts = new FontSet({
      fontNames: DEFAULT_FONT_NAMES,
      fontDirs: [DEBIAN_FONTS],
      systemFonts: false,
    });
    expect(fonts.choices.songti.source).toBe("bundled");
  });

  it("a character missing from the role's font falls back to the next font that has it", () => {
    const fonts = new FontSet({ fontNames: DEFAULT_FONT_NAMES, fontDirs: [DEBIAN_FONTS] });
    // 喆 is outside GB2312, so the arphic Kai font lacks it; Noto Serif SC has it.
    expect(fonts.glyphFor("kaiti", "楷".codePointAt(0)!).face.familyName).toBe("AR PL KaitiM GB");
    const fb = fonts.glyphFor("kaiti", "喆".codePointAt(0)!);
    expect(fb.face.familyName).toBe("Noto Serif SC");
    expect(fb.gid).toBeGreaterThan(0);
  });
});

describe("font configuration file", () => {
  it("maps roles to files, relative to the file, and reports them as config", async () => {
    const file = join(tmp, "fonts.json");
    writeFileSync(
      file,
      JSON.stringify({ fonts: { fangsong: relative(tmp, KAI), songti: { path: SUNG, faceIndex: 0 } } }),
    );
    const r = await createPdfRenderer({ fontConfig: file, systemFonts: false }).render(letterTree(2));
    expect(r.substitutions).toContainEqual({
      role: "fangsong",
      requested: "仿宋_GB2312",
      used: "AR PL KaitiM GB",
      source: "config",
    });
    const fonts = pdfFonts(r.bytes);
    expect(fonts.map((f) => f.name.slice(7)).sort()).toEqual(["GBZenKai-Medium", "NotoSerifSC-Regular"]);
    for (const f of fonts) expect(f).toMatchObject({ emb: true, sub: true, uni: true });
    expect(squeezeSpace(pdfText(r.bytes))).toContain("本机关于2014年3月3日收到您提出的政府信息公开申请");
  });

  it("rejects a file that does not follow schemas/fonts.schema.json, naming the place", () => {
    const file = join(tmp, "bad.json");
    writeFileSync(file, JSON.stringify({ fonts: { heiti: { file: "x.ttf" }, mingti: "y.ttf" } }));
    let err: unknown;
    try {
      createPdfRenderer({ fontConfig: file });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe(`字体配置文件不符合格式要求：${file}`);
    expect((err as UserError).details.join("\n")).toContain("/fonts");
  });

  it("rejects a configured font file that does not exist", () => {
    expect(() => createPdfRenderer({ fontConfig: { fonts: { heiti: join(tmp, "missing.ttf") } } })).toThrow(
      `字体配置中 heiti 的字体文件不存在：${join(tmp, "missing.ttf")}`,
    );
  });
});

describe("the same fonts installed elsewhere", () => {
  it("give the same bytes: fonts are ordered by face, not by the folder they are in", async () => {
    const require = createRequire(import.meta.url);
    const regular = require.resolve("@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf");
    const bold = require.resolve("@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf");
    for (const dir of ["a", "z"]) {
      mkdirSync(join(tmp, dir), { recursive: true });
      copyFileSync(regular, join(tmp, dir, "regular.ttf"));
      copyFileSync(bold, join(tmp, dir, "bold.ttf"));
    }
    // Body face first by path in one, title face first in the other.
    const render = (body: string, title: string) =>
      createPdfRenderer({
        fontConfig: {
          fonts: { fangsong: join(tmp, body, "regular.ttf"), xiaobiaosong: join(tmp, title, "bold.ttf") },
        },
        systemFonts: false,
      }).render(letterTree(2));
    const one = await render("a", "z");
    const other = await render("z", "a");
    expect(pdfFonts(one.bytes).map((f) => f.name.slice(7))).toEqual([
      "NotoSerifSC-Bold",
      "NotoSerifSC-Regular",
    ]);
    expect(Buffer.from(other.bytes).equals(Buffer.from(one.bytes))).toBe(true);
  });
});

describe("characters no font has", () => {
  it("warn with their code points and still draw a visible box (.notdef), keeping the text layer", async () => {
    const tree: DocumentTree = {
      kind: "letter",
      meta: { title: "缺字", author: "测试机关", date: "2015-01-23" },
      blocks: [{ type: "paragraph", runs: [{ text: "申请人姓名：张\u{2A6D6}，编号\u{E000}。" }] }],
    };
    const r = await createPdfRenderer({ systemFonts: false }).render(tree);
    expect(r.warnings).toEqual(["以下字符在所有可用字体中都没有字形，PDF 中显示为方框：U+E000 U+2A6D6"]);
    expect(squeezeSpace(pdfText(r.bytes))).toBe("申请人姓名：张\u{2A6D6}，编号\u{E000}。");
    const en = await createPdfRenderer({ systemFonts: false, lang: "en" }).render(tree);
    expect(en.warnings).toEqual([
      "No available font has these characters; they show as boxes in the PDF: U+E000 U+2A6D6",
    ]);
  });
});

describe("the title's synthetic bold", () => {
  /** Every page content stream of the PDF, decoded. */
  async function contents(pdf: Uint8Array): Promise<string> {
    const { PDFDocument, PDFRawStream, decodePDFRawStream } = await import("@cantoo/pdf-lib");
    const doc = await PDFDocument.load(pdf);
    return doc
      .getPages()
      .map((p) => {
        const c = p.node.Contents();
        const streams = c && "size" in c ? Array.from({ length: c.size() }, (_, i) => c.lookup(i)) : [c];
        return streams
          .filter((s): s is InstanceType<typeof PDFRawStream> => s instanceof PDFRawStream)
          .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString("latin1"))
          .join("\n");
      })
      .join("\n");
  }

  it("draws the bundled stand-in of 小标宋 with fill and stroke, and a real 小标宋 as it is", async () => {
    // letterTree has no bold run: the only text drawn in render mode 2 is the title.
    const bundled = await createPdfRenderer({ systemFonts: false }).render(letterTree(2));
    const stream = await contents(bundled.bytes);
    expect(stream).toMatch(/2 Tr [\d.]+ w/);
    expect(pdfFonts(bundled.bytes).map((f) => f.name.slice(7))).toEqual(["NotoSerifSC-Regular"]);
    const real = await createPdfRenderer({
      fontConfig: { fonts: { xiaobiaosong: SUNG } },
      systemFonts: false,
    }).render(letterTree(2));
    expect(await contents(real.bytes)).not.toContain("2 Tr");
  });
});
