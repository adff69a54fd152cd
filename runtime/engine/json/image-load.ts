import { z } from 'zod';

/**
 * One line of `POST /images/load?quiet=1` (a `docker load -q`): `{"stream":"Loaded image: x\n"}`
 * for each image, or an `error` line inside the 200 answer when the engine could not load the
 * archive (not a tar, truncated, a layer missing). Loose, so what Berth does not read passes.
 */
export const engineLoadLineSchema = z.looseObject({
  stream: z.string().nullish(),
  error: z.string().nullish(),
  errorDetail: z.looseObject({ message: z.string().nullish() }).nullish(),
});

export type EngineLoadLine = z.output<typeof engineLoadLineSchema>;
