/** Pages of users and agencies: the login page, one's own account, the administrator's page. */
import { csrfField, field, page, raw, tpl, type Html, type Part } from "./html.js";
import type { StoredUser } from "../storage/index.js";
import type { AgencyRef } from "./context.js";
import type { Form } from "./workbench.js";
import { adminFields, type Ctx } from "./pages.js";
import { ROLE_LABELS, ROLES } from "./auth.js";
import { timeText } from "./pages.js";

type Errors = ReadonlyMap<string, string[]>;
const NO_ERRORS: Errors = new Map();

function messages(list: readonly string[]): Part {
  if (list.length === 0) return "";
  return tpl`<div class="errors" role="alert">
    <ul>
      ${list.map((m) => tpl`<li>${m}</li>`)}
    </ul>
  </div>`;
}

export function loginPage(
  csrf: string,
  username = "",
  error: string | null = null,
  flash: string | null = null,
): string {
  return page(
    { title: "登录", csrf, flash },
    tpl`<h1>登录</h1>
      ${error ? messages([error]) : ""}
      <form method="post" action="/login" novalidate class="login">
        ${csrfField(csrf)}
        ${field({ name: "username", label: "用户名", value: username, required: true })}
        ${field({ name: "password", label: "密码", type: "password", required: true })}
        <p><button type="submit">登录</button></p>
      </form>
      <p class="hint">忘记密码请联系本机关的管理员重设。</p>`,
  );
}

export function rolesText(roles: readonly string[]): string {
  return roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join("、");
}

export function accountPage(
  ctx: Ctx,
  me: {
    displayName: string;
    username: string;
    roles: readonly string[];
    agency: string;
    sessions: number;
    email: string | null;
  },
  errors: Errors = NO_ERRORS,
  general: string[] = [],
  form: Form = {},
): string {
  const emailErrors: Errors = errors.has("email") ? errors : NO_ERRORS;
  const passwordErrors: Errors = errors.has("email") ? NO_ERRORS : errors;
  return page(
    { title: "我的账户", csrf: ctx.csrf, office: ctx.office, nav: "account", flash: ctx.flash ?? null },
    tpl`<h1>我的账户</h1>
      <dl class="facts">
        <dt>姓名</dt>
        <dd>${me.displayName}</dd>
        <dt>用户名</dt>
        <dd>${me.username}</dd>
        <dt>机关</dt>
        <dd>${me.agency}</dd>
        <dt>角色</dt>
        <dd>${rolesText(me.roles)}</dd>
        <dt>已登录的会话</dt>
        <dd>${me.sessions}个</dd>
      </dl>
      <section aria-labelledby="h-email">
        <h2 id="h-email">电子邮箱</h2>
        <form method="post" action="/account/email" novalidate>
          ${csrfField(ctx.csrf)}
          <div class="grid">
            ${field({ name: "email", label: "电子邮箱", type: "email", value: form.email ?? me.email ?? "", errors: emailErrors, hint: "每日提醒发到这里；留空则不发邮件" })}
          </div>
          <p><button type="submit">保存电子邮箱</button></p>
        </form>
      </section>
      <section aria-labelledby="h-password">
        <h2 id="h-password">修改密码</h2>
        ${messages(general)}
        <form method="post" action="/account/password" novalidate>
          ${csrfField(ctx.csrf)}
          <div class="grid">
            ${field({ name: "current", label: "当前密码", type: "password", required: true, errors: passwordErrors })}
            ${field({ name: "password", label: "新密码", type: "password", required: true, errors: passwordErrors, hint: "至少8个字符；修改后所有设备上的登录都将结束" })}
            ${field({ name: "password2", label: "再次输入新密码", type: "password", required: true, errors: passwordErrors })}
          </div>
          <p><button type="submit">修改密码</button></p>
        </form>
      </section>
      <section aria-labelledby="h-everywhere">
        <h2 id="h-everywhere">退出所有设备</h2>
        <p>结束本账户在所有电脑和浏览器上的登录（包括本页面）。</p>
        <form method="post" action="/logout/everywhere">
          ${csrfField(ctx.csrf)}<button type="submit">退出所有设备</button>
        </form>
      </section>`,
  );
}

export interface AdminView {
  agencies: AgencyRef[];
  users: StoredUser[];
  form: Form;
  errors: Errors;
  general: string[];
  /** Which form the messages are of. */
  failed: "user" | "agency" | null;
  /** Whether the user may set the deployment's mail (邮件设置). */
  mail?: boolean;
}

export function adminPage(ctx: Ctx, v: AdminView): string {
  const agencyName = new Map(v.agencies.map((a) => [a.id, a.name]));
  const options = v.agencies.map((a) => [String(a.id), `${"　".repeat(a.depth)}${a.name}`] as const);
  const errs = (which: AdminView["failed"]) => (v.failed === which ? v.errors : NO_ERRORS);
  const form = (which: AdminView["failed"]) => (v.failed === which ? v.form : {});
  const general = (which: AdminView["failed"]) => (v.failed === which ? messages(v.general) : "");
  const f = (name: string, label: string, required = true, hint?: string) =>
    field({
      name,
      label,
      value: form("agency")[name] ?? "",
      required,
      errors: errs("agency"),
      ...(hint ? { hint } : {}),
    });
  const checked = (r: string) => {
    const given = form("user")["user.roles"];
    return given !== undefined ? given.split(",").includes(r) : r === "clerk";
  };
  return page(
    { title: "用户与机关", csrf: ctx.csrf, office: ctx.office, nav: "admin", flash: ctx.flash ?? null },
    tpl`<h1>用户与机关</h1>
      ${v.mail ? tpl`<p><a href="/admin/mail">邮件设置</a>（每日提醒邮件的发信服务器）</p>` : ""}
      <section aria-labelledby="h-users">
        <h2 id="h-users">用户</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">用户名</th>
                <th scope="col">机关</th>
                <th scope="col">角色</th>
                <th scope="col">电子邮箱</th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              ${v.users.map(
                (u) => tpl`<tr>
                  <td>${u.displayName}</td>
                  <td>${u.username}</td>
                  <td>${agencyName.get(u.officeId) ?? ""}</td>
                  <td>${rolesText(u.roles)}</td>
                  <td>${u.email ?? "—"}</td>
                  <td>${u.disabledAt ? `已停用（${timeText(u.disabledAt)}）` : "正常"}</td>
                  <td class="actions"><a href="/admin/users/${u.id}">管理</a></td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <h3>新建用户</h3>
        ${general("user")}
        <form method="post" action="/admin/users" novalidate>
          ${csrfField(ctx.csrf)}
          ${field({ name: "user.agency", label: "所属机关", type: "select", options, value: form("user")["user.agency"] ?? String(v.agencies[0]?.id ?? ""), required: true, errors: errs("user") })}
          ${adminFields(form("user"), errs("user"), "user")}
          ${field({ name: "user.email", label: "电子邮箱", type: "email", value: form("user")["user.email"] ?? "", errors: errs("user"), hint: "每日提醒发到这里；可不填" })}
          <fieldset>
            <legend>角色</legend>
            ${ROLES.map(
              (r) =>
                tpl`<label class="check"><input type="checkbox" name="user.role.${r}" value="1" ${checked(r) ? raw(" checked") : ""} /> ${ROLE_LABELS[r]}</label> `,
            )}
            <p class="hint">
              经办人：登记和办理本机关的申请；负责人：批准延期、签批答复；管理员：管理本机关及下属机关的用户和机关；监督：查阅本机关及其下属机关的全部记录，不能修改。
            </p>
            ${(errs("user").get("user.roles") ?? []).map((m) => tpl`<p class="error">${m}</p>`)}
          </fieldset>
          <p><button type="submit">建立用户</button></p>
        </form>
      </section>
      <section aria-labelledby="h-agencies">
        <h2 id="h-agencies">机关</h2>
        <ul class="tree">
          ${v.agencies.map((a) => tpl`<li style="margin-left:${a.depth * 1.5}em"><a href="/admin/agencies/${a.id}">${a.name}</a></li>`)}
        </ul>
        <h3>新建下属机关</h3>
        ${general("agency")}
        <form method="post" action="/admin/agencies" novalidate>
          ${csrfField(ctx.csrf)}
          ${field({ name: "parent", label: "上级机关", type: "select", options, value: form("agency").parent ?? String(v.agencies[0]?.id ?? ""), required: true, errors: errs("agency") })}
          <div class="grid">
            ${f("agency.name", "机关全称")}
            ${f("agency.shortName", "发文机关代字", true, "用于文号")}
            ${f("agency.parentGovernment", "本级人民政府")}
            ${f("agency.reconsiderationBody.name", "行政复议机关")}
            ${f("agency.court.name", "行政诉讼管辖法院")} ${f("agency.address", "机关地址")}
            ${f("agency.phone", "联系电话", false)}
            ${f("agency.disclosureOffice.name", "政府信息公开工作机构")}
            ${f("agency.disclosureOffice.head", "工作机构负责人", true)}
            ${field({ name: "year", label: "年度", value: form("agency").year ?? String(new Date().getFullYear()), required: true, errors: errs("agency") })}
          </div>
          <p><button type="submit">建立机关</button></p>
        </form>
      </section>`,
  );
}

type Failed = { form: Form; errors: Errors; general: string[] };

function roleBoxes(given: string | undefined, current: readonly string[], errors: Errors): Html {
  const on = (r: string) => (given !== undefined ? given.split(",").includes(r) : current.includes(r));
  return tpl`<fieldset>
    <legend>角色</legend>
    ${ROLES.map(
      (r) =>
        tpl`<label class="check"><input type="checkbox" name="user.role.${r}" value="1" ${on(r) ? raw(" checked") : ""} /> ${ROLE_LABELS[r]}</label> `,
    )}
    ${(errors.get("user.roles") ?? []).map((m) => tpl`<p class="error">${m}</p>`)}
  </fieldset>`;
}

/** One user: roles, agency and e-mail; password, sessions; disable or delete. */
export function userEditPage(
  ctx: Ctx,
  v: Failed & { user: StoredUser; agencies: AgencyRef[]; self: boolean; history: boolean },
): string {
  const u = v.user;
  const options = v.agencies.map((a) => [String(a.id), `${"　".repeat(a.depth)}${a.name}`] as const);
  const base = `/admin/users/${u.id}`;
  return page(
    {
      title: `用户 ${u.displayName}`,
      csrf: ctx.csrf,
      office: ctx.office,
      nav: "admin",
      flash: ctx.flash ?? null,
    },
    tpl`<h1>用户 ${u.displayName} <small>${u.username}</small></h1>
      <p><a href="/admin">返回用户与机关</a></p>
      ${u.disabledAt ? tpl`<p class="problem">该用户已于${timeText(u.disabledAt)}停用，不能登录。</p>` : ""}
      <section aria-labelledby="h-edit">
        <h2 id="h-edit">角色、机关和电子邮箱</h2>
        ${messages(v.general)}
        <form method="post" action="${base}" novalidate>
          ${csrfField(ctx.csrf)}
          <div class="grid">
            ${field({ name: "user.agency", label: "所属机关", type: "select", options, value: v.form["user.agency"] ?? String(u.officeId), required: true, errors: v.errors })}
            ${field({ name: "user.email", label: "电子邮箱", type: "email", value: v.form["user.email"] ?? u.email ?? "", errors: v.errors, hint: "每日提醒发到这里；可不填" })}
          </div>
          ${roleBoxes(v.form["user.roles"], u.roles, v.errors)}
          <p><button type="submit">保存</button></p>
        </form>
      </section>
      <section aria-labelledby="h-password">
        <h2 id="h-password">密码和登录</h2>
        <form method="post" action="${base}/password" class="inline">
          ${csrfField(ctx.csrf)}
          <label>新密码 <input type="password" name="password" autocomplete="new-password" /></label>
          <button type="submit">重设密码</button>
        </form>
        <form method="post" action="${base}/logout" class="inline">
          ${csrfField(ctx.csrf)}<button type="submit">结束其全部登录</button>
        </form>
      </section>
      ${
        v.self
          ? ""
          : tpl`<section aria-labelledby="h-state">
              <h2 id="h-state">停用或删除</h2>
              ${
                u.disabledAt
                  ? tpl`<form method="post" action="${base}/enable" class="inline">
                      ${csrfField(ctx.csrf)}<button type="submit">恢复该用户</button>
                    </form>`
                  : tpl`<form method="post" action="${base}/disable" class="inline">
                      ${csrfField(ctx.csrf)}<button type="submit">停用</button>
                    </form>`
              }
              ${
                v.history
                  ? tpl`<p class="hint">该用户已有办理记录，不能删除，只能停用（记录仍署其名）。</p>`
                  : tpl`<form method="post" action="${base}/delete" class="inline">
                      ${csrfField(ctx.csrf)}<button type="submit">删除</button>
                    </form>
                    <p class="hint">该用户还没有办理记录，可以删除。</p>`
              }
            </section>`
      }`,
  );
}

/** One agency: its name, and its place in the tree (not for the administrator's own agency). */
export function agencyEditPage(
  ctx: Ctx,
  v: Failed & {
    agency: AgencyRef;
    parentId: number | null;
    agencies: AgencyRef[];
    home: boolean;
    digestDays: number | null;
  },
): string {
  const options = v.agencies
    .filter((a) => a.id !== v.agency.id)
    .map((a) => [String(a.id), `${"　".repeat(a.depth)}${a.name}`] as const);
  return page(
    { title: `机关 ${v.agency.name}`, csrf: ctx.csrf, office: ctx.office, nav: "admin" },
    tpl`<h1>机关 ${v.agency.name}</h1>
      <p><a href="/admin">返回用户与机关</a></p>
      ${messages(v.general)}
      <form method="post" action="/admin/agencies/${v.agency.id}" novalidate>
        ${csrfField(ctx.csrf)}
        <div class="grid">
          ${field({ name: "name", label: "机关全称", value: v.form.name ?? v.agency.name, required: true, errors: v.errors })}
          ${
            v.home
              ? ""
              : field({
                  name: "parent",
                  label: "上级机关",
                  type: "select",
                  options,
                  value: v.form.parent ?? String(v.parentId ?? ""),
                  required: true,
                  errors: v.errors,
                  hint: "移到另一上级机关之下；不能移到它自己的下属机关之下",
                })
          }
          ${field({ name: "digestDays", label: "每日提醒：几个工作日内到期算即将到期", type: "number", value: v.form.digestDays ?? (v.digestDays === null ? "" : String(v.digestDays)), errors: v.errors, hint: "留空则用默认的天数（5个工作日，或部署时设置的天数）" })}
        </div>
        <p><button type="submit">保存</button></p>
      </form>
      ${v.home ? tpl`<p class="hint">这是您所属的机关，它在机关树中的位置由上级机关的管理员调整。</p>` : ""}`,
  );
}
