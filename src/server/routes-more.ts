/** Routes beyond the application's own: import/export of a year's dataset. */
import type { FastifyInstance, FastifyReply } from "fastify";
import { csrfField, page, tpl } from "./html.js";
import { FormInvalid, NotFound, type Form, type Workbench } from "./workbench.js";
import type { Ctx } from "./pages.js";
import { may } from "./auth.js";

export interface RouteEnv {
  wb: Workbench;
  ctxOf: (flash?: string | null) => Promise<Ctx>;
  sendHtml: (reply: FastifyReply, body: string, code?: number) => FastifyReply;
  todayOf: () => string;
}

function dataPage(ctx: Ctx, years: number[], errors: string[] = []): string {
  return page(
    {
      title: "导入导出",
      csrf: ctx.csrf,
      office: ctx.office,
      nav: "data",
      scripts: ["/static/data.js"],
      flash: ctx.flash ?? null,
    },
    tpl`<h1>导入导出年度数据</h1>
      <section aria-labelledby="h-export">
        <h2 id="h-export">导出</h2>
        <p>导出的年度数据文件可用命令行工具校验、生成文书。</p>
        <ul>
          ${years.map((y) => tpl`<li><a href="/data/export/${y}.json">导出${y}年度数据</a></li>`)}
        </ul>
      </section>
${
  may("GET", "/applications/import")
    ? tpl`      <section aria-labelledby="h-ledgers">
        <h2 id="h-ledgers">导入台账</h2>
        <p>
          Excel 或 CSV 台账，先预览、确认后保存：<a href="/applications/import">导入申请台账</a>（依申请公开）·
          <a href="/cases">导入办件台账</a>（审批办件）
        </p>
      </section>`
    : ""
}
      ${
        may("POST", "/data/import")
          ? tpl`      <section aria-labelledby="h-import">
        <h2 id="h-import">导入</h2>
        ${
          errors.length
            ? tpl`<div class="errors" role="alert">
                <p>未导入：数据文件有以下问题，未保存任何内容。</p>
                <ul>
                  ${errors.map((e) => tpl`<li>${e}</li>`)}
                </ul>
              </div>`
            : ""
        }
        <form id="import-form" method="post" action="/data/import">
          ${csrfField(ctx.csrf)}
          <div class="field">
            <label for="f-file">年度数据文件（JSON）</label
            ><input type="file" id="f-file" name="file" accept=".json,application/json" />
          </div>
          <div class="field">
            <label><input type="checkbox" name="replace" value="1" /> 替换已有年度</label>
          </div>
          <button type="submit">导入</button>
        </form>
      </section>`
          : ""
      }`,
  );
}

export async function extraRoutes(app: FastifyInstance, env: RouteEnv): Promise<void> {
  const { wb, ctxOf, sendHtml } = env;

  app.get<{ Querystring: { flash?: string } }>("/data", async (req, reply) => {
    const office = await wb.requireOffice();
    const flash =
      req.query.flash && /^\d{4}$/.test(req.query.flash) ? `已导入${req.query.flash}年度数据。` : null;
    return sendHtml(reply, dataPage(await ctxOf(flash), await wb.store.years(office.id)));
  });

  app.get<{ Params: { file: string } }>("/data/export/:file", async (req, reply) => {
    const office = await wb.requireOffice();
    const m = /^(\d{4})\.json$/.exec(req.params.file);
    if (!m) throw new NotFound("没有这个年度");
    const dataset = await wb.store.exportYear(office.id, Number(m[1]));
    if (!dataset) throw new NotFound(`没有${m[1]}年度的数据`);
    return reply
      .type("application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="operations-${m[1]}.json"`)
      .send(JSON.stringify(dataset, null, 2) + "\n");
  });

  app.post<{ Body: Form }>("/data/import", async (req, reply) => {
    const office = await wb.requireOffice();
    const body = req.body ?? {};
    const text = body.text ?? "";
    if (text.trim() === "")
      return sendHtml(
        reply,
        dataPage(await ctxOf(), await wb.store.years(office.id), ["请选择要导入的数据文件"]),
        400,
      );
    try {
      const year = await wb.importDataset(text, body.fileName || "导入文件", body.replace === "1");
      return reply.redirect(`/data?flash=${year}`, 303);
    } catch (e) {
      if (e instanceof FormInvalid)
        return sendHtml(reply, dataPage(await ctxOf(), await wb.store.years(office.id), e.general), 400);
      if (e instanceof Error && e.name === "StorageConflict")
        return sendHtml(reply, dataPage(await ctxOf(), await wb.store.years(office.id), [e.message]), 409);
      throw e;
    }
  });
}
