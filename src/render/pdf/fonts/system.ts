/**
 * Installed fonts, found by family name. The scan walks the platform's font folders (or the
 * folders given by GONGWEN_FONT_DIRS / options) and reads only each file's table directory and
 * `name` table — a few kilobytes per file — once per process. Results are sorted so the
 * resolution is deterministic.
 */
import { readdirSync, statSync } from "node:fs";
import { homedir, platform } from "node:os";
import { delimiter, join } from "node:path";
import { faceOffsets, fileSource, readNames, readTableDirectory } from "./sfnt.js";

export interface SystemFace {
  path: string;
  faceIndex: number;
  families: string[];
  fullNames: string[];
  postscriptName: string;
  subfamily: string;
}

/** The platform's font folders. */
export function defaultFontDirs(): string[] {
  const home = homedir();
  switch (platform()) {
    case "win32": {
      const dirs = [join(process.env.WINDIR ?? "C:\\Windows", "Fonts")];
      if (process.env.LOCALAPPDATA)
        dirs.push(join(process.env.LOCALAPPDATA, "Microsoft", "Windows", "Fonts"));
      return dirs;
    }
    case "darwin":
      return ["/System/Library/Fonts", "/Library/Fonts", join(home, "Library", "Fonts")];
    default:
      return [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        join(home, ".fonts"),
        join(home, ".local", "share", "fonts"),
      ];
  }
}

/**
 * The folders to scan: `explicit` when given; else GONGWEN_FONT_DIRS when set (path-delimiter
 * separated; empty disables system fonts); else the platform defaults.
 */
export function fontDirs(explicit?: readonly string[]): string[] {
  if (explicit) return [...explicit];
  const env = process.env.GONGWEN_FONT_DIRS;
  if (env !== undefined) return env.split(delimiter).filter((d) => d.length > 0);
  return defaultFontDirs();
}

const FONT_EXT = /\.(ttf|otf|ttc|otc)$/i;

function walk(dir: string, out: string[], depth: number): void {
  if (depth > 8) return;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p, out, depth + 1);
    else if (st.isFile() && FONT_EXT.test(name)) out.push(p);
  }
}

function readFaces(path: string): SystemFace[] {
  const faces: SystemFace[] = [];
  let src;
  try {
    src = fileSource(path);
  } catch {
    return faces;
  }
  try {
    faceOffsets(src).forEach((offset, faceIndex) => {
      const dir = readTableDirectory(src, offset);
      const name = dir.get("name");
      if (!name || !dir.has("cmap") || !(dir.has("glyf") || dir.has("CFF "))) return;
      const n = readNames(src, name);
      faces.push({ path, faceIndex, ...n });
    });
  } catch {
    // Not a font we can read: skip it.
  } finally {
    src.close();
  }
  return faces;
}

const scanCache = new Map<string, SystemFace[]>();

/** All faces in the folders (cached per process per folder list). */
export function scanFonts(dirs: readonly string[]): SystemFace[] {
  const key = dirs.join("\n");
  let faces = scanCache.get(key);
  if (!faces) {
    const files: string[] = [];
    const seen = new Set<string>();
    for (const d of dirs) {
      const found: string[] = [];
      walk(d, found, 0);
      for (const f of found) {
        if (!seen.has(f)) {
          seen.add(f);
          files.push(f);
        }
      }
    }
    faces = files.flatMap(readFaces);
    scanCache.set(key, faces);
  }
  return faces;
}

/** Normalised form for comparing family names (NFKC, case-folded, no spaces). */
export function normName(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

const isRegular = (f: SystemFace): boolean =>
  /^(regular|normal|book|roman|medium|w\d|常规|標準|标准)?$/i.test(f.subfamily.trim());

/** Faces whose family, full or PostScript name is `name`; regular faces first, then by path. */
export function findFaces(faces: readonly SystemFace[], name: string): SystemFace[] {
  const want = normName(name);
  const hits = faces.filter(
    (f) =>
      f.families.some((x) => normName(x) === want) ||
      f.fullNames.some((x) => normName(x) === want) ||
      normName(f.postscriptName) === want,
  );
  return hits.sort((a, b) => {
    const ra = isRegular(a) ? 0 : 1;
    const rb = isRegular(b) ? 0 : 1;
    if (ra !== rb) return ra - rb;
    if (a.path !== b.path) return a.path < b.path ? -1 : 1;
    return a.faceIndex - b.faceIndex;
  });
}
