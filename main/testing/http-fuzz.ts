import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/**
 * A malformed-request fuzzer for the web host: thousands of bounded requests over raw sockets to a
 * loopback address (bad URLs, encodings, headers, methods, sizes, bodies, plain garbage). Each
 * request is "held" when the answer is not a 5xx (a 4xx, any sane answer, or the socket closed on
 * garbage) and the host still answers a normal request afterwards; a 5xx or a host that stops
 * answering is "failed".
 */
export interface FuzzTarget {
  host: string;
  port: number;
  /** the Host header of a valid request */
  hostHeader: string;
  /** headers a signed-in browser would send (cookie, custom header) */
  auth: Record<string, string>;
  tls?: boolean;
}

export interface FuzzResult {
  tried: number;
  held: number;
  failed: number;
  /** the first few failures: the request (shortened) and what came back */
  failures: { request: string; answer: string }[];
}

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_PATHS = [
  'http://[',
  '/%E0%A4%A',
  '/%',
  '/%%32%65',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/..%2f..%2fsecret.txt',
  '/..\\..\\secret.txt',
  '/%00',
  '/index.html%00.js',
  '/%C0%AE%C0%AE/',
  '//../../',
  '/api/download/%E0%A4%A',
  '/api/download/../../secret.txt',
  '/api/invoke?token=%ZZ',
  '/?token=%E0%A4%A',
  '/?token=',
  '*',
  'http://evil.example/',
  '/assets/%ff%fe',
  '/\u00e4\u00f6',
  '/a?b=%',
  '/' + 'a'.repeat(9000),
  '/?' + 'x=%'.repeat(3000),
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'CONNECT', 'FOO', 'G\tET', 'get', 'PRI', 'GET\u0000', ''];
const PATHS = ['/', '/api/invoke', '/api/upload', '/api/download/x', '/index.html', '/assets/x.js', '/api/nope'];
const BODIES = [
  '{',
  '{"op":',
  '[]',
  'null',
  '"x"',
  '{"op":"auth.signIn","input":{"name":"a","password":"b"},"lang":"xx"}',
  '{"op":"__proto__","input":{"__proto__":{"x":1}}}',
  '{"op":"users.list","input":[1,2,3]}',
  '{"op":' + '['.repeat(5000),
  '\u0000\u0001\u0002',
  '--b\r\nContent-Disposition: form-data; name="file"; filename="../../x"\r\n\r\nabc\r\n--b--',
  '--b\r\nContent-Disposition: form-data\r\n\r\n',
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

function randomBytesString(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * 256));
  return s;
}

/** One malformed (or odd) request, as raw bytes. */
export function fuzzRequest(r: () => number, t: FuzzTarget): Buffer {
  const kind = Math.floor(r() * 10);
  const auth = Object.entries(t.auth).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  const withAuth = r() < 0.7 ? auth : '';
  switch (kind) {
    case 0:
      return Buffer.from(`GET ${pick(r, BAD_PATHS)} HTTP/1.1\r\nHost: ${t.hostHeader}\r\n${withAuth}Connection: close\r\n\r\n`, 'latin1');
    case 1:
      return Buffer.from(`${pick(r, METHODS)} ${pick(r, PATHS)} HTTP/1.1\r\nHost: ${t.hostHeader}\r\n${withAuth}Connection: close\r\n\r\n`, 'latin1');
    case 2: {
      // bad or lying headers
      const bad = pick(r, [
        'Content-Length: -1',
        'Content-Length: abc',
        'Content-Length: 99999999999999999999',
        'Content-Length: 10\r\nContent-Length: 20',
        'Transfer-Encoding: chunked\r\nContent-Length: 5',
        'Transfer-Encoding: gzip, chunked',
        'Host: a\r\nHost: b',
        'X-Bad\u0001Header: 1',
        'X: ' + 'y'.repeat(20000),
        'Cookie: rebate_token=%E0%A4%A; rebate_sid=%',
        'Origin: null',
        'Origin: http://evil.example',
        'Sec-Fetch-Site: cross-site',
        'Content-Type: application/json; charset=utf-16',
        'Content-Type: multipart/form-data',
        'Content-Type: multipart/form-data; boundary=',
        'X-Rebate-Session: ' + 'a'.repeat(500),
        'X-Forwarded-For: 1.2.3.4, ::1, [',
        'Expect: 100-continue',
        'Upgrade: websocket\r\nConnection: Upgrade',
      ]);
      return Buffer.from(`POST ${pick(r, PATHS)} HTTP/1.1\r\nHost: ${t.hostHeader}\r\n${withAuth}${bad}\r\nConnection: close\r\n\r\n{}`, 'latin1');
    }
    case 3: {
      const body = pick(r, BODIES);
      const type = pick(r, ['application/json', 'text/plain', 'multipart/form-data; boundary=b', 'application/octet-stream', 'application/x-www-form-urlencoded']);
      return Buffer.from(
        `POST ${pick(r, ['/api/invoke', '/api/upload'])} HTTP/1.1\r\nHost: ${t.hostHeader}\r\n${withAuth}Content-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        'utf8',
      );
    }
    case 4:
      // a declared size larger than what is sent (the host must time out or answer, not hang forever)
      return Buffer.from(`POST /api/invoke HTTP/1.1\r\nHost: ${t.hostHeader}\r\n${withAuth}Content-Type: application/json\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n{"op"`, 'latin1');
    case 5:
      // malformed chunked body
      return Buffer.from(`POST /api/invoke HTTP/1.1\r\nHost: ${t.hostHeader}\r\n${withAuth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`, 'latin1');
    case 6:
      return Buffer.from(randomBytesString(r, 1 + Math.floor(r() * 300)), 'latin1');
    case 7:
      return Buffer.from(`GET / HTTP/${pick(r, ['0.9', '2.0', '1.2', 'x', '1.1 extra'])}\r\nHost: ${t.hostHeader}\r\n\r\n`, 'latin1');
    case 8:
      // wrong or missing Host
      return Buffer.from(`GET / HTTP/1.1\r\n${pick(r, ['', 'Host: \r\n', 'Host: [::1\r\n', 'Host: evil.example\r\n', `Host: ${t.hostHeader}:1\r\n`, 'Host: 127.0.0.1:0\r\n'])}${withAuth}Connection: close\r\n\r\n`, 'latin1');
    default: {
      // a valid request with a mangled, random-byte JSON body
      const body = randomBytesString(r, Math.floor(r() * 200));
      return Buffer.from(
        `POST /api/invoke HTTP/1.1\r\nHost: ${t.hostHeader}\r\n${withAuth}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body, 'latin1')}\r\nConnection: close\r\n\r\n${body}`,
        'latin1',
      );
    }
  }
}

/** Sends raw bytes and collects the answer's status line (or '' when the host closed the socket). */
function send(t: FuzzTarget, bytes: Buffer, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    let done = false;
    const socket: Socket = t.tls ? tlsConnect({ host: t.host, port: t.port, rejectUnauthorized: false }) : connect({ host: t.host, port: t.port });
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(got.split('\r\n')[0] ?? '');
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on(t.tls ? 'secureConnect' : 'connect', () => socket.write(bytes));
    socket.on('data', (c: Buffer) => {
      if (got.length < 4096) got += c.toString('latin1');
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

/** A normal request: the host still serves. */
async function alive(t: FuzzTarget): Promise<boolean> {
  const status = await send(t, Buffer.from(`GET / HTTP/1.1\r\nHost: ${t.hostHeader}\r\n${Object.entries(t.auth).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Connection: close\r\n\r\n`), 5000);
  return /^HTTP\/1\.1 200/.test(status);
}

export async function fuzzWebHost(t: FuzzTarget, opts: { count: number; seed?: number; concurrency?: number; timeoutMs?: number; deadlineMs?: number }): Promise<FuzzResult> {
  const r = rng(opts.seed ?? 1);
  const result: FuzzResult = { tried: 0, held: 0, failed: 0, failures: [] };
  const deadline = Date.now() + (opts.deadlineMs ?? 120_000);
  const requests = Array.from({ length: opts.count }, () => fuzzRequest(r, t));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length && Date.now() < deadline) {
      const bytes = requests[next++] as Buffer;
      const status = await send(t, bytes, opts.timeoutMs ?? 1500);
      result.tried++;
      if (/^HTTP\/1\.[01] 5\d\d/.test(status)) {
        result.failed++;
        if (result.failures.length < 10) result.failures.push({ request: bytes.toString('latin1').slice(0, 200), answer: status });
      } else result.held++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 16 }, worker));
  if (!(await alive(t))) {
    result.failed++;
    result.failures.push({ request: 'GET / (after the fuzz)', answer: 'no answer: the host stopped' });
  }
  return result;
}
