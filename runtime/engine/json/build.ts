import { z } from 'zod';

/**
 * One line of `POST /build`'s answer (the classic builder's log, NDJSON): `stream` is log text
 * (any fragment of a line, or several lines), `aux.ID` the built image's id, and a failure is an
 * `error` line inside the 200 answer (`errorDetail.code` is the exit code of a RUN that failed).
 * Loose, so what Berth does not read passes through.
 */
export const engineBuildLineSchema = z.looseObject({
  stream: z.string().nullish(),
  aux: z.looseObject({ ID: z.string().nullish() }).nullish(),
  error: z.string().nullish(),
  errorDetail: z.looseObject({ message: z.string().nullish(), code: z.number().nullish() }).nullish(),
});

export type EngineBuildLine = z.output<typeof engineBuildLineSchema>;
