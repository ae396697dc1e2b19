// A static file server for the preview widget: serves the repository root (or DIR) on loopback.
//   node scripts/serve.mjs [port]         then open http://127.0.0.1:PORT/www/
//   node scripts/serve.mjs [port] DIR     e.g. a campaign CLI run: http://127.0.0.1:PORT/overview.html
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../", import.meta.url));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm", ".txt": "text/plain; charset=utf-8", ".jsonl": "text/plain; charset=utf-8", ".md": "text/plain; charset=utf-8" };

export function serve(port = 0, dir = repo) {
  const root = resolve(dir) + sep;
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[3];
  const server = await serve(Number(process.argv[2] ?? 8080), dir ?? repo);
  const at = `http://127.0.0.1:${server.address().port}`;
  console.log(dir ? `serving ${dir}: ${at}/ (a campaign CLI run: ${at}/overview.html)` : `preview: ${at}/www/`);
}
