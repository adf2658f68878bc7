/* global process, Buffer */
// Loopback HTTP server for the benchmark, run in its own process so it does not share the client's event loop.
import { createServer } from 'node:http';

const body = JSON.stringify({
  status: 'success',
  data: { id: 'clx1234567890abcdef', name: 'Customer Support Bot', isLiveChatEnabled: true, language: 'en' },
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-request-id': 'req_bench',
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port });
});
process.on('disconnect', () => process.exit(0));
