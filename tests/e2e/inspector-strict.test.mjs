// MCP Inspector 2.x (on the Node.js 22 that tests/e2e/strict installs from npm) checks every tool schema
// for portability with --strict: type arrays, untyped values and other shapes some hosts reject.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot, requireBuiltServer, serverCommand } from "./server.mjs";

const run = promisify(execFile);
const strict = path.join(repoRoot, "tests", "e2e", "strict", "node_modules");

test("Inspector 2.x --strict finds no tool-schema portability problem", async () => {
  requireBuiltServer();
  const { command, args } = serverCommand();
  const env = { ...process.env, PATH: `${path.join(strict, "node", "bin")}${path.delimiter}${process.env.PATH}` };
  const { stdout, stderr } = await run(path.join(strict, ".bin", "mcp-inspector"),
    ["--cli", "--strict", command, ...args, "--method", "tools/list"], { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  assert.ok(JSON.parse(stdout).tools.some((t) => t.name === "run_example"), "the tools were listed");
  assert.doesNotMatch(stderr, /Warning|Error/, stderr);
});
