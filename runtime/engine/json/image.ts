import { z } from 'zod';
import { engineHealthcheckSchema } from './container.js';

/**
 * The engine's image JSON, typed once: `GET /images/json` items, `GET /images/{name}/json`,
 * the answer of `DELETE /images/{name}` and the lines of a pull's progress. Optional and
 * nullable as engines send them; loose, so what Berth does not read passes through.
 */

const text = z.string().nullish();
const count = z.number().nullish();
const texts = z.array(z.string()).nullish();

/** One item of `GET /images/json`. */
export const engineImageListItemSchema = z.looseObject({ Id: z.string(), RepoTags: texts, RepoDigests: texts, Created: count, Size: count });
export const engineImageListSchema = z.array(engineImageListItemSchema).nullable();

/** One result of `GET /images/search` (Docker Hub, as the engine asks it). */
export const engineSearchResultSchema = z.looseObject({ name: z.string(), description: text, star_count: count, is_official: z.boolean().nullish() });
export const engineSearchResultsSchema = z.array(engineSearchResultSchema).nullable();
export type EngineSearchResult = z.output<typeof engineSearchResultSchema>;

/** The image's own config (what CMD, ENTRYPOINT, ENV, LABEL, VOLUME, WORKDIR and USER set). */
const imageConfigSchema = z.looseObject({
  Cmd: texts,
  Entrypoint: texts,
  Env: texts,
  Labels: z.record(z.string(), z.string()).nullish(),
  Volumes: z.record(z.string(), z.unknown()).nullish(),
  WorkingDir: text,
  User: text,
  Healthcheck: engineHealthcheckSchema,
  ExposedPorts: z.record(z.string(), z.unknown()).nullish(),
  StopSignal: text,
});

/** `GET /images/{name}/json`. */
export const engineImageSchema = z.looseObject({ Id: z.string(), RepoTags: texts, RepoDigests: texts, Config: imageConfigSchema.nullish() });

/** `DELETE /images/{name}`: one record per untagged reference or deleted layer. */
export const engineImageRemovalSchema = z.array(z.looseObject({ Untagged: text, Deleted: text })).nullish();

/**
 * One line of `POST /images/create` (a pull) or `POST /images/{name}/push`. A failed transfer is
 * an `error` line inside a 200 answer; a push ends with `aux` naming the manifest's digest.
 */
export const enginePullLineSchema = z.looseObject({
  id: text,
  status: text,
  progressDetail: z.looseObject({ current: count, total: count }).nullish(),
  error: text,
  errorDetail: z.looseObject({ message: text }).nullish(),
  aux: z.looseObject({ Digest: text }).nullish(),
});

export type EngineImageListItem = z.output<typeof engineImageListItemSchema>;
export type EngineImage = z.output<typeof engineImageSchema>;
export type EngineImageConfig = NonNullable<EngineImage['Config']>;
export type EngineImageRemoval = z.output<typeof engineImageRemovalSchema>;
export type EnginePullLine = z.output<typeof enginePullLineSchema>;
