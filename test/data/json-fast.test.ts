/**
 * The fast JSON path must give exactly what the exact path (json-source-map) gives: the same
 * data, the same line:column for every pointer, and no answer at all (so the exact path
 * decides) whenever the text has a syntax error, a repeated key, a `__proto__` key or deep
 * nesting.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import jsonSourceMap from "json-source-map";
import { describe, expect, it } from "vitest";
import { fastParseJson } from "../../src/data/json-fast.js";
import { parseJsonText } from "../../src/data/json-source.js";
import { validateDatasetText } from "../../src/data/validate.js";

const ROOT = resolve(import.meta.dirname, "..", "..");

/** Every pointer of the text with json-source-map's positions, next to the fast locator's. */
function compare(text: string): { pointers: number } {
  const source = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
  const fast = fastParseJson(source, 64);
  expect(fast).toBeDefined();
  const exact = parseJsonText(text);
  if (!exact.ok) throw new Error("exact path failed");
  expect(fast!.data).toStrictEqual(exact.data);
  const { pointers } = jsonSourceMap.parse(source);
  const all = Object.keys(pointers);
  const located = fast!.locateAll(all);
  for (const p of all) {
    for (const anchor of ["value", "key"] as const)
      expect({ p, anchor, at: located.locate(p, anchor) }).toStrictEqual({
        p,
        anchor,
        at: exact.locate(p, anchor),
      });
  }
  // Asking for one pointer at a time finds the same (the ancestors come with it).
  for (const p of all.filter((_, i) => i % 7 === 3)) {
    const one = fast!.locateAll([p]);
    expect(one.locate(p, "key")).toStrictEqual(exact.locate(p, "key"));
    const parent = p.slice(0, p.lastIndexOf("/"));
    if (p !== "") expect(one.locate(parent, "value")).toStrictEqual(exact.locate(parent, "value"));
  }
  return { pointers: all.length };
}

describe("fast JSON path: positions as json-source-map gives them", () => {
  it("every pointer of the samples, pretty-printed and compact", () => {
    for (const f of readdirSync(resolve(ROOT, "samples")).filter((n) => n.endsWith(".json"))) {
      const text = readFileSync(resolve(ROOT, "samples", f), "utf8");
      expect(compare(text).pointers).toBeGreaterThan(10);
      expect(compare(JSON.stringify(JSON.parse(text))).pointers).toBeGreaterThan(10);
    }
  });

  it("every pointer of the test fixtures that parse", () => {
    let files = 0;
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = resolve(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".json")) {
          const text = readFileSync(p, "utf8");
          const source = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
          if (fastParseJson(source, 64) === undefined) continue;
          compare(text);
          files++;
        }
      }
    };
    walk(resolve(ROOT, "test", "fixtures"));
    expect(files).toBeGreaterThan(5);
  });

  it("whitespace of every kind, a byte-order mark, escapes, astral characters, empty containers", () => {
    const texts = [
      '\uFEFF{"a": 1}',
      '\r\n{\r\n\t"a" :\t[ 1 , 2.5e3 , -0 , true , false , null ] ,\r\n  "b":{} , "c":[] }\r\n',
      '{"a~b/c": {"~": [ {"/": "x"} ]}, "é\\u00e9": "\\"quoted\\" \\\\", "\\ud83d\\ude00k": 3}',
      '{"name": "😀😀 \\n", "next": {"deep": [[["😀", {"x": "a:b"}]]]}}',
      '[1, [2, [3, {"k": "v"}]], "😀", {"": {"": 1}}]',
      '"just a string"',
      "  42  ",
      '{"colon": "\\u003a", "url": "http://x:8080", "k:ey": ":"}',
      '{"n":1,"m":[{"a":1,"b":[1,2,{"c":"}]{["}]}],"z":"\\\\"}',
    ];
    for (const t of texts) compare(t);
  });
});

describe("fast JSON path: generated documents", () => {
  it("300 random documents with random whitespace and keys", () => {
    let seed = 11;
    const rand = (m: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % m;
    };
    const WS = [" ", "\n", "\r\n", "\t", "", "  "];
    const KEYS = ["a", "b", "~", "/", "a/b", "k:1", "é", "😀", "", "0", "1", "id", "x\\y", 'q"q'];
    const STRINGS = ['"s"', '"a:b"', '"\\u003a"', '"😀:"', '"\\n\\t"', '""', '"\\\\"'];
    const ws = () => WS[rand(WS.length)]!;
    const gen = (depth: number): string => {
      const r = rand(depth > 5 ? 4 : 7);
      if (r === 0) return String(rand(1000) - 500) + (rand(3) === 0 ? ".25e1" : "");
      if (r === 1) return ["true", "false", "null"][rand(3)]!;
      if (r === 2 || r === 3) return STRINGS[rand(STRINGS.length)]!;
      if (r === 4 || r === 5) {
        const keys = [...new Set(Array.from({ length: rand(5) }, () => KEYS[rand(KEYS.length)]!))];
        return `{${ws()}${keys.map((k) => `${JSON.stringify(k)}${ws()}:${ws()}${gen(depth + 1)}`).join(`${ws()},${ws()}`)}${ws()}}`;
      }
      return `[${ws()}${Array.from({ length: rand(5) }, () => gen(depth + 1)).join(`${ws()},${ws()}`)}${ws()}]`;
    };
    let pointers = 0;
    for (let i = 0; i < 300; i++) pointers += compare(`${ws()}${gen(0)}${ws()}`).pointers;
    expect(pointers).toBeGreaterThan(1000);
  });
});

describe("fast JSON path: the exact path decides", () => {
  const fast = (t: string) => fastParseJson(t, 64);
  it("a syntax error", () => {
    expect(fast('{"a": 1,}')).toBeUndefined();
    expect(fast("")).toBeUndefined();
    expect(fast('{"a": "line\nbreak"}')).toBeUndefined();
  });
  it("a repeated key, however its strings hide colons", () => {
    expect(fast('{"a": 1, "a": 2}')).toBeUndefined();
    expect(fast('{"x": {"b": "p:q", "b": "r"}}')).toBeUndefined();
    expect(fast('{"x": {"b": "r", "b": "p:q"}}')).toBeUndefined();
    expect(fast('{"x": {"b": {"c:": 1}, "b": 2}}')).toBeUndefined();
    expect(fast('{"x": {"b": "\\u003a", "b": 2, "c": ":"}}')).toBeUndefined();
    expect(fast('{"x": {"b": 1, "c": ":"}}')).toBeDefined();
  });
  it("a __proto__ key", () => {
    expect(fast('{"__proto__": {"a": 1}}')).toBeUndefined();
    expect(fast('{"x": [{"\\u005f_proto__": 1}]}')).toBeUndefined();
  });
  it("nesting deeper than the limit", () => {
    expect(fast("[".repeat(64) + "]".repeat(64))).toBeDefined();
    expect(fast("[".repeat(65) + "]".repeat(65))).toBeUndefined();
  });
});

describe("validateDatasetText: the same errors from either path", () => {
  it("a dataset with schema and semantic errors: same positions as json-source-map", () => {
    const text = readFileSync(resolve(ROOT, "samples", "2023-district-bureau.json"), "utf8");
    const data = JSON.parse(text) as Record<string, unknown>;
    const d = data.disclosure as { applications: Record<string, unknown>[] };
    d.applications[0]!.unknownField = 1;
    d.applications[1]!.submitted = "2023-02-30";
    delete d.applications[2]!.channel;
    const bad = JSON.stringify(data, null, 2);
    const errors = validateDatasetText(bad, "x.json").errors;
    expect(errors.length).toBeGreaterThanOrEqual(3);
    // The same text with a repeated key goes through the exact path: the other errors keep
    // their positions.
    const dup = bad.replace('"year": ', '"year": 2023, "year": ');
    const exact = validateDatasetText(dup, "x.json").errors;
    expect(exact.filter((e) => e.code !== "duplicate-field")).toStrictEqual(errors);
    expect(exact.filter((e) => e.code === "duplicate-field").map((e) => e.pointer)).toStrictEqual(["/year"]);
  });
});
