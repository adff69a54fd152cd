// Test-only (integration tests): certificates made with openssl for a test run (a CA, and
// certificates it signed: for 127.0.0.1, for another host name, and one that expired in
// 2020), and a TLS relay on 127.0.0.1 that puts one of them in front of a real registry, so
// the registry client meets a real registry over https with each kind of certificate.
// Not part of the build.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { captureOk } from '../../scripts/process.js';

export interface KeyPair {
  cert: string;
  key: string;
}

export interface TestCertificates {
  /** The CA's certificate (PEM text): trust it to accept the others. */
  ca: string;
  /** For IP 127.0.0.1. */
  loopback: KeyPair;
  /** For DNS other.example only. */
  otherName: KeyPair;
  /** For IP 127.0.0.1, valid 2020-01-01 to 2020-01-02. */
  expired: KeyPair;
}

const keyOptions = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function signed(dir: string, name: string, subjectAltName: string, dates: string[]): Promise<KeyPair> {
  const key = path.join(dir, `${name}-key.pem`);
  const request = path.join(dir, `${name}.csr`);
  const cert = path.join(dir, `${name}.pem`);
  await captureOk('openssl', ['req', '-new', ...keyOptions, '-keyout', key, '-out', request, '-subj', `/CN=${name}`, '-addext', `subjectAltName=${subjectAltName}`]);
  // `openssl ca` rather than `x509 -req`: only it takes start and end dates (an expired certificate).
  await captureOk('openssl', ['ca', '-batch', '-notext', '-config', path.join(dir, 'ca.cnf'), '-cert', path.join(dir, 'ca.pem'), '-keyfile', path.join(dir, 'ca-key.pem'), '-in', request, '-out', cert, ...dates]);
  return { cert: await readFile(cert, 'utf8'), key: await readFile(key, 'utf8') };
}

export async function makeTestCertificates(dir: string): Promise<TestCertificates> {
  await writeFile(path.join(dir, 'index.txt'), '');
  await writeFile(path.join(dir, 'serial'), `${randomBytes(8).toString('hex')}\n`);
  await writeFile(
    path.join(dir, 'ca.cnf'),
    ['[ca]', 'default_ca = test', '[test]', `new_certs_dir = ${dir}`, `database = ${path.join(dir, 'index.txt')}`, `serial = ${path.join(dir, 'serial')}`, 'default_md = sha256', 'default_days = 2', 'policy = any', 'copy_extensions = copy', 'unique_subject = no', '[any]', 'commonName = supplied', ''].join('\n'),
  );
  await captureOk('openssl', ['req', '-x509', ...keyOptions, '-keyout', path.join(dir, 'ca-key.pem'), '-out', path.join(dir, 'ca.pem'), '-days', '2', '-subj', '/CN=Berth registry test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  const loopback = await signed(dir, 'loopback', 'IP:127.0.0.1', []);
  const otherName = await signed(dir, 'other', 'DNS:other.example', []);
  const expired = await signed(dir, 'expired', 'IP:127.0.0.1', ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z']);
  return { ca: await readFile(path.join(dir, 'ca.pem'), 'utf8'), loopback, otherName, expired };
}

export interface TlsRelay {
  /** `https://127.0.0.1:PORT` */
  url: string;
  close(): Promise<void>;
}

/** Listens for TLS on 127.0.0.1 with the key pair and relays the plain bytes to `target` (`host:port`). */
export async function startTlsRelay(target: string, pair: KeyPair): Promise<TlsRelay> {
  const [host = '127.0.0.1', port = '0'] = target.split(':');
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ cert: pair.cert, key: pair.key }, (client) => {
    const upstream = net.connect(Number(port), host);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  // A failed handshake (the client refused the certificate) is what the tests provoke.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
