/* Runs the built site's search worker (Material's, with ours appended) in Node, as the browser runs
   it, for the search benchmark and tests: datajam.site.search.run_queries.
   Usage: node search_node.js WORKER_JS LUNR_DIR < {"index": {...search_index.json...}, "queries": [...]}
   Prints, per query, the pages found in order (the article of each result group). */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

async function main() {
  const [worker, lunrDir] = process.argv.slice(2);
  const input = JSON.parse(fs.readFileSync(0, "utf8"));
  const listeners = [];
  let reply = null;
  const scope = vm.createContext({ console });
  scope.self = scope;
  scope.addEventListener = (type, listener) => listeners.push(listener);
  scope.postMessage = (message) => { reply = message; };
  scope.importScripts = (...urls) => {
    for (const url of urls) vm.runInContext(fs.readFileSync(path.join(lunrDir, url.replace(/^\.\.\/lunr\//, "")), "utf8"), scope);
  };
  vm.runInContext(fs.readFileSync(worker, "utf8"), scope);
  const send = async (message) => {
    reply = null;
    for (const listener of listeners) await listener({ data: message });
    return reply;
  };
  const { config, docs } = input.index;
  await send({ type: 0, data: { config, docs, options: { suggest: false } } });
  const out = [];
  for (const query of input.queries) {
    const { data } = await send({ type: 2, data: query });
    out.push(data.items.map((group) => (group.find((item) => !item.location.includes("#")) || group[0]).location));
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => { console.error(error); process.exit(1); });
