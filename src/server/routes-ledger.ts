/**
 * A ledger of applications (依申请公开登记台账, XLSX/CSV — what `gongwen import` reads) uploaded
 * into a year: read through the library's import, previewed row by row (new, changed with each
 * field old → new, unchanged), problems named by sheet, row and column, nothing saved until the
 * clerk confirms; then every row in one transaction.
 */
import type { FastifyInstance } from "fastify";
import { cnDate, csrfField, page, tpl, type Html } from "./html.js";
import { CHANNEL_LABELS, type Application } from "./lib.js";
import { StorageConflict } from "../storage/index.js";
import { LedgerRefused, previewHtml, previewLedger, recordsOf, type LedgerPreview } from "./ledger.js";
import { FormInvalid, NotFound, type Form } from "./workbench.js";
import type { RouteEnv } from "./routes-more.js";
import type { Ctx } from "./pages.js";

function errorList(title: string, messages: string[]): Html {
  return tpl`<div class="errors" role="alert">
    <p>${title}</p>
    <ul>
      ${messages.map((m) => tpl`<li>${m}</li>`)}
    </ul>
  </div>`;
}

interface View {
  year: number;
  years: number[];
  importErrors?: string[];
  preview?: { token: string; preview: LedgerPreview } | null;
}

export async function ledgerRoutes(app: FastifyInstance, env: RouteEnv): Promise<void> {
  const { wb, ctxOf, sendHtml } = env;
  const previews = wb.previews;

  const yearOf = async (given: string | undefined) => {
    const office = await wb.requireOffice();
    const years = await wb.store.years(office.id);
    if (years.length === 0) throw new NotFound("还没有任何年度的数据");
    if (given === undefined || given === "") return { office, years, year: years[years.length - 1]! };
    if (!/^\d{4}$/.test(given) || !years.includes(Number(given)))
      throw new NotFound(`没有${given}年度的数据`);
    return { office, years, year: Number(given) };
  };

  const ledgerPage = async (ctx: Ctx, v: View): Promise<string> => {
    const office = await wb.requireOffice();
    const stored = new Map(
      (await wb.store.applications(office.id, { year: v.year })).map((a) => [a.record.id, a.record]),
    );
    const previewed = v.preview ? recordsOf<Application>(v.preview.preview) : new Map<string, Application>();
    const describe = (id: string) => {
      const a = previewed.get(id) ?? stored.get(id);
      if (!a) return "";
      const content = typeof a.content === "string" ? a.content : "";
      const received = a.signedFor ?? a.confirmed ?? a.received ?? a.submitted;
      return `${CHANNEL_LABELS[a.channel] ?? ""}${received ? `，${cnDate(received)}收到` : ""}，${content.length > 24 ? `${content.slice(0, 24)}…` : content}`;
    };
    return page(
      {
        title: "导入申请台账",
        csrf: ctx.csrf,
        office: ctx.office,
        nav: "data",
        scripts: ["/static/ledger.js"],
        flash: ctx.flash ?? null,
      },
      tpl`<h1>导入申请台账 <small>${v.year}年度</small></h1>
        <nav class="years" aria-label="年度">
          ${v.years.map((y) =>
            y === v.year
              ? tpl`<strong aria-current="page">${y}年度</strong> `
              : tpl`<a href="/applications/import?year=${y}">${y}年度</a> `,
          )}
        </nav>
        <p>
          依申请公开登记台账（Excel 或 CSV）导入本年度：台账中的申请按登记号与已登记的申请对应，新的登记号新增，已有的按台账修改。
        </p>
        ${v.importErrors?.length ? errorList("未导入：台账有以下问题，未保存任何内容。", v.importErrors) : ""}
        ${
          v.preview
            ? previewHtml(v.preview.preview, {
                csrf: ctx.csrf,
                confirm: "/applications/import/confirm",
                cancel: `/applications/import?year=${v.year}`,
                token: v.preview.token,
                noun: "申请",
                describe,
              })
            : ""
        }
        <form id="ledger-form" method="post" action="/applications/import">
          ${csrfField(ctx.csrf)}<input type="hidden" name="year" value="${v.year}" />
          <div class="field">
            <label for="f-ledger">申请台账（Excel 或 CSV）</label
            ><input type="file" id="f-ledger" name="ledger" accept=".xlsx,.csv" />
          </div>
          <div class="field">
            <label for="f-sheets">工作表</label
            ><input type="text" id="f-sheets" name="sheets" value="" aria-describedby="f-sheets-hint" />
            <p class="hint" id="f-sheets-hint">Excel 中有几张台账时填写要导入的表（名称或第几张，多张用顿号分隔）；只有一张时不填</p>
          </div>
          <button type="submit">读取台账</button>
          <p class="hint">先显示读到的内容，确认后才保存。</p>
        </form>`,
    );
  };

  app.get<{ Querystring: { year?: string; flash?: string } }>("/applications/import", async (req, reply) => {
    const { years, year } = await yearOf(req.query.year);
    const counted = /^(\d{1,6})-(\d{1,6})$/.exec(req.query.flash ?? "");
    const flash = counted ? `已导入申请台账：新增${counted[1]}件，修改${counted[2]}件。` : null;
    return sendHtml(reply, await ledgerPage(await ctxOf(flash), { year, years }));
  });

  app.post<{ Body: Form }>("/applications/import", async (req, reply) => {
    const form = req.body ?? {};
    const { office, years, year } = await yearOf(form.year);
    let preview: LedgerPreview;
    try {
      preview = await previewLedger(wb.store, office.id, year, "applications", form);
    } catch (e) {
      if (!(e instanceof LedgerRefused)) throw e;
      return sendHtml(
        reply,
        await ledgerPage(await ctxOf(), { year, years, importErrors: e.messages }),
        e.status,
      );
    }
    const token = await previews.put(office.id, preview);
    return sendHtml(reply, await ledgerPage(await ctxOf(), { year, years, preview: { token, preview } }));
  });

  app.post<{ Body: Form }>("/applications/import/confirm", async (req, reply) => {
    const office = await wb.requireOffice();
    const token = req.body?.token ?? "";
    const preview = await previews.get(office.id, token, "applications");
    if (!preview)
      throw new FormInvalid(new Map(), ["这次导入的预览已失效（已导入、已放弃或已过期）：请重新选择台账"]);
    try {
      await wb.store.saveApplications(
        office.id,
        preview.year,
        preview.writes.map((w) => ({ record: w.record as Application, version: w.version })),
        wb.who,
        "import-applications",
        token,
      );
    } catch (e) {
      if (!(e instanceof StorageConflict)) throw e;
      await previews.drop(office.id, token);
      const years = await wb.store.years(office.id);
      return sendHtml(
        reply,
        await ledgerPage(await ctxOf(), {
          year: preview.year,
          years,
          importErrors: [`${preview.file}：${e.message}；未导入任何申请，请重新选择台账`],
        }),
        409,
      );
    }
    const added = preview.writes.filter((w) => w.version === null).length;
    return reply.redirect(
      `/applications/import?year=${preview.year}&flash=${added}-${preview.writes.length - added}`,
      303,
    );
  });
}
