/**
 * A child process awaited instead of spawnSync'd. A test worker blocked in spawnSync for a minute
 * (LibreOffice over every document, the demo run, under load) cannot answer vitest's RPC in time
 * and the run fails with `Timeout calling "onTaskUpdate"` though every test passed
 * (vitest-dev/vitest#6479): long children are awaited.
 */
import { spawn, type SpawnOptions } from "node:child_process";

export interface Spawned {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function spawnAsync(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeout?: number } = {},
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on("data", (b: Buffer) => out.push(b));
    child.stderr!.on("data", (b: Buffer) => err.push(b));
    const timer = options.timeout ? setTimeout(() => child.kill("SIGKILL"), options.timeout) : undefined;
    child.on("error", (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on("close", (status, signal) => {
      if (timer) clearTimeout(timer);
      resolve({
        status,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}
