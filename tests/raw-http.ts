// A request to a test server as the bytes come (no decompression, no redirects): for tests of what server.ts itself
// answers (compression, lengths, headers). `body` is sent as it is, in chunks when given several.
import http from "node:http";

export interface RawAnswer { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

export function rawRequest(url: string, headers: Record<string, string> = {}, method = "GET", body?: string | string[]): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    for (const chunk of typeof body === "string" ? [body] : body ?? []) req.write(chunk);
    req.end();
  });
}
