/**
 * Who is asking: the logged-in user of the request being served, kept for the request's whole
 * asynchronous run (the workbench's operations and the pages read it; nothing else sets it).
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type Role = "clerk" | "head" | "admin" | "supervisor";

export interface AgencyRef {
  id: number;
  name: string;
  /** 0 for the user's own agency, 1 for one right below it … */
  depth: number;
}

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: readonly Role[];
  /** The user's own agency. */
  homeAgencyId: number;
  /** The agency this session works on: the user's own, or (a supervisor) one below it. */
  agencyId: number;
  agencyName: string;
  /** The agencies the user may read: their own, and for a supervisor every one below it. */
  scope: readonly AgencyRef[];
  /** The sha256 of the session cookie's id. */
  sessionHash: string;
  csrf: string;
}

export interface RequestState {
  actor: Actor | null;
  /**
   * The agency a page is read on through ?agency=ID (a 监督's, or an agency below the
   * session's), for this request only; null when the page is the session's own agency.
   */
  viewAgency?: number | null;
}

export const requestState = new AsyncLocalStorage<RequestState>();

/** The logged-in user of the current request, or null (setup, login, the command line). */
export function currentActor(): Actor | null {
  return requestState.getStore()?.actor ?? null;
}

/** The agency the current page is read on through ?agency=ID, or null. */
export function viewAgency(): number | null {
  return requestState.getStore()?.viewAgency ?? null;
}

/**
 * A link of a page read through ?agency=ID, carrying that scope (the page's letters, its
 * history, its back links answer 404 without it); unchanged on the session's own agency.
 */
export function scoped(href: string): string {
  const id = requestState.getStore()?.viewAgency;
  if (id === null || id === undefined) return href;
  const hash = href.indexOf("#");
  const [path, frag] = hash < 0 ? [href, ""] : [href.slice(0, hash), href.slice(hash)];
  return `${path}${path.includes("?") ? "&" : "?"}agency=${id}${frag}`;
}
