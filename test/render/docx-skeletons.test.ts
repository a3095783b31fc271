/**
 * DOCX skeletons prebuilt at build time (dist/render/docx/docx-skeletons.cjs,
 * scripts/gen-skeletons.mjs): the built library writes the summary from its prebuilt skeleton
 * the same bytes as the sources write building the skeleton with the docx package (no prebuilt
 * module sits next to the sources).
 */
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as src from "../../src/index.js";
import { PACKAGE_ROOT } from "../../src/util/paths.js";

const DIST = path.join(PACKAGE_ROOT, "dist");
const dist = (await import(path.join(DIST, "index.js"))) as typeof src;
const require = createRequire(import.meta.url);

describe("prebuilt DOCX skeletons", () => {
  it("hold the summary's skeleton in the default layout", () => {
    const mod = require(path.join(DIST, "render", "docx", "docx-skeletons.cjs")) as {
      skeletons: Record<string, unknown>;
    };
    const keys = Object.keys(mod.skeletons).map((k) => JSON.parse(k) as unknown[]);
    expect(keys.some((k) => k[3] === "document")).toBe(true);
  });

  it("give the same DOCX bytes as a skeleton built now", async () => {
    for (const sample of ["2014-commerce-bureau.json", "2023-district-bureau.json"]) {
      const file = path.join(PACKAGE_ROOT, "samples", sample);
      const fromSources = await src.renderDocx(
        src.buildSummary({ dataset: src.loadDataset(file), lang: "zh" }),
      );
      const fromBuild = await dist.renderDocx(
        dist.buildSummary({ dataset: dist.loadDataset(file), lang: "zh" }),
      );
      expect(Buffer.from(fromBuild).equals(Buffer.from(fromSources)), sample).toBe(true);
    }
  });
});
