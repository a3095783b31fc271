/**
 * Merging by id (merge.ts) and writing the dataset back in its own style (json-text.ts).
 */
import { describe, expect, it } from "vitest";
import { blockJson, inlineJson, updateListText } from "../../src/data/import/json-text.js";
import { mergeRecords } from "../../src/data/import/merge.js";
import type { LedgerRecord } from "../../src/data/import/records.js";

const rec = (id: string, values: object, defaults: object = {}, row = 2): LedgerRecord => ({
  id,
  place: { file: "l.csv", row },
  values: { id, ...values },
  defaults: { ...defaults },
});

describe("mergeRecords", () => {
  const existing = [
    {
      id: "A",
      applicant: { type: "natural-person", name: "甲" },
      channel: "online",
      submitted: "2014-03-01",
      content: "x",
      reply: { date: "2014-03-10", type: "refused", reason: "state-secret", note: "经保密审查" },
    },
    {
      id: "B",
      applicant: { type: "natural-person", name: "乙" },
      channel: "fax",
      submitted: "2014-03-02",
      content: "y",
    },
  ];

  it("adds new ids at the end in schema order, fills absent fields, reports changed ones, keeps the rest", () => {
    const r = mergeRecords("applications", existing, [
      rec(
        "C",
        { content: "z", channel: "in-person", applicant: { name: "丙", type: "other" } },
        { submitted: "2014-04-01" },
        3,
      ),
      rec("B", { reply: { date: "2014-03-09", type: "disclosed" } }, { submitted: "2099-01-01" }, 4),
      rec("A", { reply: { date: "2014-03-10", type: "disclosed" } }, {}, 5),
    ]);
    expect(r.list.map((x) => x.id)).toEqual(["A", "B", "C"]);
    expect(Object.keys(r.list[2]!)).toEqual(["id", "applicant", "channel", "submitted", "content"]);
    expect(r.list[2]!.applicant).toEqual({ type: "other", name: "丙" });
    // A default never overwrites: B keeps its submitted date.
    expect(r.list[1]!.submitted).toBe("2014-03-02");
    // A reply of another type replaces the old one; only the note stays.
    expect(r.list[0]!.reply).toEqual({ date: "2014-03-10", type: "disclosed", note: "经保密审查" });
    expect(r.changes).toEqual([
      { id: "C", place: { file: "l.csv", row: 3 }, status: "added", filled: [], changed: [] },
      {
        id: "B",
        place: { file: "l.csv", row: 4 },
        status: "filled",
        filled: ["reply.date", "reply.type"],
        changed: [],
      },
      {
        id: "A",
        place: { file: "l.csv", row: 5 },
        status: "changed",
        filled: [],
        changed: [
          { path: "reply.type", from: "refused", to: "disclosed" },
          { path: "reply.reason", from: "state-secret", to: undefined },
        ],
      },
    ]);
    expect([...r.touched].sort()).toEqual([0, 1, 2]);
    expect(r.kept).toBe(0);
  });

  it("leaves a record the ledger repeats exactly as it is (not touched, same object)", () => {
    const r = mergeRecords("applications", existing, [rec("B", { channel: "fax", content: "y" })]);
    expect(r.changes[0]!.status).toBe("unchanged");
    expect(r.touched.size).toBe(0);
    expect(r.list[1]).toBe(existing[1]);
    expect(r.kept).toBe(1);
  });
});

describe("writing the dataset back", () => {
  it("prints objects on one line as Prettier does, and breaks lines over the width", () => {
    expect(inlineJson({ a: 1, b: [1, 2], c: {}, d: [] })).toBe('{ "a": 1, "b": [1, 2], "c": {}, "d": [] }');
    const long = {
      id: "X",
      content: "很长的申请内容".repeat(20),
      reply: { date: "2014-01-01", type: "disclosed" },
    };
    expect(blockJson(long, "  ", "  ", "\n")).toBe(
      [
        "{",
        '    "id": "X",',
        `    "content": "${"很长的申请内容".repeat(20)}",`,
        '    "reply": { "date": "2014-01-01", "type": "disclosed" }',
        "  }",
      ].join("\n"),
    );
  });

  it("adds a missing list as the parent's last member, keeping tabs and CRLF", () => {
    const text =
      '{\r\n\t"year": 2014,\r\n\t"disclosure": {\r\n\t\t"fees": { "count": 0, "amount": 0 }\r\n\t}\r\n}\r\n';
    const list = [{ id: "A", content: "x" }];
    const merged = { year: 2014, disclosure: { fees: { count: 0, amount: 0 }, applications: list } };
    expect(
      updateListText(text, merged, {
        parent: ["disclosure"],
        key: "applications",
        list,
        touched: new Set([0]),
        inlineRecords: false,
      }),
    ).toBe(
      '{\r\n\t"year": 2014,\r\n\t"disclosure": {\r\n\t\t"fees": { "count": 0, "amount": 0 },\r\n\t\t"applications": [\r\n\t\t\t{\r\n\t\t\t\t"id": "A",\r\n\t\t\t\t"content": "x"\r\n\t\t\t}\r\n\t\t]\r\n\t}\r\n}\r\n',
    );
  });

  it("fills an empty list and keeps a byte-order mark", () => {
    const text = '\ufeff{\n  "approval": {\n    "cases": []\n  }\n}\n';
    const list = [{ id: "C1", item: "i" }];
    expect(
      updateListText(
        text,
        { approval: { cases: list } },
        {
          parent: ["approval"],
          key: "cases",
          list,
          touched: new Set([0]),
          inlineRecords: true,
        },
      ),
    ).toBe('\ufeff{\n  "approval": {\n    "cases": [\n      { "id": "C1", "item": "i" }\n    ]\n  }\n}\n');
  });

  it("rewrites the whole file in the same style when the list's parent is on one line", () => {
    const text = '{ "disclosure": {} }';
    const list = [{ id: "A" }];
    expect(
      updateListText(
        text,
        { disclosure: { applications: list } },
        {
          parent: ["disclosure"],
          key: "applications",
          list,
          touched: new Set([0]),
          inlineRecords: false,
        },
      ),
    ).toBe('{\n  "disclosure": { "applications": [{ "id": "A" }] }\n}\n');
  });
});
