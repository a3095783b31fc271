/**
 * Font resolution per role (仿宋, 小标宋, 黑体, 楷体, 宋体), in order: the configuration file →
 * installed fonts found by family name (the configured name, then FONT_FAMILY_ALIASES) → the
 * bundled Noto fonts. Every substitution is recorded. Faces load lazily, once per process.
 */
import { FONT_FAMILY_ALIASES } from "../../../document/layout.js";
import type { FontRole } from "../../../document/tree.js";
import type { Lang } from "../../../util/i18n.js";
import { BUNDLED_FOR_ROLE, SYNTHETIC_BOLD_ROLES, bundledFontPath, type BundledFont } from "./bundled.js";
import { configuredFace, type FontConfig } from "./config.js";
import { loadFace, type FaceSpec, type FontFace } from "./face.js";
import { faceOffsets, fileSource, readNames, readTableDirectory } from "./sfnt.js";
import { findFaces, fontDirs, normName, scanFonts } from "./system.js";

export const FONT_ROLES: readonly FontRole[] = ["fangsong", "xiaobiaosong", "heiti", "kaiti", "songti"];

export interface FontSubstitution {
  role: FontRole;
  requested: string;
  used: string;
  source: "config" | "system" | "bundled";
  /** The stand-in is drawn with synthetic bold (see SYNTHETIC_BOLD_ROLES); absent otherwise. */
  syntheticBold?: true;
}

export interface RoleChoice {
  role: FontRole;
  requested: string;
  spec: FaceSpec;
  /** Display name of the face used ("Noto Serif SC", "AR PL SungtiL GB Bold"). */
  used: string;
  source: FontSubstitution["source"];
  /** True when the face is not the requested family. */
  substituted: boolean;
  /** Draw the role's text with synthetic bold: the bundled stand-in of 小标宋. */
  syntheticBold: boolean;
}

export interface ResolveOptions {
  fontNames: Record<FontRole, string>;
  config?: FontConfig;
  /** Folders to search instead of the platform's (see system.ts); [] disables system fonts. */
  fontDirs?: readonly string[];
  systemFonts?: boolean;
  lang?: Lang;
}

function displayName(families: string[], subfamily: string): string {
  const fam = families[0] ?? "?";
  return /^(regular|normal|book|roman|)$/i.test(subfamily.trim()) ? fam : `${fam} ${subfamily}`;
}

function namesOf(spec: FaceSpec): { families: string[]; subfamily: string; postscriptName: string } {
  const src = fileSource(spec.path);
  try {
    const offsets = faceOffsets(src);
    if (spec.postscriptName) {
      for (const off of offsets) {
        const dir = readTableDirectory(src, off);
        const name = dir.get("name");
        if (!name) continue;
        const n = readNames(src, name);
        if (n.postscriptName === spec.postscriptName) return n;
      }
    }
    const dir = readTableDirectory(src, offsets[spec.faceIndex ?? 0] ?? 0);
    const name = dir.get("name");
    return name ? readNames(src, name) : { families: [], subfamily: "", postscriptName: "" };
  } finally {
    src.close();
  }
}

const bundledNames = new Map<BundledFont, { families: string[]; subfamily: string }>();

function bundledChoice(which: BundledFont): { spec: FaceSpec; used: string; families: string[] } {
  const path = bundledFontPath(which);
  let n = bundledNames.get(which);
  if (!n) {
    n = namesOf({ path });
    bundledNames.set(which, n);
  }
  return { spec: { path }, used: displayName(n.families, n.subfamily), families: n.families };
}

/** The font choices of a renderer: decided once, faces loaded on first use. */
export class FontSet {
  readonly choices: Record<FontRole, RoleChoice>;
  private readonly faces = new Map<string, FontFace>();
  private readonly roleFaces = new Map<FontRole, FontFace>();
  private readonly fallbackCache = new Map<string, { face: FontFace; gid: number }>();

  constructor(opts: ResolveOptions) {
    const lang = opts.lang ?? "zh";
    const useSystem = opts.systemFonts ?? opts.config?.systemFonts ?? true;
    const dirs = [...(opts.config?.fontDirs ?? []), ...(useSystem ? fontDirs(opts.fontDirs) : [])];
    const faces = dirs.length ? scanFonts(dirs) : [];
    const choices = {} as Record<FontRole, RoleChoice>;
    for (const role of FONT_ROLES) {
      const requested = opts.fontNames[role];
      const wanted = normName(requested);
      const configured = opts.config ? configuredFace(opts.config, role, lang) : undefined;
      if (configured) {
        const n = namesOf(configured);
        choices[role] = {
          role,
          requested,
          spec: configured,
          used: displayName(n.families, n.subfamily),
          source: "config",
          substituted: !n.families.some((f) => normName(f) === wanted),
          syntheticBold: false,
        };
        continue;
      }
      const aliases = [...new Set([requested, ...FONT_FAMILY_ALIASES[role]])];
      let found: RoleChoice | undefined;
      for (const alias of aliases) {
        const hit = findFaces(faces, alias)[0];
        if (hit) {
          found = {
            role,
            requested,
            spec: { path: hit.path, faceIndex: hit.faceIndex },
            used: displayName(hit.families, hit.subfamily),
            source: "system",
            substituted: normName(alias) !== wanted && !hit.families.some((f) => normName(f) === wanted),
            syntheticBold: false,
          };
          break;
        }
      }
      if (!found) {
        const b = bundledChoice(BUNDLED_FOR_ROLE[role]);
        found = {
          role,
          requested,
          spec: b.spec,
          used: b.used,
          source: "bundled",
          substituted: !b.families.some((f) => normName(f) === wanted),
          syntheticBold: SYNTHETIC_BOLD_ROLES.has(role),
        };
      }
      choices[role] = found;
    }
    this.choices = choices;
  }

  private load(spec: FaceSpec): FontFace {
    const key = `${spec.path}#${spec.faceIndex ?? 0}#${spec.postscriptName ?? ""}`;
    let f = this.faces.get(key);
    if (!f) {
      f = loadFace(spec);
      this.faces.set(key, f);
    }
    return f;
  }

  face(role: FontRole): FontFace {
    let f = this.roleFaces.get(role);
    if (!f) {
      f = this.load(this.choices[role].spec);
      this.roleFaces.set(role, f);
    }
    return f;
  }

  /**
   * The face and glyph for a character of `role`: the role's face, else the bundled serif and
   * sans, else the other roles' faces (loaded only when needed). gid 0: no face has it.
   */
  glyphFor(role: FontRole, cp: number): { face: FontFace; gid: number } {
    const first = this.face(role);
    const gid = first.glyphId(cp);
    if (gid !== 0) return { face: first, gid };
    const key = `${role}:${cp}`;
    const cached = this.fallbackCache.get(key);
    if (cached) return cached;
    let result = { face: first, gid: 0 };
    const specs = [bundledChoice("serif").spec, bundledChoice("sans").spec];
    for (const r of FONT_ROLES) if (r !== role) specs.push(this.choices[r].spec);
    for (const spec of specs) {
      const f = this.load(spec);
      const g = f.glyphId(cp);
      if (g !== 0) {
        result = { face: f, gid: g };
        break;
      }
    }
    this.fallbackCache.set(key, result);
    return result;
  }

  substitutions(roles: Iterable<FontRole>): FontSubstitution[] {
    const used = new Set(roles);
    return FONT_ROLES.filter((r) => used.has(r) && this.choices[r].substituted).map((r) => {
      const c = this.choices[r];
      return {
        role: r,
        requested: c.requested,
        used: c.used,
        source: c.source,
        ...(c.syntheticBold ? { syntheticBold: true as const } : {}),
      };
    });
  }
}
