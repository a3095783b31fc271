/**
 * HTML for the workbench's pages: escaping, the page frame, form fields with their messages.
 * Pages are server-rendered, plain and accessible; every script, style and font is served by
 * the app itself (no outside resource).
 */
import { currentActor } from "./context.js";
import { mayUse } from "./auth.js";
import { dateText } from "./lib.js";

/** Markup that is already safe (built by the helpers here). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | null | undefined | false | readonly Part[];

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function part(p: Part): string {
  if (p === null || p === undefined || p === false) return "";
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return (p as readonly Part[]).map(part).join("");
  return esc(String(p));
}

/** Tagged template: interpolated values are escaped unless they are Html. */
export function tpl(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += part(values[i]!) + (strings[i + 1] ?? "");
  return new Html(out);
}

export function raw(s: string): Html {
  return new Html(s);
}

export interface PageOptions {
  title: string;
  csrf: string;
  /** Which menu entry is current. */
  nav?:
    | "worklist"
    | "oversight"
    | "rollup"
    | "digest"
    | "new"
    | "cases"
    | "audit"
    | "year-end"
    | "batch"
    | "stats"
    | "data"
    | "setup"
    | "admin"
    | "account";
  office?: string | null;
  scripts?: string[];
  /** A notice at the top (saved, issued …). */
  flash?: string | null;
}

const NAV: [NonNullable<PageOptions["nav"]>, string, string][] = [
  ["worklist", "/", "待办"],
  ["new", "/applications/new", "登记申请"],
  ["cases", "/cases", "审批办件"],
  ["audit", "/audit", "考核自查"],
  ["year-end", "/year-end", "年终文书"],
  ["batch", "/batch", "年终批量"],
  ["stats", "/stats", "统计"],
  ["data", "/data", "导入导出"],
];

const ROLE_NAMES: Record<string, string> = {
  clerk: "经办人",
  head: "负责人",
  admin: "管理员",
  supervisor: "监督",
};

/** The logged-in user in the page's header: name and roles, the agency switch, log out. */
function userBar(o: PageOptions): Part {
  const a = currentActor();
  if (!a) return "";
  const switcher =
    a.scope.length > 1
      ? tpl`<form method="post" action="/session/agency" class="inline agency-switch">
          <input type="hidden" name="_csrf" value="${o.csrf}" />
          <label for="agency-switch">查看机关</label>
          <select id="agency-switch" name="agency">
            ${a.scope.map(
              (s) =>
                tpl`<option value="${s.id}" ${s.id === a.agencyId ? raw(" selected") : ""}>${"　".repeat(s.depth)}${s.name}</option>`,
            )}
          </select>
          <button type="submit">切换</button>
        </form>`
      : "";
  return tpl`<div class="user">
    ${switcher}
    <a href="/account" ${o.nav === "account" ? raw(' aria-current="page"') : ""}>${a.displayName}（${a.roles.map((r) => ROLE_NAMES[r] ?? r).join("、")}）</a>
    <form method="post" action="/logout" class="inline">
      <input type="hidden" name="_csrf" value="${o.csrf}" /><button type="submit">退出</button>
    </form>
  </div>`;
}

/**
 * The menu for the user: 登记申请 only for a 经办人 of the agency shown, 用户与机关 only for its
 * 管理员, 督办 and 年报汇总 only for a 监督 (the server refuses the others anyway; the menu just does not
 * offer them).
 */
function menuOf(actor: ReturnType<typeof currentActor>): (typeof NAV)[number][] {
  if (!actor) return NAV;
  // The routes' own access rules (auth.ts), not a second copy of them.
  const can = (route: string) => mayUse(actor, "GET", route);
  const menu = NAV.filter(([k, href]) => k !== "new" || can(href));
  if (can("/oversight"))
    menu.splice(1, 0, ["oversight", "/oversight", "督办"], ["rollup", "/rollup", "年报汇总"]);
  if (["clerk", "head", "supervisor"].some((r) => actor.roles.includes(r as never)))
    menu.splice(1, 0, ["digest", "/digest", "提醒"]);
  if (can("/admin")) menu.push(["admin", "/admin", "用户与机关"]);
  return menu;
}

export function page(o: PageOptions, body: Part): string {
  const actor = currentActor();
  const nav = o.office
    ? tpl`<nav aria-label="主菜单">
        <ul>
          ${menuOf(actor).map(
            ([k, href, label]) =>
              tpl`<li><a href="${href}" ${o.nav === k ? raw(' aria-current="page"') : ""}>${label}</a></li>`,
          )}
        </ul>
      </nav>`
    : "";
  return (
    "<!doctype html>\n" +
    tpl`<html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content="${o.csrf}" />
        <title>${o.title} — 公文工作台</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <header class="top">
          <div class="brand">
            <a href="/">公文工作台</a>${o.office ? tpl`<span class="office">${o.office}</span>` : ""}
          </div>
          ${nav}${userBar(o)}
        </header>
        <main id="main">${o.flash ? tpl`<p class="flash" role="status">${o.flash}</p>` : ""}${body}</main>
        ${(o.scripts ?? []).map((s) => tpl`<script src="${s}"></script>`)}
      </body>
    </html>`.value
  );
}

export function csrfField(csrf: string): Html {
  return tpl`<input type="hidden" name="_csrf" value="${csrf}" />`;
}

export interface FieldOptions {
  name: string;
  label: string;
  value?: string;
  type?: "text" | "date" | "number" | "tel" | "email" | "password" | "textarea" | "select";
  options?: readonly (readonly [string, string])[];
  required?: boolean;
  hint?: string;
  errors?: ReadonlyMap<string, string[]>;
  /** Shown only when another field has a value (the form's script toggles it). */
  showWhen?: { field: string; values: readonly string[] };
}

/** A labelled form field with its validation messages (aria-describedby, aria-invalid). */
export function field(o: FieldOptions): Html {
  const id = `f-${o.name.replace(/[^A-Za-z0-9]/g, "-")}`;
  const errs = o.errors?.get(o.name) ?? [];
  const describedBy = [errs.length ? `${id}-err` : "", o.hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  const common = raw(
    `id="${id}" name="${esc(o.name)}"${o.required ? " required" : ""}${errs.length ? ' aria-invalid="true"' : ""}${describedBy ? ` aria-describedby="${describedBy}"` : ""}`,
  );
  const value = o.value ?? "";
  let control: Html;
  if (o.type === "textarea") control = tpl`<textarea ${common} rows="3">${value}</textarea>`;
  else if (o.type === "select")
    control = tpl`<select ${common}>
      <option value="">（请选择）</option>
      ${(o.options ?? []).map(
        ([v, l]) => tpl`<option value="${v}" ${v === value ? raw(" selected") : ""}>${l}</option>`,
      )}
    </select>`;
  else control = tpl`<input type="${o.type ?? "text"}" ${common} value="${value}" />`;
  const when = o.showWhen
    ? raw(
        ` data-show-field="${esc(o.showWhen.field)}" data-show-values="${esc(o.showWhen.values.join(" "))}"`,
      )
    : "";
  return tpl`<div class="field${errs.length ? " has-error" : ""}" ${when}>
    <label for="${id}"
      >${o.label}${o.required ? tpl`<span class="req" aria-hidden="true">*</span>` : ""}</label
    >${control}${
      o.hint ? tpl`<p class="hint" id="${id}-hint">${o.hint}</p>` : ""
    }${errs.length ? tpl`<p class="error" id="${id}-err">${errs.join("；")}</p>` : ""}
  </div>`;
}

/** 2026-12-02 → 2026年12月2日 (pages show dates as clerks write them). */
export function cnDate(d: string | null | undefined): string {
  return d ? dateText(d, "zh") : "";
}
