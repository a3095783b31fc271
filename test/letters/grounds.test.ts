/**
 * The specific ground of a refusal (reply.ground): validation requires it where the reason has
 * several (Art. 14's four interests, Art. 15's rights, Art. 16's kinds of information) or names a
 * law (prohibited-by-law), accepts its Chinese label, refuses one the regulation in force on the
 * reply date does not know; the letter states that one ground (never the whole list), cited from
 * the regulation in force on the reply date; the annual-report row stays the reason's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateDatasetText } from "../../src/data/validate.js";
import type { Dataset } from "../../src/data/types.js";
import { writeLetters } from "../../src/letters/batch.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { checkCitations } from "../../src/law/index.js";
import { docxText } from "../helpers/docx.js";
import { LAW, sample2023 } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-grounds-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function dataset(replies: Record<string, object>, year = 2023, received = "2023-03-01"): Dataset {
  const base = sample2023();
  return {
    year,
    agency: base.agency,
    disclosure: {
      applications: Object.entries(replies).map(([id, reply]) => ({
        id,
        applicant: { type: "natural-person", name: "测试人" },
        channel: "in-person",
        submitted: received,
        content: "测试申请",
        reply: { date: `${year}-03-15`, ...reply },
      })),
    },
  } as unknown as Dataset;
}

function errors(d: Dataset): { pointer: string; code: string; message: string }[] {
  const v = validateDatasetText(JSON.stringify(d, null, 2), "g.json", "zh");
  return v.errors.map((e) => ({ pointer: e.pointer, code: e.code, message: e.message }));
}

async function letters(d: Dataset) {
  const { dataset: ds, invalid } = parseLettersDataset(JSON.stringify(d, null, 2), "g.json");
  const outDir = join(tmp, `out-${Math.random().toString(36).slice(2)}`);
  const result = await writeLetters(ds, invalid, { formats: ["docx"], kinds: ["reply"], outDir });
  return { result, text: (id: string) => docxText(join(outDir, `${id}-reply.docx`)) };
}

describe("validation of reply.ground", () => {
  it("requires the ground of a three-securities, third-party, internal or process refusal, and the law of prohibited-by-law", () => {
    const d = dataset({
      A: { type: "refused", reason: "three-securities-one-stability" },
      B: { type: "partial", reason: "third-party-rights" },
      C: { type: "refused", reason: "internal-affairs" },
      D: { type: "refused", reason: "process-information" },
      E: { type: "refused", reason: "prohibited-by-law" },
    });
    expect(errors(d)).toEqual([
      {
        pointer: "/disclosure/applications/0/reply/ground",
        code: "required",
        message:
          "理由为危及“三安全一稳定”时，须在 reply.ground 中写明具体情形：“国家安全”“公共安全”“经济安全”“社会稳定”之一",
      },
      {
        pointer: "/disclosure/applications/1/reply/ground",
        code: "required",
        message:
          "理由为保护第三方合法权益时，须在 reply.ground 中写明具体情形：“商业秘密”“个人隐私”“其他第三方合法权益”之一",
      },
      {
        pointer: "/disclosure/applications/2/reply/ground",
        code: "required",
        message:
          "理由为属于三类内部事务信息时，须在 reply.ground 中写明具体情形：“人事管理信息”“后勤管理信息”“内部工作流程信息”之一",
      },
      {
        pointer: "/disclosure/applications/3/reply/ground",
        code: "required",
        message:
          "理由为属于四类过程性信息时，须在 reply.ground 中写明具体情形：“讨论记录”“过程稿”“磋商信函”“请示报告”之一",
      },
      {
        pointer: "/disclosure/applications/4/reply/ground",
        code: "required",
        message:
          "理由为其他法律行政法规禁止公开时，须在 reply.ground 中写明禁止公开的法律或行政法规及其条款，例如“《中华人民共和国保守国家秘密法》第×条”",
      },
    ]);
  });

  it("reads the Chinese label as the code, and refuses a ground of another reason or on a single-ground reason", () => {
    const d = dataset({
      A: { type: "refused", reason: "three-securities-one-stability", ground: "公共安全" },
      B: { type: "refused", reason: "internal-affairs", ground: "public-security" },
      C: { type: "refused", reason: "state-secret", ground: "national-security" },
      D: {
        type: "refused",
        reason: "prohibited-by-law",
        ground: "《中华人民共和国政府信息公开条例》第十四条",
      },
    });
    const v = validateDatasetText(JSON.stringify(d, null, 2), "g.json", "zh");
    expect(v.normalised?.map((n) => [n.pointer, n.from, n.to])).toEqual([
      ["/disclosure/applications/0/reply/ground", "公共安全", "public-security"],
    ]);
    expect(errors(d).map((e) => [e.pointer, e.code])).toEqual([
      ["/disclosure/applications/1/reply/ground", "not-allowed"],
      ["/disclosure/applications/2/reply/ground", "not-allowed"],
      ["/disclosure/applications/3/reply/ground", "not-allowed"],
    ]);
    expect(errors(d)[1]!.message).toBe("理由“属于国家秘密”只有一种情形，不填写 reply.ground");
  });

  it("a reply dated before 2019-05-15 is judged on the 2008 text: no 'other third-party rights'", () => {
    const d = dataset(
      { A: { type: "refused", reason: "third-party-rights", ground: "other-third-party-rights" } },
      2014,
      "2014-03-03",
    );
    expect(errors(d)).toEqual([
      {
        pointer: "/disclosure/applications/0/reply/ground",
        code: "not-allowed",
        message:
          "理由为保护第三方合法权益时，须在 reply.ground 中写明具体情形：“商业秘密”“个人隐私”之一（2019年5月15日前答复的，适用2008年条例，不含该情形）",
      },
    ]);
  });
});

describe("the 2008 regulation's internal and process information (国办发〔2010〕5号)", () => {
  it("need no sort: the letter names the kind the guidance names", async () => {
    const d = dataset({ A: { type: "refused", reason: "process-information" } }, 2014, "2014-03-03");
    expect(errors(d)).toEqual([]);
    const { result, text } = await letters(d);
    expect(result.errors).toEqual([]);
    expect(text("A")).toContain(
      "您申请获取的政府信息属于处于讨论、研究或者审查中的过程性信息，属于不予公开范围。",
    );
  });
});

describe("the letter states the one ground", () => {
  it("2023 refusals and a partial disclosure: the ground, not the list", async () => {
    const d = dataset({
      A: { type: "refused", reason: "three-securities-one-stability", ground: "economic-security" },
      B: { type: "refused", reason: "third-party-rights", ground: "personal-privacy" },
      C: { type: "refused", reason: "internal-affairs", ground: "logistics-management" },
      D: { type: "partial", reason: "process-information", ground: "consultation-letter" },
      E: { type: "refused", reason: "prohibited-by-law", ground: "《中华人民共和国统计法》第二十五条" },
    });
    const { result, text } = await letters(d);
    expect(result.errors).toEqual([]);
    expect(text("A")).toContain(
      `您申请获取的政府信息公开后可能危及经济安全。根据${LAW}第十四条、第三十六条第（三）项的规定，本机关决定不予公开。`,
    );
    expect(text("A")).not.toContain("国家安全、公共安全");
    expect(text("B")).toContain(
      `您申请获取的政府信息涉及他人的个人隐私，公开会对第三方合法权益造成损害。根据${LAW}第十五条、第三十六条第（三）项的规定`,
    );
    expect(text("B")).not.toContain("商业秘密");
    expect(text("C")).toContain(
      `您申请获取的政府信息属于行政机关内部事务信息中的后勤管理信息。根据${LAW}第十六条第一款、第三十六条第（三）项的规定`,
    );
    expect(text("D")).toContain(
      `其中不予公开的内容属于行政机关在履行行政管理职能过程中形成的磋商信函，是过程性信息。根据${LAW}第十六条第二款、第三十六条第（三）项的规定，对该部分内容不予公开。`,
    );
    expect(text("E")).toContain(
      `您申请获取的政府信息属于《中华人民共和国统计法》第二十五条禁止公开的政府信息。根据${LAW}第十四条、第三十六条第（三）项的规定`,
    );
  });

  it("a letter refused for a missing ground gives validation's sentence", async () => {
    const { result } = await letters(dataset({ A: { type: "refused", reason: "third-party-rights" } }));
    expect(result.errors).toEqual([
      expect.stringContaining(
        "A：答复具体情形：理由为保护第三方合法权益时，须在 reply.ground 中写明具体情形：“商业秘密”“个人隐私”“其他第三方合法权益”之一",
      ),
    ]);
  });

  it("received under the 2008 regulation, answered under the 2019 one: the ground from Decree 711, the answer from Decree 492, each by its decree", async () => {
    const d = dataset(
      { A: { type: "refused", reason: "three-securities-one-stability", ground: "social-stability" } },
      2019,
      "2019-05-10",
    );
    (d.disclosure.applications![0]!.reply as { date: string }).date = "2019-05-24";
    const { result, text } = await letters(d);
    expect(result.errors).toEqual([]);
    const sentence = `根据${LAW}（国务院令第711号）第十四条和${LAW}（国务院令第492号）第二十一条第（二）项的规定，本机关决定不予公开。`;
    expect(text("A")).toContain("公开后可能危及社会稳定，属于不予公开范围。" + sentence);
    const checked = checkCitations(sentence, { regime: "ogi-2008", date: "2019-05-24" });
    expect(checked.map((c) => [c.statute, c.problems])).toEqual([
      ["ogi-2019", []],
      ["ogi-2008", []],
    ]);
    expect(checked[0]!.texts[0]).toContain(
      "公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开",
    );
    expect(checked[1]!.texts[0]).toContain("属于不予公开范围的，应当告知申请人并说明理由");
  });
});
