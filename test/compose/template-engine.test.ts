import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unescapeMarkdown } from "../../src/compose/markdown-escape.js";
import { markdownToTree } from "../../src/compose/markdown-to-tree.js";
import { TemplateEngine } from "../../src/compose/template-engine.js";
import { handlebarsVersionOk } from "../../src/compose/handlebars-env.js";
import Handlebars from "handlebars";
import { UserError } from "../../src/util/errors.js";

const BUILTIN = "test/fixtures/templates/builtin";
const STRICT = "test/fixtures/templates/strict";
const HOSTILE = "test/fixtures/templates/hostile";

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error("expected a UserError");
}

/** Render one template text (written to a temp folder) with a context. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "gongwen-compose-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
function render(source: string, context: object = {}): string {
  writeFileSync(join(dir, "t.md.hbs"), source);
  return new TemplateEngine(dir, "zh", BUILTIN).render("t", context).markdown;
}
function renderError(source: string, context: object = {}): string {
  return errorOf(() => render(source, context)).message.replace(`${dir}/`, "");
}

describe("Handlebars version", () => {
  it("is at least 4.7.9 (earlier versions have published advisories)", () => {
    expect(handlebarsVersionOk(Handlebars.VERSION)).toBe(true);
    expect(handlebarsVersionOk("4.7.8")).toBe(false);
    expect(handlebarsVersionOk("4.7.9")).toBe(true);
    expect(handlebarsVersionOk("4.6.12")).toBe(false);
    expect(handlebarsVersionOk("5.0.0")).toBe(true);
  });
});

describe("strict mode: unknown variables name the template file and line:column", () => {
  const facts = { facts: { known: true, fee: null } };
  const strict = new TemplateEngine(STRICT, "zh", BUILTIN);

  it("in {{x}}", () => {
    expect(errorOf(() => strict.render("missing-variable", facts)).message).toBe(
      "test/fixtures/templates/strict/missing-variable.md.hbs:3:7：模板变量 facts.foo 不存在",
    );
  });
  it("in {{#if x}} (Handlebars' own strict mode lets this through)", () => {
    expect(errorOf(() => strict.render("missing-in-if", facts)).message).toBe(
      "test/fixtures/templates/strict/missing-in-if.md.hbs:4:9：模板变量 facts.noOverdu 不存在",
    );
  });
  it("in English", () => {
    expect(errorOf(() => strict.render("missing-variable", facts, "en")).message).toBe(
      "test/fixtures/templates/strict/missing-variable.md.hbs:3:7: template variable facts.foo does not exist",
    );
  });
  it("inside a partial, naming the partial's file", () => {
    expect(errorOf(() => strict.render("uses-partial", facts)).message).toBe(
      "test/fixtures/templates/strict/partials/part.md.hbs:2:5：模板变量 facts.missing 不存在",
    );
  });
  it("for a bad helper argument", () => {
    expect(errorOf(() => strict.render("helper-argument", facts)).message).toBe(
      "test/fixtures/templates/strict/helper-argument.md.hbs:1:4：date 需要 YYYY-MM-DD、YYYY-MM 或 YYYY 形式的日期，得到 boolean",
    );
  });
  it("for printing null", () => {
    expect(errorOf(() => strict.render("prints-null", facts)).message).toBe(
      "test/fixtures/templates/strict/prints-null.md.hbs:1:3：facts.fee：不能输出 null 值（只能输出文字和数值；列表用 {{#each}} 或 enumerate，可有可无的值先用 {{#if}} 判断）",
    );
  });
  it("for unknown helpers and syntax errors, at compile time", () => {
    expect(errorOf(() => strict.render("unknown-helper", facts)).message).toBe(
      "test/fixtures/templates/strict/unknown-helper.md.hbs:2:1：未知的辅助函数 upper",
    );
    expect(errorOf(() => strict.render("syntax-error", facts)).message).toMatch(
      /^test\/fixtures\/templates\/strict\/syntax-error\.md\.hbs:2：模板语法错误：Expecting .*got 'INVALID'$/,
    );
  });
  it("for a missing template, listing where it looked", () => {
    expect(errorOf(() => strict.render("nope", facts)).message).toBe(
      "找不到模板 nope（已查找：test/fixtures/templates/strict/nope.md.hbs、test/fixtures/templates/builtin/nope.md.hbs）",
    );
    expect(errorOf(() => strict.render("../secret", facts)).message).toBe(
      '模板名 "../secret" 无效（只能由字母、数字、_ - . 和表示子文件夹的 / 组成）',
    );
  });
  it("reports other template mistakes with their position", () => {
    expect(renderError("a\n{{#if x}}\n{{/each}}", { x: 1 })).toBe(
      "t.md.hbs:2:4：块 {{#if}} 与结束标记 {{/each}} 不匹配",
    );
    expect(renderError("{{#items}}x{{/items}}", { items: [] })).toBe(
      "t.md.hbs:1:1：{{#items}} 不是块辅助函数；按条件选择用 {{#if items}}，遍历列表用 {{#each items}}",
    );
    expect(renderError('{{"key"}}')).toBe(
      "t.md.hbs:1:1：{{ }} 中须是变量或辅助函数，不能是字面量（键名含空格时写 {{[键 名]}}）",
    );
    expect(renderError("x\n  {{> nope}}")).toBe("t.md.hbs:2:3：找不到局部模板 nope");
    expect(renderError("{{#each name}}x{{/each}}", { name: "张三" })).toBe(
      "t.md.hbs:1:1：#each 需要列表或对象，得到 string",
    );
    expect(renderError("{{count 3}}")).toBe("t.md.hbs:1:1：count 需要 2 个参数，得到 1 个");
    expect(renderError('{{count 3 "件" none="无"}}')).toBe("t.md.hbs:1:1：count 没有选项 none=");
    expect(renderError("{{items}}", { items: [1, 2] })).toBe(
      "t.md.hbs:1:1：items：不能输出 array 值（只能输出文字和数值；列表用 {{#each}} 或 enumerate，可有可无的值先用 {{#if}} 判断）",
    );
    expect(renderError("{{flag}}", { flag: true })).toMatch(/^t\.md\.hbs:1:1：flag：不能输出 boolean 值/);
    expect(renderError("{{name.length}}", { name: "张三" })).toBe(
      "t.md.hbs:1:3：模板变量 name.length 不存在",
    );
  });
  it("never quotes data values in messages", () => {
    const message = renderError("{{#each person}}{{/each}}{{date person.name}}", {
      person: { name: "张三 13800000000" },
    });
    expect(message).toBe(
      "t.md.hbs:1:26：date 需要 YYYY-MM-DD、YYYY-MM 或 YYYY 形式的日期，得到不是日期的文字",
    );
    expect(message).not.toContain("张三");
    expect(message).not.toContain("13800000000");
  });
});

describe("hostile templates cannot reach prototypes, files or code", () => {
  const hostile = new TemplateEngine(HOSTILE, "zh", BUILTIN);
  const context = () => ({ items: [1], name: "张三", facts: { a: 1 } });
  let spies: ReturnType<typeof vi.spyOn>[] = [];
  beforeEach(() => {
    spies = (["error", "warn", "log", "info"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
  });
  afterEach(() => {
    for (const s of spies) s.mockRestore();
  });

  it.each([
    ["constructor", "1:3：不允许访问 constructor（模板只能读取数据本身的属性）"],
    ["proto", "1:3：不允许访问 __proto__（模板只能读取数据本身的属性）"],
    ["data-proto", "1:3：不允许访问 constructor（模板只能读取数据本身的属性）"],
    ["block-param-constructor", "1:28：不允许访问 constructor（模板只能读取数据本身的属性）"],
    ["lookup-proto", "1:1：未知的辅助函数 lookup（lookup 已停用，直接写路径，如 a.b 或 a.[键 名]）"],
    ["with-lookup", "1:9：未知的辅助函数 lookup（lookup 已停用，直接写路径，如 a.b 或 a.[键 名]）"],
    ["dynamic-partial", "1:5：未知的辅助函数 lookup（lookup 已停用，直接写路径，如 a.b 或 a.[键 名]）"],
    ["to-string", "1:3：模板变量 toString 不存在"],
    ["array-method", "1:9：模板变量 items.map 不存在"],
    ["string-length", "1:17：模板变量 length 不存在"],
    [
      "section-proto",
      "1:1：{{#__proto__}} 不是块辅助函数；按条件选择用 {{#if __proto__}}，遍历列表用 {{#each __proto__}}",
    ],
    ["raw-block", "1:1：{{#raw}} 不是块辅助函数；按条件选择用 {{#if raw}}，遍历列表用 {{#each raw}}"],
    ["partial-path", "1:1：找不到局部模板 ../../../etc/passwd"],
    ["log", "1:1：未知的辅助函数 log"],
    ["helper-missing", "1:1：未知的辅助函数 helperMissing"],
    ["decorator", "1:1：不支持装饰器"],
  ])("%s is refused", (name, message) => {
    expect(errorOf(() => hostile.render(name, context())).message).toBe(
      `test/fixtures/templates/hostile/${name}.md.hbs:${message}`,
    );
  });

  it("leaves Object.prototype alone and logs nothing", () => {
    for (const name of ["constructor", "proto", "to-string", "array-method", "with-lookup"]) {
      expect(() => hostile.render(name, context())).toThrow(UserError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  it("does not call functions found in the data", () => {
    const calls: string[] = [];
    const ctx = { f: () => calls.push("f"), o: { g: () => calls.push("g") } };
    expect(errorOf(() => render("{{f}}", ctx)).message).toContain("模板变量 f 不存在");
    expect(errorOf(() => render("{{#if o.g}}x{{/if}}", ctx)).message).toContain("模板变量 o.g 不存在");
    expect(calls).toEqual([]);
  });

  it("reads only own properties of class instances", () => {
    class Facts {
      own = 1;
      get derived() {
        return 2;
      }
    }
    expect(render("{{facts.own}}", { facts: new Facts() })).toBe("1");
    expect(errorOf(() => render("{{facts.derived}}", { facts: new Facts() })).message).toContain(
      "模板变量 facts.derived 不存在",
    );
  });
});

describe("values stay literal; {{{ }}} inserts Markdown", () => {
  it("escapes Markdown specials in {{value}} and helper output", () => {
    expect(render("{{v}}", { v: "a*b*_c_ #1 |x|" })).toBe("a\\*b\\*\\_c\\_ \\#1 \\|x\\|");
    expect(render("{{enumerate items}}", { items: ["*a*", "b"] })).toBe("\\*a\\*和b");
  });
  it("keeps values literal inside block-form arguments and table cells", () => {
    const md = render('::: table caption="{{c}}"\n| {{v}} | {{v}} {cs=1} |\n:::', {
      c: '表"一" | x',
      v: "a|b {cs=2}",
    });
    const [table] = markdownToTree(md, {
      kind: "document",
      meta: { title: "t", author: "a", date: "2015-01-23" },
    }).blocks;
    expect(table).toEqual({
      type: "table",
      caption: '表"一" | x',
      headerRows: 0,
      rows: [
        { cells: [{ paragraphs: [[{ text: "a|b {cs=2}" }]] }, { paragraphs: [[{ text: "a|b {cs=2}" }]] }] },
      ],
    });
  });

  it("does not escape {{{value}}}", () => {
    expect(render("{{{v}}}", { v: "**加粗**" })).toBe("**加粗**");
  });
  it("never HTML-escapes", () => {
    expect(render("{{{v}}}", { v: "<a & b>" })).toBe("<a & b>");
  });
});

describe("helpers in templates", () => {
  const ctx = {
    n: 0,
    one: 1,
    many: 11,
    approx: { value: 260, qualifier: "余" },
    rate: 0.3536,
    day: "2015-01-23",
    month: "2014-06",
    titles: ["甲办法", "乙制度", "丙规定"],
    people: [{ name: "甲" }, { name: "乙" }],
    steps: ["一步", "二步", "三步"],
  };
  it.each([
    ["{{cnNumeral many}}", "十一"],
    ["{{cnOrdinal 2}}", "第二"],
    ["{{cnDigits 2015}}", "二〇一五"],
    ["{{date day}}", "2015年1月23日"],
    ["{{date month}}", "2014年6月"],
    ["{{percent rate}}", "35.4%"],
    ["{{percent rate decimals=0}}", "35%"],
    ["{{num approx}}", "260余"],
    ['{{count approx "条"}}', "260余条"],
    ['{{count n "件" zero="无"}}', "无"],
    ['{{count one "名" one="一名"}}', "一名"],
    ['{{count many "件" zero="无"}}', "11件"],
    ["{{enumerate titles}}", "甲办法、乙制度和丙规定"],
    ['{{enumerate titles last="及"}}', "甲办法、乙制度及丙规定"],
    ['{{enumerate titles wrap="《》" last="、"}}', "《甲办法》、《乙制度》、《丙规定》"],
    ['{{enumerate people key="name"}}', "甲和乙"],
    ["{{clauses steps}}", "一步；二步；三步"],
    ['{{book "条例"}}', "《条例》"],
    ['{{quote "三集中"}}', "“三集中”"],
    ["{{#if (eq n 0)}}零{{else}}非零{{/if}}", "零"],
    ["{{#if (ne n 0)}}非零{{else}}零{{/if}}", "零"],
    ["{{#if (gt approx 100)}}多{{/if}}", "多"],
    ["{{#if (lt one many)}}少{{/if}}", "少"],
    [
      "{{#each steps}}{{cnNumeral (inc @index)}}是{{this}}{{#unless @last}}，{{/unless}}{{/each}}",
      "一是一步，二是二步，三是三步",
    ],
  ])("%s → %s", (source, out) => {
    expect(unescapeMarkdown(render(source, ctx))).toBe(out);
  });

  it("built-in block helpers, block params, parent paths, whitespace control and inline partials work", () => {
    const source = [
      "{{#each people as |p i|}}{{i}}{{p.name}}{{../one}}{{/each}}",
      "{{#with people.[1]}}{{name}}{{/with}} {{@root.one}}",
      "{{#each empty}}x{{else}}空{{/each}}",
      "{{#unless n}}零{{/unless}}{{! comment }}",
      '{{#*inline "row"}}[{{this}}]{{/inline}}{{#each steps}}{{> row}}{{/each}}',
      "甲  {{~#if one~}}  乙  {{~/if}}",
    ].join("\n");
    expect(render(source, { ...ctx, empty: [] })).toBe("0甲11乙1\n乙 1\n空\n零\n[一步][二步][三步]\n甲乙");
  });
});
