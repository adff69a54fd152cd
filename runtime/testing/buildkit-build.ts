import http from 'node:http';
import tarStream from 'tar-stream';

/**
 * A build with the engine's BuildKit (`POST /build?version=2`), the context sent as the request's
 * tar body: what leaves build cache records behind (the classic builder leaves intermediate
 * images instead). The docker CLI cannot do it here (no buildx), and BuildKit needs no session
 * for a context that comes in the body. Only for a local `unix://` engine.
 */
export async function buildKitBuild(engineUrl: string, files: Record<string, string>, tag?: string): Promise<void> {
  if (!engineUrl.startsWith('unix://')) throw new Error(`buildKitBuild needs a unix:// engine, not ${engineUrl}`);
  const pack = tarStream.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content);
  pack.finalize();
  const query = new URLSearchParams({ version: '2', ...(tag === undefined ? {} : { t: tag }) });
  const body = await new Promise<string>((resolve, reject) => {
    const request = http.request(
      { socketPath: engineUrl.slice('unix://'.length), method: 'POST', path: `/build?${query.toString()}`, headers: { 'Content-Type': 'application/x-tar' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`build: ${response.statusCode}: ${text}`))));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    pack.pipe(request);
  });
  const failure = body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { error?: string })
    .find((message) => message.error !== undefined);
  if (failure) throw new Error(`build failed: ${failure.error}`);
}
