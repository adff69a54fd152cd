import { anonymousRegistryAuth, type RegistryAuthSource } from '../engine/client/images.js';
import type { RegistryCredentials } from './credentials/index.js';

/**
 * `X-Registry-Auth` for the engine's pulls and pushes, from the credentials Berth keeps
 * (credentials/index.ts finds them the same way for its own registry client): the JSON the
 * docker CLI sends (`username` + `password`, or `identitytoken`, with `serveraddress`), base64
 * with the URL alphabet and padding, as the engine decodes it (an unreadable header would
 * silently become an anonymous pull). No login: `{}`, as the CLI sends. The secret is revealed
 * only into this header, which goes to the engine and nowhere else.
 */
export function engineRegistryAuth(credentials: RegistryCredentials, log: (line: string) => void = () => undefined): RegistryAuthSource {
  return async (registry, signal) => {
    const { credential, problems } = await credentials.find(registry, signal);
    for (const problem of problems) log(`registry credentials for ${registry}: ${problem}`);
    if (credential === null) return anonymousRegistryAuth;
    const serveraddress = credential.registry;
    const body =
      credential.kind === 'identity-token'
        ? { identitytoken: credential.secret.reveal(), serveraddress }
        : { username: credential.username ?? '', password: credential.secret.reveal(), serveraddress };
    return Buffer.from(JSON.stringify(body), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  };
}
