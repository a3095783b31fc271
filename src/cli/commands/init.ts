/**
 * `gongwen init [dir] [--year N] [--force]`: write a minimal valid dataset, operations.json,
 * with "$schema" for editor completion. Never overwrites an existing file without --force.
 */
import { relative, resolve, sep } from "node:path";
import type { Argv, CommandModule } from "yargs";
import type { Dataset } from "../../data/types.js";
import { UserError } from "../../util/errors.js";
import { writeFileAtomic } from "../../util/fs-atomic.js";
import { parseLang, t } from "../../util/i18n.js";

interface InitArgs {
  dir: string;
  year?: number;
  force: boolean;
  lang?: string;
}

export const INIT_FILE = "operations.json";

/**
 * The starting dataset: every field a document needs (render summary, annual-report, self-audit
 * and letters accept it as written, `validate --for` finds nothing missing), with ×× where the
 * office's own details go (validate warns at each one left) and the documents' dates set to the
 * usual days (to be checked), no records yet.
 */
export function minimalDataset(year: number, schemaRef: string): Dataset {
  return {
    $schema: schemaRef,
    year,
    agency: {
      name: "××市××局",
      shortName: "××",
      parentGovernment: "××市人民政府",
      reconsiderationBody: { name: "××市人民政府" },
      court: { name: "××市××区人民法院" },
      address: "××市××区××路××号",
      phone: "××",
      website: "××",
      disclosureOffice: {
        name: "××市××局办公室",
        head: "办公室主任",
        phone: "××",
        address: "××市××区××路××号",
      },
    },
    documents: {
      summary: { date: `${year}-12-31` },
      annualReport: { date: `${year + 1}-01-20` },
      selfAudit: { date: `${year}-12-31` },
    },
    disclosure: { applications: [] },
    narrative: {
      problems: "××",
      improvements: "××",
    },
  };
}

export const initCommand: CommandModule<object, InitArgs> = {
  command: "init [dir]",
  describe: "新建一份最小的数据文件 operations.json / write a minimal dataset to start from",
  builder: (y: Argv) =>
    y
      .positional("dir", { type: "string", default: ".", describe: "目标目录 / target folder" })
      .option("year", { type: "number", describe: "年度（默认今年） / the year (default: this year)" })
      .option("force", {
        type: "boolean",
        default: false,
        describe: "覆盖已有文件 / overwrite an existing file",
      }) as unknown as Argv<InitArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    const year = argv.year ?? new Date().getFullYear();
    if (!Number.isInteger(year) || year < 2007 || year > 2100)
      throw new UserError(
        t(lang, `年度应为 2007–2100 之间的整数：${argv.year}`, `--year must be 2007–2100: ${argv.year}`),
      );
    // Loaded when the command runs, not when the CLI starts.
    const { SCHEMA_FILE } = await import("../../data/schema.js");
    const { validateDatasetText } = await import("../../data/validate.js");
    const dir = resolve(argv.dir);
    const target = resolve(dir, INIT_FILE);
    const schemaRef = relative(dir, SCHEMA_FILE).split(sep).join("/");
    const text = JSON.stringify(minimalDataset(year, schemaRef), null, 2) + "\n";
    // The template must itself be valid; a failure here is a bug, not bad input.
    const check = validateDatasetText(text, INIT_FILE, lang);
    if (!check.ok)
      throw new Error(`init template is invalid: ${check.errors.map((e) => e.message).join("; ")}`);
    writeFileAtomic(target, text, { force: argv.force, lang });
    const shown = relative(process.cwd(), target) || INIT_FILE;
    process.stdout.write(
      t(
        lang,
        `已写入 ${shown}。请把 ×× 换成本机关的信息，核对 documents 中各公文的成文日期，然后运行 gongwen validate ${shown}`,
        `Wrote ${shown}. Replace the ×× placeholders, check the documents' dates under documents, then run gongwen validate ${shown}`,
      ) + "\n",
    );
  },
};
