import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startManagedEngine } from '../runtime/engine/managed.js';
import { otherBridgeName, testTlsEngineOptions, tlsEnginePaths, writeTestEngineConfig } from '../runtime/testing/test-engine.js';
import { freePort } from './ports.js';
import { captureOk } from './process.js';
import { createBridge } from './test-bridge.js';
import { importTestImage } from './test-images.js';

/**
 * The test environment's second private dockerd: its own socket, data root, exec root and
 * bridge like the first, plus a listener on 127.0.0.1:PORT that speaks only mutual TLS.
 * A CA, a server certificate (IP:127.0.0.1, DNS:localhost) and a client certificate are
 * made for the run with openssl, and an unrelated CA with a client certificate of its own,
 * so tests can check that a certificate the engine does not trust is refused both ways.
 */

export interface TlsEngine {
  /** `tcp://127.0.0.1:PORT` */
  url: string;
  /** The client's `DOCKER_CERT_PATH`: ca.pem, cert.pem, key.pem. */
  certPath: string;
  wrongCa: string;
  untrustedCertPath: string;
}

// P-256 keys: made in milliseconds, and every TLS stack involved (Go's, Node's) speaks them.
const keyOptions = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const days = '7';

/** The docker CLI's environment for the TLS engine (`certPath` decides which client certificate it shows). */
export function tlsDockerEnv(url: string, certPath: string, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DOCKER_HOST: url,
    DOCKER_TLS_VERIFY: '1',
    DOCKER_CERT_PATH: certPath,
    DOCKER_CONFIG: path.join(dataDir, 'docker-config'),
  };
}

async function makeCa(dir: string, name: string, commonName: string): Promise<{ cert: string; key: string }> {
  const cert = path.join(dir, `${name}.pem`);
  const key = path.join(dir, `${name}-key.pem`);
  await captureOk('openssl', [
    'req', '-x509', ...keyOptions, '-keyout', key, '-out', cert, '-days', days, '-subj', `/CN=${commonName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return { cert, key };
}

/** A key and a certificate for it signed by the CA, with the given X.509 v3 extensions. */
async function makeSigned(ca: { cert: string; key: string }, certFile: string, keyFile: string, commonName: string, extensions: string): Promise<void> {
  const request = `${certFile}.csr`;
  const extensionsFile = `${certFile}.ext`;
  await captureOk('openssl', ['req', '-new', ...keyOptions, '-keyout', keyFile, '-out', request, '-subj', `/CN=${commonName}`]);
  await writeFile(extensionsFile, extensions);
  await captureOk('openssl', [
    'x509', '-req', '-in', request, '-CA', ca.cert, '-CAkey', ca.key, '-set_serial', `0x${randomBytes(8).toString('hex')}`,
    '-days', days, '-out', certFile, '-extfile', extensionsFile,
  ]);
}

const serverExtensions = 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n';
const clientExtensions = 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n';

export async function makeCertificates(dataDir: string): Promise<void> {
  const paths = tlsEnginePaths(dataDir);
  const caDir = path.join(paths.root, 'ca');
  for (const dir of [caDir, paths.serverDir, paths.certPath, paths.untrustedCertPath]) await mkdir(dir, { recursive: true, mode: 0o700 });
  const ca = await makeCa(caDir, 'ca', 'Berth test CA');
  const wrongCa = await makeCa(caDir, 'wrong-ca', 'Berth test CA (unrelated)');
  await copyFile(wrongCa.cert, paths.wrongCa);
  await makeSigned(ca, path.join(paths.serverDir, 'server-cert.pem'), path.join(paths.serverDir, 'server-key.pem'), 'localhost', serverExtensions);
  await makeSigned(ca, path.join(paths.certPath, 'cert.pem'), path.join(paths.certPath, 'key.pem'), 'berth-test-client', clientExtensions);
  await makeSigned(wrongCa, path.join(paths.untrustedCertPath, 'cert.pem'), path.join(paths.untrustedCertPath, 'key.pem'), 'berth-test-untrusted-client', clientExtensions);
  for (const dir of [paths.serverDir, paths.certPath, paths.untrustedCertPath]) await copyFile(ca.cert, path.join(dir, 'ca.pem'));
}

/**
 * Makes the certificates, starts the engine through Berth's managed-engine code, and imports
 * the test image over TLS (which proves the listener and the client certificate work).
 * `onPort` records the port before the engine starts, for a teardown after a failed start.
 */
export async function startTlsEngine(dataDir: string, tarball: Promise<string>, onPort: (url: string) => Promise<void>): Promise<TlsEngine> {
  const paths = tlsEnginePaths(dataDir);
  await makeCertificates(dataDir);
  const port = await freePort();
  const url = `tcp://127.0.0.1:${port}`;
  await onPort(url);
  await createBridge(otherBridgeName(dataDir, 't'));
  await writeTestEngineConfig(paths.root);
  await startManagedEngine(testTlsEngineOptions(dataDir, port));
  await importTestImage(tlsDockerEnv(url, paths.certPath, dataDir), await tarball, ['--network', 'none']);
  return { url, certPath: paths.certPath, wrongCa: paths.wrongCa, untrustedCertPath: paths.untrustedCertPath };
}
