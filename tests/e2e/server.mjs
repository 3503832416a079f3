// Where the built server and the packed tool live, and how to start them, for the e2e tests.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const serverDll = process.env.HOMEMADE_ML_SERVER_DLL
  ?? path.join(repoRoot, "artifacts", "bin", "HomemadeML.Skill", "release", "HomemadeML.Skill.dll");

// HOMEMADE_ML_SERVER_BINARY (a Native AOT publish) runs the same suite against the native executable instead.
const serverBinary = process.env.HOMEMADE_ML_SERVER_BINARY;

/** The command and arguments that start the server, followed by any extra arguments. */
export function serverCommand(...extraArgs) {
  return serverBinary
    ? { command: serverBinary, args: extraArgs }
    : { command: "dotnet", args: [serverDll, ...extraArgs] };
}

export const algorithms = ["linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection"];

export function requireBuiltServer() {
  const built = serverBinary ?? serverDll;
  if (!existsSync(built)) {
    throw new Error(`the server is not built at ${built}; run 'dotnet build -c Release' (or the AOT publish) first`);
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server in HTTP mode and resolves once /health answers. */
export async function startHttpServer(extraArgs = [], env = {}) {
  const port = await freePort();
  const { command, args } = serverCommand("--http", "--urls", `http://127.0.0.1:${port}`, ...extraArgs);
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`HTTP server exited early: ${stderr}`);
    try {
      const r = await fetch(`${base}/health`);
      if (r.ok) return { child, base, url: new URL(`${base}/mcp`) };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`HTTP server did not answer /health in 20 s: ${stderr}`);
}
