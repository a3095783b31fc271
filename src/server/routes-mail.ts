/**
 * 邮件设置: the deployment's outgoing mail server (the daily digest's), stored in the database
 * and edited by an administrator of a root agency (a government at the top of the tree: the
 * deployment's own). The password is write-only: the page says whether one is stored, never
 * what it is; leaving the field empty keeps it. `gongwen digest --send` reads these settings,
 * its --smtp-* flags overriding them.
 */
import type { FastifyInstance } from "fastify";
import type { MailSettings } from "../storage/index.js";
import { mayUse } from "./auth.js";
import { currentActor, type Actor } from "./context.js";
import { csrfField, field, page, tpl } from "./html.js";
import { errorPage, timeText, type Ctx } from "./pages.js";
import type { RouteEnv } from "./routes-more.js";
import type { Form, Workbench } from "./workbench.js";

type Errors = ReadonlyMap<string, string[]>;

/**
 * Whether the actor may set the deployment's mail: the route's access (管理员 of the session's
 * own agency), on an agency at the top of the tree.
 */
export async function mayEditMail(wb: Workbench, a: Actor | null): Promise<boolean> {
  if (!a || !mayUse(a, "POST", "/admin/mail")) return false;
  const home = (await wb.store.offices()).find((o) => o.id === a.homeAgencyId);
  return home !== undefined && home.parentId === null;
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** The settings of a form, or its problems by field (nothing given at all: remove them). */
function settingsOf(form: Form): {
  errors: Map<string, string[]>;
  settings: Parameters<Workbench["store"]["setMailSettings"]>[0];
} {
  const errors = new Map<string, string[]>();
  const host = (form.host ?? "").trim();
  const from = (form.from ?? "").trim();
  const username = (form.username ?? "").trim();
  const portText = (form.port ?? "").trim();
  if (host === "" && from === "" && username === "" && portText === "" && !form.password)
    return { errors, settings: null };
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(host) && !/^\[[0-9A-Fa-f:.]+\]$/.test(host))
    errors.set("host", ["请填写发信服务器的地址，如 smtp.example.gov.cn"]);
  const port = portText === "" ? 25 : Number(portText);
  if (!/^\d{1,5}$/.test(portText === "" ? "25" : portText) || port < 1 || port > 65535)
    errors.set("port", ["端口应为1–65535的整数（常用25、465或587）"]);
  if (from.length > 254 || !ADDRESS.test(from))
    errors.set("from", ["发件地址格式不正确，如 gongwen@example.gov.cn"]);
  if (username.length > 254) errors.set("username", ["用户名过长"]);
  const password = form.clearPassword === "1" ? null : form.password ? form.password : undefined;
  return {
    errors,
    settings: {
      host,
      port,
      secure: form.secure === "1",
      username: username === "" ? null : username,
      from,
      ...(password !== undefined ? { password } : {}),
    },
  };
}

export function mailPage(
  ctx: Ctx,
  stored: MailSettings | null,
  form: Form | null = null,
  errors: Errors = new Map(),
): string {
  const value = (name: string, fromStored: string) => (form ? (form[name] ?? "") : fromStored);
  const secure = form ? form.secure === "1" : (stored?.secure ?? false);
  return page(
    { title: "邮件设置", csrf: ctx.csrf, office: ctx.office, nav: "admin", flash: ctx.flash ?? null },
    tpl`<h1>邮件设置</h1>
      <p>每日提醒邮件通过这里设置的发信服务器发送（由命令 <code>gongwen digest --send</code> 每天发送；命令行给出的 --smtp- 选项优先于这里的设置）。</p>
      ${
        stored
          ? tpl`<p class="hint">${stored.updatedBy ? `${stored.updatedBy}于` : ""}${timeText(stored.updatedAt)}保存。</p>`
          : tpl`<p class="notice">尚未设置：不发送提醒邮件。</p>`
      }
      ${errors.size ? tpl`<div class="errors" role="alert"><p>未能保存：有${errors.size}处需要修改，见下方标红的栏目。</p></div>` : ""}
      <form method="post" action="/admin/mail" novalidate>
        ${csrfField(ctx.csrf)}
        <div class="grid">
          ${field({ name: "host", label: "发信服务器", value: value("host", stored?.host ?? ""), required: true, errors, hint: "如 smtp.example.gov.cn" })}
          ${field({ name: "port", label: "端口", type: "number", value: value("port", stored ? String(stored.port) : ""), errors, hint: "留空为25；一开始即加密的通常为465" })}
          ${field({ name: "from", label: "发件地址", type: "email", value: value("from", stored?.from ?? ""), required: true, errors, hint: "收件人看到的发件人，如 gongwen@example.gov.cn" })}
          ${field({ name: "username", label: "登录用户名", value: value("username", stored?.username ?? ""), errors, hint: "发信服务器要求登录时填写" })}
          ${field({ name: "password", label: "登录密码", type: "password", errors, hint: stored?.hasPassword ? "已保存密码（不显示）；留空则保持不变" : "尚未保存密码" })}
        </div>
        <div class="field">
          <label><input type="checkbox" name="secure" value="1" ${secure ? tpl` checked` : ""} /> 一开始即加密连接（TLS，端口465）；不选时，服务器支持即改用加密（STARTTLS）</label>
        </div>
        ${
          stored?.hasPassword
            ? tpl`<div class="field"><label><input type="checkbox" name="clearPassword" value="1" /> 删除已保存的密码</label></div>`
            : ""
        }
        <p><button type="submit">保存邮件设置</button></p>
        <p class="hint">全部留空并保存，即删除邮件设置（不再发送提醒邮件）。</p>
      </form>
      <p><a href="/admin">返回用户与机关</a></p>`,
  );
}

export async function mailRoutes(app: FastifyInstance, env: RouteEnv): Promise<void> {
  const { wb, ctxOf, sendHtml } = env;
  const refuse = async (reply: Parameters<typeof sendHtml>[0]) => {
    return sendHtml(
      reply,
      errorPage(await ctxOf(), "无权进行此操作", "邮件设置只能由本级人民政府（最上级机关）的管理员修改"),
      403,
    );
  };
  app.get<{ Querystring: { flash?: string } }>("/admin/mail", async (req, reply) => {
    if (!(await mayEditMail(wb, currentActor()))) return refuse(reply);
    const flash =
      req.query.flash === "saved"
        ? "已保存邮件设置。"
        : req.query.flash === "removed"
          ? "已删除邮件设置。"
          : null;
    return sendHtml(reply, mailPage(await ctxOf(flash), await wb.store.mailSettings()));
  });
  app.post<{ Body: Form }>("/admin/mail", async (req, reply) => {
    const a = currentActor();
    if (!(await mayEditMail(wb, a))) return refuse(reply);
    const form = req.body ?? {};
    const { errors, settings } = settingsOf(form);
    if (errors.size > 0) {
      // The password typed is not sent back into the page.
      const shown = { ...form, password: "" };
      return sendHtml(reply, mailPage(await ctxOf(), await wb.store.mailSettings(), shown, errors), 400);
    }
    await wb.store.setMailSettings(settings, a!.userId);
    return reply.redirect(`/admin/mail?flash=${settings ? "saved" : "removed"}`, 303);
  });
}
