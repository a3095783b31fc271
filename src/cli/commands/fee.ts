/**
 * `gongwen fee`: information processing fee (国办函〔2020〕109号) with its tiers.
 *
 *   gongwen fee (--per-request N | --per-page N) [--json]
 */
import type { CommandModule } from "yargs";
import { UserError } from "../../util/errors.js";
import { parseLang, t, type Lang } from "../../util/i18n.js";
import { feePerPage, feePerRequest, formatFee } from "../../law/fees.js";

interface FeeArgs {
  "per-request"?: string;
  "per-page"?: string;
  json: boolean;
  lang?: string;
}

function parseCount(v: string, option: string, lang: Lang): number {
  if (!/^\d+$/.test(v))
    throw new UserError(t(lang, `${option} 应为非负整数：${v}`, `${option} must be a whole number: ${v}`));
  return Number(v);
}

export const feeCommand: CommandModule<object, FeeArgs> = {
  command: "fee",
  describe: "计算信息处理费（国办函〔2020〕109号） / Information processing fee",
  builder: (y) =>
    y
      .option("per-request", {
        type: "string",
        describe: "按件：同一申请人当月累计申请件数 / Per request: requests this month",
      })
      .option("per-page", { type: "string", describe: "按量：页数 / Per page: number of pages" })
      .option("json", { type: "boolean", default: false, describe: "输出 JSON / Print JSON" }) as never,
  handler: (argv) => {
    const lang = parseLang(argv.lang);
    const req = argv["per-request"];
    const page = argv["per-page"];
    if ((req === undefined) === (page === undefined))
      throw new UserError(
        t(
          lang,
          "请指定 --per-request N 或 --per-page N 之一（二者只能选一种计费方式）",
          "Give exactly one of --per-request N or --per-page N (one method per request)",
        ),
      );
    const fee =
      req !== undefined
        ? feePerRequest(parseCount(req, "--per-request", lang), lang)
        : feePerPage(parseCount(page as string, "--per-page", lang), lang);
    if (argv.json) {
      process.stdout.write(
        JSON.stringify(
          {
            method: fee.method,
            quantity: fee.quantity,
            amount: fee.amount,
            tiers: fee.tiers,
            basis: fee.basis,
          },
          null,
          2,
        ) + "\n",
      );
      return;
    }
    process.stdout.write(formatFee(fee, lang));
  },
};
