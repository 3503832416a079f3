// The MCP Inspector CLI (npm @modelcontextprotocol/inspector, --cli mode) lists the tools of the
// built server and calls one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { repoRoot, requireBuiltServer, serverCommand } from "./server.mjs";

const run = promisify(execFile);
const inspector = path.join(repoRoot, "tests", "e2e", "node_modules", ".bin", "mcp-inspector");

async function inspect(...args) {
  const { command, args: serverArgs } = serverCommand();
  const { stdout } = await run(inspector, ["--cli", command, ...serverArgs, ...args], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout);
}

test("the Inspector CLI lists the tools", async () => {
  requireBuiltServer();
  const listed = await inspect("--method", "tools/list");
  const names = listed.tools.map((t) => t.name);
  assert.ok(names.includes("run_example"), names.join(", "));
  assert.ok(names.includes("explain_algorithm"), names.join(", "));
});

test("the Inspector CLI calls show_formula", async () => {
  const result = await inspect("--method", "tools/call", "--tool-name", "show_formula",
    "--tool-arg", "algorithm=logistic-regression", "--tool-arg", "format=unicode");
  assert.notEqual(result.isError, true, JSON.stringify(result));
  assert.match(result.content[0].text, /sigmoid|σ|g\(z\)/i);
});
