import {
  toDisposable,
  type Disposable,
  type ImageRemoval,
  type ImageSummary,
  type ParsedMethodParams,
  type ParsedStreamParams,
  type TransferProgress,
} from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { StreamSink } from '../../rpc/handlers.js';
import { namingImageUsers } from './in-use.js';
import { pullImage } from './pull.js';
import { pushImage, tagImage } from './push.js';

/** images.list, images.remove and the images.pull stream. */
export class ImagesService {
  constructor(private readonly engine: EngineConnection) {}

  async list(signal?: AbortSignal): Promise<ImageSummary[]> {
    const images = await this.engine.client.images.list(signal);
    return images.map((image) => ({
      engineId: this.engine.status.engineId,
      id: image.Id,
      repoTags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
      repoDigests: (image.RepoDigests ?? []).filter((digest) => !digest.startsWith('<none>')),
      created: image.Created ?? 0,
      sizeBytes: image.Size ?? 0,
    }));
  }

  /**
   * `docker rmi`. A container using the image is the engine's 409, so `conflict` with its own
   * words (whether force would help), and the names of the containers using it; nothing is
   * decided from the text.
   */
  async remove(params: ParsedMethodParams<'images.remove'>, signal?: AbortSignal): Promise<ImageRemoval> {
    const { client } = this.engine;
    const answer = await client.images.remove(params.id, { force: params.force }, signal).catch(async (error: unknown) => {
      // The refusal names the containers using the image (in-use.ts).
      throw await namingImageUsers(error, client, this.engine.status.engineId, params.id, signal);
    });
    const removal: ImageRemoval = { untagged: [], deleted: [] };
    for (const item of answer ?? []) {
      if (typeof item.Untagged === 'string') removal.untagged.push(item.Untagged);
      if (typeof item.Deleted === 'string') removal.deleted.push(item.Deleted);
    }
    return removal;
  }

  /**
   * The `images.pull` stream: progress per layer until the image is present. `signal` is the
   * dispatcher's: unsubscribing aborts the engine request, and the engine then stops the pull.
   */
  pull(params: ParsedStreamParams<'images.pull'>, sink: StreamSink<TransferProgress>, signal: AbortSignal): Disposable {
    const options = params.platform === undefined ? {} : { platform: params.platform };
    return streamTransfer(pullImage(this.engine.client, params.reference, (progress) => sink.emit(progress), signal, options), sink, signal);
  }

  /** The `images.push` stream: as a pull, the other way. */
  push(params: ParsedStreamParams<'images.push'>, sink: StreamSink<TransferProgress>, signal: AbortSignal): Disposable {
    return streamTransfer(pushImage(this.engine.client, params.reference, (progress) => sink.emit(progress), signal), sink, signal);
  }

  tag(params: ParsedMethodParams<'images.tag'>, signal?: AbortSignal): Promise<{ target: string }> {
    return tagImage(this.engine.client, params.source, params.target, signal);
  }
}

/** Ends the stream when the transfer is done, fails it when it fails (unless the subscriber went away). */
function streamTransfer(transfer: Promise<void>, sink: StreamSink<TransferProgress>, signal: AbortSignal): Disposable {
  transfer.then(
    () => sink.end(),
    (error: unknown) => {
      if (!signal.aborted) sink.fail(error);
    },
  );
  return toDisposable(() => undefined); // nothing else to tear down: the signal ends the request
}
