/**
 * The CLI's command registry: one module per command, one line here each.
 */
import type { CommandModule } from "yargs";
import { deadlineCommand } from "./deadline.js";
import { feeCommand } from "./fee.js";
import { renderCommand } from "./render.js";
import { demoCommand } from "./demo.js";
import { validateCommand } from "./validate.js";
import { initCommand } from "./init.js";
import { lettersCommand } from "./letters.js";
import { importCommand } from "./import.js";
import { auditCommand } from "./audit.js";
import { serveCommand } from "./serve.js";
import { dbCommand } from "./db.js";
import { fontsCommand } from "./fonts.js";
import { rollupCommand } from "./rollup.js";
import { workerCommand } from "./worker.js";
import { digestCommand } from "./digest.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [];
commands.push(deadlineCommand);
commands.push(feeCommand);
commands.push(renderCommand);
commands.push(rollupCommand);
commands.push(demoCommand);
commands.push(validateCommand);
commands.push(initCommand);
commands.push(lettersCommand);
commands.push(importCommand);
commands.push(auditCommand);
commands.push(serveCommand);
commands.push(dbCommand);
commands.push(fontsCommand);
commands.push(workerCommand);
commands.push(digestCommand);
