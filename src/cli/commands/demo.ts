/**
 * gongwen demo [--out DIR] [--force]: the quick-start run behind `npm start`. Validates the
 * samples and renders every document gongwen makes into DIR (default out/), by running the
 * same commands a clerk would type.
 */
import type { Argv, CommandModule } from "yargs";
import { join, relative } from "node:path";
import { SAMPLES_DIR } from "../../util/paths.js";
import { commands } from "./index.js";
import { type Lang, parseLang, t } from "../../util/i18n.js";
import { UserError } from "../../util/errors.js";
import { FORCE_OPTION } from "../options.js";

interface DemoArgs {
  out: string;
  force: boolean;
  lang: string;
}

const S2014 = "2014-commerce-bureau";
const S2023 = "2023-district-bureau";

/** The demo's steps; a step runs only when its command (or document kind) exists. */
export function demoSteps(out: string, force: boolean, lang: Lang, kindNames: readonly string[]): string[][] {
  const sample = (name: string) => relative(process.cwd(), join(SAMPLES_DIR, `${name}.json`)) || ".";
  const common = [...(force ? ["--force"] : []), "--lang", lang];
  const steps: string[][] = [
    ["validate", sample(S2014), "--lang", lang],
    ["validate", sample(S2023), "--lang", lang],
    ["render", "summary", sample(S2014), "--out", out, "--format", "docx,pdf", ...common],
    ["render", "annual-report", sample(S2023), "--out", out, "--format", "docx,pdf,xlsx", ...common],
    ["render", "self-audit", sample(S2014), "--out", join(out, S2014), "--format", "docx,pdf", ...common],
    ["render", "self-audit", sample(S2023), "--out", join(out, S2023), "--format", "docx,pdf", ...common],
    ["letters", sample(S2023), "--out", join(out, "letters"), "--format", "docx,pdf", "--merge", ...common],
  ];
  const commandNames = new Set(commands.map((c) => String(c.command ?? "").split(" ")[0]));
  const kinds = new Set(kindNames);
  return steps.filter((s) => commandNames.has(s[0]!) && (s[0] !== "render" || kinds.has(s[1]!)));
}

export const demoCommand: CommandModule<object, DemoArgs> = {
  command: "demo",
  describe: "演示：校验样例数据并把全部公文写入 out/ / render every document from samples/ into out/",
  builder: (y: Argv) =>
    y
      .option("out", { type: "string", default: "out", describe: "输出目录 / output folder" })
      .option("force", FORCE_OPTION) as unknown as Argv<DemoArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    // Imported lazily: app.ts imports this module through the registry.
    const { main } = await import("../app.js");
    const failed: string[] = [];
    const { documentKinds } = await import("../documents.js");
    const kindNames = documentKinds.map((k) => k.name);
    for (const step of demoSteps(argv.out, argv.force, lang, kindNames)) {
      process.stdout.write(`\n$ gongwen ${step.join(" ")}\n`);
      const code = await main(step);
      if (code !== 0) failed.push(`gongwen ${step.join(" ")}（exit ${code}）`);
    }
    if (failed.length > 0) {
      throw new UserError(t(lang, "演示中以下步骤失败：", "these demo steps failed:"), failed);
    }
    process.stdout.write(
      "\n" + t(lang, `全部公文已写入 ${argv.out}/`, `every document is in ${argv.out}/`) + "\n",
    );
  },
};
