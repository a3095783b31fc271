/**
 * `letters` onto a disk that fills up half-way (a small tmpfs: needs root to mount, as in the CI
 * container): the batch stops at the first ENOSPC with one message naming the folder (not one
 * line per letter), exit 2; every file left in the folder is complete, no temp file is left, and
 * the manifest lists no file that is not there — on one thread (npm test) and on worker threads
 * (npm run test:full, full-disk.full.test.ts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, incompleteFile, ROOT, SAMPLE_2023, tempDir } from "./harness.js";

const work = tempDir("gongwen-full-disk-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const mountable = (() => {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  const probe = path.join(work, "mount-probe");
  fs.mkdirSync(probe);
  const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", probe]).status === 0;
  if (ok) spawnSync("umount", [probe]);
  return ok;
})();

describe("letters on a disk that fills up", () => {
  const cases: [string, string, string][] = [["one thread", "1", "zh"]];
  if (process.env.GONGWEN_TEST_FULL === "1") cases.push(["worker threads", "2", "en"]);
  it.runIf(mountable).each(cases)(
    "%s: stops at the first ENOSPC with one message naming the folder, exit 2",
    (_label, workers, lang) => {
      const full = path.join(work, `full-${workers}`);
      fs.mkdirSync(full);
      // Room for a few letters of the 190 (each PDF is some 40–70 KB).
      expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=400k", "tmpfs", full]).status).toBe(0);
      try {
        const r = spawnSync(process.execPath, [BIN, "letters", SAMPLE_2023, "--out", full, "--lang", lang], {
          cwd: ROOT,
          encoding: "utf8",
          timeout: 120_000,
          env: { ...process.env, GONGWEN_LETTER_WORKERS: workers },
        });
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toBe(
          lang === "en"
            ? `cannot write ${full}: no space left on the device; the letters batch stopped (the files written are complete)\n`
            : `无法写入 ${full}：磁盘空间不足；已停止生成文书，已写入的文件是完整的\n`,
        );
        const names = fs.readdirSync(full);
        expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
        const letters = names.filter((n) => /\.(pdf|docx)$/.test(n));
        expect(letters.length).toBeGreaterThan(0);
        expect(letters.length).toBeLessThan(190);
        for (const n of letters) expect(incompleteFile(path.join(full, n)), n).toBeNull();
        const manifest = path.join(full, "manifest.json");
        if (fs.existsSync(manifest)) {
          const listed = Object.keys(
            (JSON.parse(fs.readFileSync(manifest, "utf8")) as { outputs: object }).outputs,
          );
          for (const k of listed) expect(letters, k).toContain(k);
        }
      } finally {
        spawnSync("umount", [full]);
      }
    },
    180_000,
  );
});
