/**
 * Error classes that are part of gongwen's interface. A UserError is bad input: the CLI prints
 * its message (no stack trace) and exits with 2. An AuditFailure exits with 1. Their messages go
 * to logs: anything shaped like a phone number, an ID number or an e-mail address is masked.
 */
import { maskPersonalPatterns } from "./personal-patterns.js";
import type { Lang } from "./i18n.js";

export class UserError extends Error {
  readonly exitCode = 2;
  /** Further messages (e.g. every validation error), printed after the main message. */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(maskPersonalPatterns(message));
    this.name = "UserError";
    this.details = details.map((d) => maskPersonalPatterns(d));
  }
}

/**
 * A UserError that can be worded in either language: the layers below the edges throw it with
 * a message id and its data (no language of their own); `message` is its Chinese wording and
 * the edges (the CLI's error report) word it in theirs with `messageIn`.
 */
export class WordedUserError extends UserError {
  readonly #words: (lang: Lang) => { message: string; details?: string[] };
  constructor(words: (lang: Lang) => { message: string; details?: string[] }, lang: Lang = "zh") {
    const w = words(lang);
    super(w.message, w.details);
    this.name = "WordedUserError";
    this.#words = words;
  }
  /** The message and its details in a language (masked as every UserError's are). */
  wordedIn(lang: Lang): { message: string; details: string[] } {
    const w = this.#words(lang);
    return {
      message: maskPersonalPatterns(w.message),
      details: (w.details ?? []).map((d) => maskPersonalPatterns(d)),
    };
  }
}

/** A UserError from the file system (fsError): its errno code and the path it names. */
export class FileSystemError extends UserError {
  constructor(
    message: string,
    readonly fsCode: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "FileSystemError";
  }
}

export class AuditFailure extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(maskPersonalPatterns(message));
    this.name = "AuditFailure";
  }
}

export const EXIT = { ok: 0, audit: 1, input: 2 } as const;
