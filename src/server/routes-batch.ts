/**
 * 年终批量: the year-end batches of the agencies in the user's scope — annual report (DOCX, PDF,
 * XLSX), self-audit report and every letter of the year, made by a job (src/jobs) and stored in
 * the database. A 负责人 or 管理员 enqueues their own agency's batch (here or on 年终文书); a 监督
 * enqueues one job per agency of their scope. The page shows the jobs (queued, running, done,
 * failed, with progress) and the files made, each downloadable only within the user's scope:
 * another agency's files answer 404 whether their address is known or guessed.
 */
import type { FastifyInstance } from "fastify";
import {
  BATCH_FILES,
  revisionText,
  type BatchJobView,
  type BatchQueue,
  type BatchState,
} from "../jobs/index.js";
import type { StoredBatchFile } from "../storage/index.js";
import { currentActor, type Actor } from "./context.js";
import { mayUse } from "./auth.js";
import { cnDate, csrfField, page, tpl, type Part } from "./html.js";
import { screenText } from "./text.js";
import { FormInvalid, NotFound, type Form } from "./workbench.js";
import type { RouteEnv } from "./routes-more.js";

export interface BatchRouteEnv extends RouteEnv {
  batch: BatchQueue;
}

const STATE_LABELS: Record<BatchState, string> = {
  queued: "排队中",
  running: "处理中",
  done: "已完成",
  failed: "失败",
};

/** The base of a downloaded file's name, by the stored name's stem. */
const FILE_TITLES: Record<string, string> = {
  "annual-report": "政府信息公开工作年度报告",
  "self-audit": "考核自查报告",
  letters: "答复文书",
};

/** Whether the actor may enqueue their own agency's batch (the route's access rule). */
export function mayLead(a: Actor | null): boolean {
  return !!a && mayUse(a, "POST", "/batch");
}

function fileHref(f: { officeId: number; year: number; revision: string; name: string }): string {
  return `/batch/files/${f.officeId}/${f.year}/${encodeURIComponent(f.revision)}/${encodeURIComponent(f.name)}`;
}

function timeText(ms: number | null): string {
  if (ms === null) return "";
  const d = new Date(ms + 8 * 3600_000); // Beijing time
  const iso = d.toISOString();
  return `${cnDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

export async function batchRoutes(app: FastifyInstance, env: BatchRouteEnv): Promise<void> {
  const { wb, ctxOf, sendHtml, batch } = env;

  const actorOrFail = (): Actor => {
    const a = currentActor();
    if (!a) throw new NotFound("请先登录");
    return a;
  };
  const yearOf = (form: Form | undefined): number => {
    const y = form?.year ?? "";
    if (!/^\d{4}$/.test(y)) throw new FormInvalid(new Map(), ["请选择年度"]);
    return Number(y);
  };

  app.get<{ Querystring: { flash?: string } }>("/batch", async (req, reply) => {
    const actor = actorOrFail();
    const ids = actor.scope.map((s) => s.id);
    const names = new Map(actor.scope.map((s) => [s.id, s.name]));
    // A constant number of queries for any scope (a city's 监督 sees hundreds of agencies).
    const [jobs, files, yearsOf, revisionsOf] = await Promise.all([
      batch.jobs(ids),
      wb.store.batchOutputs.ofAgencies(ids),
      wb.store.yearsOfAgencies(ids),
      wb.store.revisionsOfAgencies(ids),
    ]);
    // The files, by (agency, year, revision), newest first; each batch marked current or not.
    const groups = new Map<string, StoredBatchFile[]>();
    for (const f of files) {
      const k = `${f.officeId}/${f.year}/${f.revision}`;
      groups.set(k, [...(groups.get(k) ?? []), f]);
    }
    const current = new Map<string, string>();
    for (const g of groups.values()) {
      const k = `${g[0]!.officeId}/${g[0]!.year}`;
      if (!current.has(k))
        current.set(k, revisionText(revisionsOf.get(g[0]!.officeId) ?? new Map(), g[0]!.year));
    }
    const years = new Set<number>();
    for (const list of yearsOf.values()) for (const y of list) years.add(y);
    const yearList = [...years].sort((a, b) => b - a);
    const ownYears = yearsOf.get(actor.agencyId) ?? [];
    const ctx = await ctxOf(flashText(req.query.flash));
    const busy = jobs.some((j) => j.state === "queued" || j.state === "running");
    const fileLinks = (list: readonly StoredBatchFile[]): Part =>
      tpl`<ul class="batch-files">
        ${list.map((f) => tpl`<li><a href="${fileHref(f)}?download=1">${BATCH_FILES[f.name as keyof typeof BATCH_FILES] ?? f.name}</a>（${Math.max(1, Math.round(f.size / 1024))} KB）</li>`)}
      </ul>`;
    const filesOfJob = (j: BatchJobView) => groups.get(`${j.officeId}/${j.year}/${j.revision}`) ?? [];
    const jobRow = (j: BatchJobView) =>
      tpl`<tr class="job job-${j.state}" data-job="${j.id}">
        <td>${names.get(j.officeId) ?? ""}</td>
        <td>${j.year}年度</td>
        <td><span class="badge">${STATE_LABELS[j.state]}</span>${j.attempts > 1 ? `（第${j.attempts}次）` : ""}</td>
        <td><progress max="100" value="${j.progress}">${j.progress}%</progress> ${j.progress}%</td>
        <td>${timeText(j.createdAt)}</td>
        <td>
          ${j.state === "done" ? fileLinks(filesOfJob(j)) : ""}
          ${j.state === "failed" ? tpl`<p class="problem">${screenText(j.failedReason ?? "")}</p>` : ""}
          ${
            j.result?.problems.length
              ? tpl`<ul class="hint">${j.result.problems.map((p) => tpl`<li>${screenText(p)}</li>`)}</ul>`
              : ""
          }
        </td>
      </tr>`;
    const lead = mayLead(actor);
    const oversee = mayUse(actor, "POST", "/batch/all");
    const yearSelect = (id: string, list: readonly number[]) =>
      tpl`<label for="${id}">年度</label>
        <select id="${id}" name="year">
          ${list.map((y) => tpl`<option value="${y}">${y}年度</option>`)}
        </select>`;
    return sendHtml(
      reply,
      page(
        {
          title: "年终批量",
          csrf: ctx.csrf,
          office: ctx.office,
          nav: "batch",
          flash: ctx.flash ?? null,
          scripts: busy ? ["/static/refresh.js"] : [],
        },
        tpl`<h1>年终批量</h1>
          <p>
            每个机关每个年度一次生成：政府信息公开工作年度报告（DOCX、PDF和XLSX统计表）、考核自查报告（DOCX和PDF）、本年度全部答复文书（DOCX和PDF，一个压缩包）。
            ${
              batch.kind === "bullmq"
                ? "任务由年终批量工作进程（gongwen worker）处理，可在多台机器上同时运行。"
                : "本工作台使用内置数据库：批量任务由工作台自己依次处理。"
            }
            生成的文件保存在数据库中；数据未变时重复提交不会重复生成。
          </p>
          ${
            lead && ownYears.length
              ? tpl`<form method="post" action="/batch" class="inline">
                  ${csrfField(ctx.csrf)} ${yearSelect("batch-year", [...ownYears].reverse())}
                  <button type="submit">生成本机关年终文书</button>
                </form>`
              : ""
          }
          ${
            oversee && yearList.length
              ? tpl`<form method="post" action="/batch/all" class="inline">
                  ${csrfField(ctx.csrf)} ${yearSelect("batch-all-year", yearList)}
                  <button type="submit">为本机关及全部下属机关生成（每个机关一个任务）</button>
                </form>`
              : ""
          }
          <section aria-labelledby="h-jobs">
            <h2 id="h-jobs">任务</h2>
            ${
              jobs.length
                ? tpl`<div class="table-wrap" ${busy ? "data-refresh" : ""}>
                    <table class="jobs">
                      <thead>
                        <tr>
                          <th scope="col">机关</th>
                          <th scope="col">年度</th>
                          <th scope="col">状态</th>
                          <th scope="col">进度</th>
                          <th scope="col">提交时间</th>
                          <th scope="col">文件</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${jobs.map(jobRow)}
                      </tbody>
                    </table>
                  </div>`
                : tpl`<p>没有任务。</p>`
            }
          </section>
          <section aria-labelledby="h-files">
            <h2 id="h-files">已生成的文件</h2>
            ${
              groups.size
                ? tpl`<ul class="batches">
                    ${[...groups.values()].map((g) => {
                      const f = g[0]!;
                      const stale = current.get(`${f.officeId}/${f.year}`) !== f.revision;
                      return tpl`<li>
                        <strong>${names.get(f.officeId) ?? ""} ${f.year}年度</strong>（${timeText(Date.parse(f.createdAt))}生成${stale ? "；此后数据已有变更，可重新生成" : ""}）
                        ${fileLinks(g)}
                      </li>`;
                    })}
                  </ul>`
                : tpl`<p>还没有生成的文件。</p>`
            }
          </section>`,
      ),
    );
  });

  app.post<{ Body: Form }>("/batch", async (req, reply) => {
    const actor = actorOrFail();
    const year = yearOf(req.body);
    if (!(await wb.store.years(actor.agencyId)).includes(year)) throw new NotFound(`没有${year}年度的数据`);
    const r = await batch.enqueue({ officeId: actor.agencyId, year });
    return reply.redirect(`/batch?flash=${r.existed ? "known" : "queued"}`, 303);
  });

  app.post<{ Body: Form }>("/batch/all", async (req, reply) => {
    const actor = actorOrFail();
    const year = yearOf(req.body);
    let added = 0;
    const yearsOf = await wb.store.yearsOfAgencies(actor.scope.map((s) => s.id));
    for (const s of actor.scope) {
      if (!(yearsOf.get(s.id) ?? []).includes(year)) continue;
      if (!(await batch.enqueue({ officeId: s.id, year })).existed) added++;
    }
    return reply.redirect(`/batch?flash=all-${added}`, 303);
  });

  app.get<{
    Params: { agency: string; year: string; revision: string; name: string };
    Querystring: { download?: string };
  }>("/batch/files/:agency/:year/:revision/:name", async (req, reply) => {
    const actor = actorOrFail();
    const { agency, year, revision, name } = req.params;
    const gone = () => new NotFound("没有这个文件");
    if (!/^\d+$/.test(agency) || !/^\d{4}$/.test(year) || !/^\d+\.\d+$/.test(revision)) throw gone();
    const officeId = Number(agency);
    // The scope check: another agency's files are as absent as files never made.
    const own = actor.scope.find((s) => s.id === officeId);
    if (!own) throw gone();
    const f = await wb.store.batchOutputs.file(officeId, Number(year), revision, name);
    if (!f) throw gone();
    const stem = name.replace(/\.[a-z]+$/, "");
    const ext = name.slice(stem.length);
    const shown = `${own.name}${year}年度${FILE_TITLES[stem] ?? stem}${ext}`;
    return reply
      .type(f.mediaType)
      .header("cache-control", "no-store")
      .header(
        "content-disposition",
        `${req.query.download ? "attachment" : "inline"}; filename="${year}-${name}"; filename*=UTF-8''${encodeURIComponent(shown)}`,
      )
      .send(Buffer.from(f.bytes));
  });
}

function flashText(key: string | undefined): string | null {
  if (key === "queued") return "已加入年终批量任务。";
  if (key === "known") return "该年度的批量任务已在队列中或已完成（数据未变）。";
  const m = /^all-(\d+)$/.exec(key ?? "");
  if (m) return `已为${m[1]}个机关加入年终批量任务（数据未变的不重复加入）。`;
  return null;
}
