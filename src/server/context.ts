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
}

export const requestState = new AsyncLocalStorage<RequestState>();

/** The logged-in user of the current request, or null (setup, login, the command line). */
export function currentActor(): Actor | null {
  return requestState.getStore()?.actor ?? null;
}
