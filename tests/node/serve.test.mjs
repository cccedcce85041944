// The demo server (www/serve.mjs) on malformed requests: a bad % escape is the client's error
// (400), never a crash that takes the demo and the browser tests down (issue 12 item 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createServer } from '../../www/serve.mjs';

/** Sends a raw request line (fetch would refuse or normalise these paths) and returns the status line. */
function raw(port, target) {
  return new Promise((ok, fail) => {
    const c = net.connect(port, '127.0.0.1', () => c.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let data = '';
    c.on('data', (d) => (data += d));
    c.on('end', () => ok(data.split('\r\n')[0]));
    c.on('error', fail);
  });
}

test('malformed percent escapes get 400 and the server keeps serving', async () => {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  try {
    for (const target of ['/%E0%A4%A', '/profiles/%zz.json', '/%', '/widget/%C0%AF']) {
      assert.match(await raw(port, target), /^HTTP\/1\.1 400 /, target);
    }
    assert.match(await raw(port, '/index.html'), /^HTTP\/1\.1 200 /, 'still serving');
    assert.match(await raw(port, '/profiles/%73iracusa.json'), /^HTTP\/1\.1 200 /, 'a well-formed escape still decodes');
    assert.match(await raw(port, '/%2e%2e/Cargo.toml'), /^HTTP\/1\.1 404 /, 'nothing outside the mounts');
  } finally {
    server.close();
  }
});
