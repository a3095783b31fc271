#!/usr/bin/env node
/**
 * Prebuild the DOCX skeletons of the built-in documents (src/render/docx/skeleton.ts) into
 * dist/render/docx/docx-skeletons.cjs, after `tsc` (part of `npm run build`): the summary, the
 * annual report and the self-audit of the shipped samples, in Chinese and English, in the
 * default layout — every skeleton the writer builds for them, as it builds them. A cold
 * `gongwen render summary` then neither loads the docx package nor builds its skeleton.
 */
import { rmSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { PREBUILT_SKELETONS, prebuiltSkeletonsModule } = await import(
  resolve(root, "dist/render/docx/skeleton.js")
);
const out = resolve(root, "dist/render/docx", PREBUILT_SKELETONS);
// Built anew from this build's writer, never copied from an earlier build's module.
rmSync(out, { force: true });
const api = await import(resolve(root, "dist/index.js"));
// A sample that lacks what a document needs (a UserError) simply does not make that document.
const attempt = async (make) => {
  try {
    await api.renderDocx(make());
  } catch (e) {
    if (!(e instanceof api.UserError)) throw e;
  }
};
for (const sample of ["2014-commerce-bureau.json", "2023-district-bureau.json"]) {
  const dataset = api.loadDataset(resolve(root, "samples", sample));
  for (const lang of ["zh", "en"]) {
    await attempt(() => api.buildSummary({ dataset, lang }));
    await attempt(() => api.buildAnnualReport({ dataset, lang }).tree);
    await attempt(() => api.buildSelfAudit({ dataset, lang }).tree);
  }
}
const { code, count } = await prebuiltSkeletonsModule();
writeFileSync(out, code);
console.log(
  `prebuilt DOCX skeletons: ${relative(root, out)} (${count} skeletons, ${(code.length / 1024).toFixed(0)} KB)`,
);
