/**
 * `gongwen fonts`: which face the PDF writer uses for each role (仿宋, 小标宋, 黑体, 楷体, 宋体),
 * where it came from (the --font-config file, an installed font found by name, or the bundled
 * Noto fonts), and what to do when a role is stood in for.
 *
 *   gongwen fonts [--font-config FILE] [--json]
 */
import type { CommandModule } from "yargs";
import { DEFAULT_FONT_NAMES } from "../../document/layout.js";
import type { FontRole } from "../../document/tree.js";
import { parseLang, t } from "../../util/i18n.js";

interface FontsArgs {
  "font-config"?: string;
  json: boolean;
  lang?: string;
}

const ROLE_LABEL: Record<FontRole, [string, string]> = {
  fangsong: ["正文（仿宋）", "body (FangSong)"],
  xiaobiaosong: ["标题（小标宋）", "title (XiaoBiaoSong)"],
  heiti: ["一级标题（黑体）", "level-1 headings (HeiTi)"],
  kaiti: ["二级标题（楷体）", "level-2 headings (KaiTi)"],
  songti: ["页码（宋体）", "page numbers (SongTi)"],
};

/** What a clerk can do when a role is stood in for (no free face covers it well enough). */
const ADVICE: Record<FontRole, [string, string]> = {
  fangsong: [
    "没有可自由使用且覆盖 GB2312 的仿宋字体（Debian 的 cwTeX 仿宋缺 2379 个简体字，npm 上没有），正文会以宋体类字体代替；请安装单位的仿宋_GB2312（Windows 自带）或用 --font-config 指定字体文件",
    "no free FangSong covering GB2312 exists (Debian's cwTeX FangSong lacks 2,379 simplified characters; none on npm): the body is set in a Song face; install the office's 仿宋_GB2312 (ships with Windows) or name the file with --font-config",
  ],
  xiaobiaosong: [
    "请安装方正小标宋简体或用 --font-config 指定字体文件",
    "install 方正小标宋简体 or name the file with --font-config",
  ],
  heiti: [
    "请安装黑体（SimHei）或用 --font-config 指定字体文件",
    "install 黑体 (SimHei) or name the file with --font-config",
  ],
  kaiti: [
    "可安装免费的霞鹜文楷（Debian：apt install fonts-lxgw-wenkai，覆盖 GB2312），或安装楷体_GB2312",
    "install the free LXGW WenKai (Debian: apt install fonts-lxgw-wenkai, covers GB2312) or 楷体_GB2312",
  ],
  songti: [
    "请安装宋体（SimSun）或用 --font-config 指定字体文件",
    "install 宋体 (SimSun) or name the file with --font-config",
  ],
};

export const fontsCommand: CommandModule<object, FontsArgs> = {
  command: "fonts",
  describe: "列出 PDF 各字体角色实际使用的字体 / List the font the PDF writer uses for each role",
  builder: (y) =>
    y
      .option("font-config", { type: "string", describe: "字体配置文件 / font configuration file" })
      .option("json", { type: "boolean", default: false, describe: "输出 JSON / Print JSON" }) as never,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    // Loaded when the command runs: every other command's start-up stays without the font code.
    const { loadFontConfig } = await import("../../render/pdf/fonts/config.js");
    const { FONT_ROLES, FontSet } = await import("../../render/pdf/fonts/resolve.js");
    const config = argv["font-config"] ? loadFontConfig(argv["font-config"], lang) : undefined;
    const set = new FontSet({ fontNames: DEFAULT_FONT_NAMES, lang, ...(config ? { config } : {}) });
    const rows = FONT_ROLES.map((role) => {
      const c = set.choices[role];
      return {
        role,
        requested: c.requested,
        used: c.used,
        source: c.source,
        file: c.spec.path,
        substituted: c.substituted,
      };
    });
    if (argv.json) {
      process.stdout.write(JSON.stringify({ fonts: rows }, null, 2) + "\n");
      return;
    }
    const source = (s: string): string =>
      s === "config"
        ? t(lang, "配置文件", "configuration file")
        : s === "system"
          ? t(lang, "系统字体", "installed font")
          : t(lang, "内置字体", "bundled font");
    for (const r of rows) {
      const [zh, en] = ROLE_LABEL[r.role];
      const src = source(r.source);
      process.stdout.write(
        lang === "en"
          ? `${en}: ${r.requested} → ${r.used} (${src}, ${r.file})\n`
          : `${zh}：${r.requested} → ${r.used}（${src}，${r.file}）\n`,
      );
      if (r.substituted) {
        const [az, ae] = ADVICE[r.role];
        process.stdout.write(`  ${t(lang, "替代：", "stood in for: ")}${t(lang, az, ae)}\n`);
      }
    }
  },
};
