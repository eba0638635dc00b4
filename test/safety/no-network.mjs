// Preloaded (NODE_OPTIONS=--import) into the CLI by test/safety/no-exec-no-net.test.ts: every way out to the
// network records the attempt in NEWSLINT_NET_LOG and throws.
import { appendFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import dgram from 'node:dgram';

const log = process.env.NEWSLINT_NET_LOG;
function blocked(what) {
  return function () {
    if (log) appendFileSync(log, `${what} ${JSON.stringify([...arguments].filter((a) => typeof a !== 'function')).slice(0, 200)}\n`);
    throw new Error(`network access blocked by the test: ${what}`);
  };
}
net.Socket.prototype.connect = blocked('net.Socket.connect');
net.connect = net.createConnection = blocked('net.connect');
tls.connect = blocked('tls.connect');
dns.lookup = blocked('dns.lookup');
dns.resolve = blocked('dns.resolve');
dns.promises.lookup = blocked('dns.promises.lookup');
dns.promises.resolve = blocked('dns.promises.resolve');
http.request = http.get = blocked('http.request');
https.request = https.get = blocked('https.request');
dgram.createSocket = blocked('dgram.createSocket');
globalThis.fetch = blocked('fetch');
globalThis.WebSocket = blocked('WebSocket');
