/**
 * Approval cases (审批办件): the year's cases with their standing from the facts, a case
 * registered by form (the dataset's own validation at the field), and a ledger (XLSX/CSV)
 * uploaded through the library's import: the mapping and every record are previewed, problems
 * are named by sheet, row and column, and nothing is saved until the clerk confirms.
 */
import type { FastifyInstance } from "fastify";
import { cnDate, csrfField, field, page, tpl, type Html } from "./html.js";
import { deriveFacts, type ApprovalCase } from "./lib.js";
import { StorageConflict } from "../storage/index.js";
import { LedgerRefused, previewHtml, previewLedger, recordsOf, type LedgerPreview } from "./ledger.js";
import { FormInvalid, NotFound, recordErrors, type Form } from "./workbench.js";
import type { YearRouteEnv } from "./routes-year.js";
import type { Ctx } from "./pages.js";
import { may } from "./auth.js";

function errorList(title: string, messages: string[]): Html {
  return tpl`<div class="errors" role="alert">
    <p>${title}</p>
    <ul>
      ${messages.map((m) => tpl`<li>${m}</li>`)}
    </ul>
  </div>`;
}

export async function caseRoutes(app: FastifyInstance, env: YearRouteEnv): Promise<void> {
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

  interface CasesView {
    year: number;
    years: number[];
    form?: Form;
    errors?: ReadonlyMap<string, string[]>;
    general?: string[];
    importErrors?: string[];
    preview?: { token: string; preview: LedgerPreview } | null;
  }

  const casesPage = async (ctx: Ctx, v: CasesView): Promise<string> => {
    const office = await wb.requireOffice();
    const dataset = await wb.store.exportYear(office.id, v.year);
    if (!dataset) throw new NotFound(`没有${v.year}年度的数据`);
    const items = dataset.approval?.items ?? [];
    const itemName = new Map(items.map((i) => [i.id, i.name]));
    const cases = dataset.approval?.cases ?? [];
    const facts = deriveFacts(dataset, { calendar: wb.calendar });
    const overdue = new Set(facts.approval.overdue.cases.map((c) => c.id));
    const open = new Set(facts.approval.open.ids);
    const form = v.form ?? {};
    const errors = v.errors ?? new Map<string, string[]>();
    const f = (name: string, label: string, o: Partial<Parameters<typeof field>[0]> = {}) =>
      field({ name, label, value: form[name] ?? "", errors, ...o });
    const preview = v.preview;
    const previewed = preview ? recordsOf<ApprovalCase>(preview.preview) : new Map<string, ApprovalCase>();
    return page(
      {
        title: "审批办件",
        csrf: ctx.csrf,
        office: ctx.office,
        nav: "cases",
        scripts: ["/static/ledger.js"],
        flash: ctx.flash ?? null,
      },
      tpl`<h1>审批办件 <small>${v.year}年度</small></h1>
        <nav class="years" aria-label="年度">
          ${v.years.map((y) =>
            y === v.year
              ? tpl`<strong aria-current="page">${y}年度</strong> `
              : tpl`<a href="/cases?year=${y}">${y}年度</a> `,
          )}
        </nav>
        ${
          may("POST", "/cases")
            ? tpl`        <section aria-labelledby="h-import">
          <h2 id="h-import">导入办件台账</h2>
          ${v.importErrors?.length ? errorList("未导入：台账有以下问题，未保存任何内容。", v.importErrors) : ""}
          ${
            preview
              ? previewHtml(preview.preview, {
                  csrf: ctx.csrf,
                  confirm: "/cases/import/confirm",
                  cancel: `/cases?year=${v.year}`,
                  token: preview.token,
                  noun: "办件",
                  describe: (id) => {
                    const c = previewed.get(id) ?? cases.find((x) => x.id === id);
                    return c
                      ? `${itemName.get(c.item) ?? c.item}，收件${cnDate(c.received)}，${c.completed ? `办结${cnDate(c.completed)}` : "未办结"}`
                      : "";
                  },
                })
              : ""
          }
          <form id="ledger-form" method="post" action="/cases/import">
            ${csrfField(ctx.csrf)}<input type="hidden" name="year" value="${v.year}" />
            <div class="field">
              <label for="f-ledger">办件台账（Excel 或 CSV）</label
              ><input type="file" id="f-ledger" name="ledger" accept=".xlsx,.csv" />
            </div>
            <div class="field">
              <label for="f-sheets">工作表</label
              ><input type="text" id="f-sheets" name="sheets" value="" aria-describedby="f-sheets-hint" />
              <p class="hint" id="f-sheets-hint">Excel 中有几张台账时填写要导入的表（名称或第几张，多张用顿号分隔）；只有一张时不填</p>
            </div>
            <button type="submit">读取台账</button>
            <p class="hint">先显示读到的内容，确认后才保存。</p>
          </form>
        </section>
        <section aria-labelledby="h-register">
          <h2 id="h-register">登记办件</h2>
          ${v.general?.length ? errorList("未能保存，请修改以下内容：", v.general) : ""}
          ${errors.size ? tpl`<div class="errors" role="alert"><p>未能保存：有${errors.size}处需要修改，见下方标红的栏目。</p></div>` : ""}
          <form method="post" action="/cases" novalidate>
            ${csrfField(ctx.csrf)}<input type="hidden" name="year" value="${v.year}" />
            <div class="grid">
              ${f("id", "办件编号", { required: true })}
              ${f("item", "审批事项", { type: "select", required: true, options: items.map((i) => [i.id, i.name] as const) })}
              ${f("received", "收件日期", { type: "date", required: true })}
              ${f("accepted", "受理日期", { type: "date", required: true })}
              ${f("completed", "办结日期", { type: "date", hint: "尚未办结的不填" })}
              ${f("sealUsed", "使用审批专用章", {
                type: "select",
                required: true,
                options: [
                  ["yes", "是"],
                  ["no", "否"],
                ],
              })}
            </div>
            <p><button type="submit">保存办件</button></p>
          </form>
        </section>`
            : ""
        }
        <section aria-labelledby="h-cases">
          <h2 id="h-cases">办件（${cases.length}件）</h2>
          ${
            cases.length === 0
              ? tpl`<p class="empty">本年度还没有办件记录。</p>`
              : tpl`<div class="table-wrap">
                  <table class="cases">
                    <thead>
                      <tr>
                        <th scope="col">办件编号</th>
                        <th scope="col">审批事项</th>
                        <th scope="col">收件日期</th>
                        <th scope="col">受理日期</th>
                        <th scope="col">办结日期</th>
                        <th scope="col">专用章</th>
                        <th scope="col">状态</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${cases.map(
                        (c) =>
                          tpl`<tr id="case-${c.id}">
                            <td>${c.id}</td>
                            <td>${itemName.get(c.item) ?? c.item}</td>
                            <td>${cnDate(c.received)}</td>
                            <td>${cnDate(c.accepted)}</td>
                            <td>${c.completed ? cnDate(c.completed) : "—"}</td>
                            <td>${c.sealUsed ? "是" : "否"}</td>
                            <td>
                              ${overdue.has(c.id) ? tpl`<span class="badge badge-overdue">超过承诺时限</span>` : open.has(c.id) ? tpl`<span class="badge badge-due-soon">年底未办结</span>` : tpl`<span class="badge badge-on-time">按时办结</span>`}
                            </td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`
          }
        </section>`,
    );
  };

  app.get<{ Querystring: { year?: string; flash?: string } }>("/cases", async (req, reply) => {
    const { years, year } = await yearOf(req.query.year);
    const counted = /^(\d{1,6})-(\d{1,6})$/.exec(req.query.flash ?? "");
    const flash = counted
      ? `已导入办件台账：新增${counted[1]}件，修改${counted[2]}件。`
      : req.query.flash === "saved"
        ? "已保存办件。"
        : null;
    return sendHtml(reply, await casesPage(await ctxOf(flash), { year, years }));
  });

  // ---- one case by form ----
  app.post<{ Body: Form }>("/cases", async (req, reply) => {
    const form = req.body ?? {};
    const { office, years, year } = await yearOf(form.year);
    const v = (k: string) => {
      const s = (form[k] ?? "").trim();
      return s === "" ? undefined : s;
    };
    const rec: Record<string, unknown> = {};
    for (const k of ["id", "item", "received", "accepted", "completed"])
      if (v(k) !== undefined) rec[k] = v(k);
    if (form.sealUsed === "yes") rec.sealUsed = true;
    else if (form.sealUsed === "no") rec.sealUsed = false;
    const body = await wb.body(office.id, year);
    const { fields, general } = recordErrors(body, "cases", [rec]);
    try {
      if (fields.size > 0 || general.length > 0) throw new FormInvalid(fields, general);
      await wb.store.insertCases(office.id, year, [rec as unknown as ApprovalCase], wb.who, "register-case");
    } catch (e) {
      const errs =
        e instanceof FormInvalid
          ? { errors: e.fields, general: e.general }
          : e instanceof StorageConflict
            ? { errors: new Map([["id", [e.message]]]), general: [] }
            : null;
      if (!errs) throw e;
      return sendHtml(reply, await casesPage(await ctxOf(), { year, years, form, ...errs }), 400);
    }
    return reply.redirect(`/cases?year=${year}&flash=saved#case-${encodeURIComponent(String(rec.id))}`, 303);
  });

  // ---- ledger: preview ----
  app.post<{ Body: Form }>("/cases/import", async (req, reply) => {
    const form = req.body ?? {};
    const { office, years, year } = await yearOf(form.year);
    let preview: LedgerPreview;
    try {
      preview = await previewLedger(wb.store, office.id, year, "approval-cases", form);
    } catch (e) {
      if (!(e instanceof LedgerRefused)) throw e;
      return sendHtml(
        reply,
        await casesPage(await ctxOf(), { year, years, importErrors: e.messages }),
        e.status,
      );
    }
    const token = await previews.put(office.id, preview);
    return sendHtml(reply, await casesPage(await ctxOf(), { year, years, preview: { token, preview } }));
  });

  // ---- ledger: confirm (one transaction: every previewed case or none) ----
  app.post<{ Body: Form }>("/cases/import/confirm", async (req, reply) => {
    const office = await wb.requireOffice();
    const token = req.body?.token ?? "";
    const preview = await previews.get(office.id, token, "approval-cases");
    if (!preview)
      throw new FormInvalid(new Map(), ["这次导入的预览已失效（已导入、已放弃或已过期）：请重新选择台账"]);
    try {
      await wb.store.saveCases(
        office.id,
        preview.year,
        preview.writes.map((w) => ({ record: w.record as ApprovalCase, before: w.before })),
        wb.who,
        "import-cases",
        token,
      );
    } catch (e) {
      if (!(e instanceof StorageConflict)) throw e;
      await previews.drop(office.id, token);
      const years = await wb.store.years(office.id);
      return sendHtml(
        reply,
        await casesPage(await ctxOf(), {
          year: preview.year,
          years,
          importErrors: [`${preview.file}：${e.message}；未导入任何办件，请重新选择台账`],
        }),
        409,
      );
    }
    const added = preview.writes.filter((w) => w.before === null).length;
    return reply.redirect(`/cases?year=${preview.year}&flash=${added}-${preview.writes.length - added}`, 303);
  });
}
