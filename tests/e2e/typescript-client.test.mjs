// The official TypeScript MCP SDK client drives the real, built server: over stdio as a child
// process, and over Streamable HTTP.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { algorithms, requireBuiltServer, serverCommand, startHttpServer } from "./server.mjs";

const expectedTools = ["list_algorithms", "explain_algorithm", "show_formula", "show_code", "run_example",
  "compare_algorithms", "learning_path", "get_notebook_links"];

function text(result) {
  return result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");
}

async function callOk(client, name, args = {}, options = {}) {
  const result = await client.callTool({ name, arguments: args }, undefined, { timeout: 60_000, ...options });
  assert.notEqual(result.isError, true, `${name}(${JSON.stringify(args)}) failed: ${text(result)}`);
  return result;
}

/** The checks every transport must pass, against a connected client. */
function sessionChecks(getClient) {
  test("lists every tool with input and output schemas", async () => {
    const { tools } = await getClient().listTools();
    const names = tools.map((t) => t.name);
    for (const name of expectedTools) assert.ok(names.includes(name), `missing tool ${name}; got ${names}`);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, "object", `${tool.name} input schema`);
      assert.ok(tool.description && tool.description.length > 20, `${tool.name} needs a description`);
    }
    const run = tools.find((t) => t.name === "run_example");
    assert.equal(run.outputSchema?.type, "object", "run_example has an output schema");
  });

  test("calls every content tool once per algorithm", async () => {
    const client = getClient();
    await callOk(client, "list_algorithms");
    for (const algorithm of algorithms) {
      const explained = await callOk(client, "explain_algorithm", { algorithm });
      assert.match(text(explained), /purpose|Purpose/);
      await callOk(client, "show_formula", { algorithm });
      await callOk(client, "show_code", { algorithm, language: "python" });
      await callOk(client, "show_code", { algorithm, language: "csharp" });
      const links = await callOk(client, "get_notebook_links", { algorithm });
      assert.match(text(links), /mybinder\.org/);
    }
    await callOk(client, "learning_path", { current: "linear-regression" });
    await callOk(client, "compare_algorithms", { algorithms: ["logistic-regression", "multilayer-perceptron"] });
  });

  test("runs every algorithm on its default data and returns measured metrics", async () => {
    const client = getClient();
    for (const algorithm of algorithms) {
      const result = await callOk(client, "run_example", { algorithm, seed: 7 });
      assert.equal(result.structuredContent.algorithm, algorithm);
      assert.ok(Object.keys(result.structuredContent.metrics.test).length > 0, `${algorithm} test metrics`);
      assert.ok(result.structuredContent.cost_history.length >= 1, `${algorithm} cost history`);
    }
  });

  test("structured results match their output schemas, with optional parts absent", async () => {
    const client = getClient();
    const all = await callOk(client, "run_example", { algorithm: "k-means", test_fraction: 0 });
    assert.equal(all.structuredContent.metrics.test, undefined);
    const compared = await callOk(client, "compare_algorithms", { algorithms: [], dataset: "iris", run: true });
    assert.equal(compared.structuredContent.algorithms.length, 5);
  });

  test("returns a PNG chart with include_plot and keeps it readable as a resource", async () => {
    const client = getClient();
    const result = await callOk(client, "run_example", { algorithm: "linear-regression", include_plot: true });
    const image = result.content.find((c) => c.type === "image");
    assert.equal(image?.mimeType, "image/png");
    assert.equal(Buffer.from(image.data, "base64").subarray(1, 4).toString(), "PNG");
    const link = result.structuredContent.charts[0];
    const kept = await client.readResource({ uri: link.uri });
    assert.equal(kept.contents[0].blob, image.data, "the resource holds the same PNG");
  });

  test("an unknown algorithm is an isError result naming the valid ids, and the next call works", async () => {
    const client = getClient();
    const bad = await client.callTool({ name: "explain_algorithm", arguments: { algorithm: "linear-regresion" } });
    assert.equal(bad.isError, true);
    assert.match(text(bad), /linear-regression/);
    await callOk(client, "list_algorithms");
  });
}

describe("stdio", () => {
  let client;
  let transport;
  before(async () => {
    requireBuiltServer();
    transport = new StdioClientTransport({ ...serverCommand(), stderr: "ignore" });
    client = new Client({ name: "e2e-typescript", version: "1.0.0" });
    await client.connect(transport);
  });
  after(async () => { await client?.close(); });

  sessionChecks(() => client);

  test("reads a lesson and a dataset resource", async () => {
    const { resources } = await client.listResources();
    const { resourceTemplates } = await client.listResourceTemplates();
    assert.ok(resources.length + resourceTemplates.length > 0);
    const lesson = await client.readResource({ uri: "homemade-ml://lessons/k-means" });
    assert.match(lesson.contents[0].text, /K-means|k-means/i);
    const dataset = await client.readResource({ uri: "homemade-ml://datasets/iris" });
    assert.equal(dataset.contents[0].text.trim().split("\n").length, 151, "iris: header + 150 rows");
  });

  test("gets every prompt", async () => {
    const { prompts } = await client.listPrompts();
    const names = prompts.map((p) => p.name);
    for (const name of ["learn_algorithm", "study_session", "debug_my_training"]) {
      assert.ok(names.includes(name), `missing prompt ${name}`);
    }
    for (const prompt of prompts) {
      const args = {};
      for (const a of prompt.arguments ?? []) {
        if (a.required) args[a.name] = a.name.includes("algorithm") ? "k-means" : "linear-regression";
      }
      const got = await client.getPrompt({ name: prompt.name, arguments: args });
      assert.ok(got.messages.length > 0, `${prompt.name} has messages`);
    }
  });

  test("completes algorithm names for a prompt argument", async () => {
    const completion = await client.complete({
      ref: { type: "ref/prompt", name: "learn_algorithm" },
      argument: { name: "algorithm", value: "lo" },
    });
    assert.ok(completion.completion.values.includes("logistic-regression"), JSON.stringify(completion));
  });

  test("sends progress notifications during a long run", async () => {
    const seen = [];
    await callOk(client, "run_example",
      { algorithm: "multilayer-perceptron", dataset: "digits", hyperparameters: { iterations: 1500 } },
      { onprogress: (p) => seen.push(p) });
    assert.ok(seen.length >= 2, `expected progress notifications, got ${seen.length}`);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i].progress >= seen[i - 1].progress, "progress is monotonic");
  });

  test("cancels a run mid-way and keeps answering", async () => {
    const controller = new AbortController();
    let progressed;
    const firstProgress = new Promise((resolve) => { progressed = resolve; });
    const started = Date.now();
    const call = client.callTool(
      { name: "run_example", arguments: { algorithm: "multilayer-perceptron", dataset: "digits", hyperparameters: { iterations: 100000 } } },
      undefined,
      { signal: controller.signal, onprogress: () => progressed(), timeout: 60_000 });
    await firstProgress;
    controller.abort("the learner changed their mind");
    await assert.rejects(call);
    assert.ok(Date.now() - started < 30_000, "the run was cut short, not completed");
    await callOk(client, "list_algorithms");
  });
});

describe("Streamable HTTP", () => {
  let server;
  let client;
  before(async () => {
    requireBuiltServer();
    server = await startHttpServer();
    client = new Client({ name: "e2e-typescript-http", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(server.url));
  });
  after(async () => {
    await client?.close();
    server?.child.kill();
  });

  sessionChecks(() => client);

  test("sends progress notifications over HTTP", async () => {
    const seen = [];
    await callOk(client, "run_example",
      { algorithm: "multilayer-perceptron", dataset: "digits", hyperparameters: { iterations: 1500 } },
      { onprogress: (p) => seen.push(p) });
    assert.ok(seen.length >= 1, `expected progress notifications, got ${seen.length}`);
  });

  test("refuses a foreign Origin", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", origin: "https://evil.example" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    assert.equal(response.status, 403);
  });
});
