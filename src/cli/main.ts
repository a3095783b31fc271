#!/usr/bin/env node
/** The `gongwen` binary. */
import { hideBin } from "yargs/helpers";
import { main } from "./app.js";
import { reportError } from "./report-error.js";

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportError(e, process.argv);
  },
);
