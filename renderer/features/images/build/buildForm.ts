import { imagesBuildSchema, type BerthError, type StreamParams } from '../../../../runtime/api/index.js';

/** One `NAME=value` row of the build args table. */
export interface BuildArgRow {
  name: string;
  value: string;
}

/** The build form as typed. */
export interface BuildFormValues {
  context: string;
  dockerfile: string;
  /** Tags separated by spaces or commas. */
  tags: string;
  buildArgs: BuildArgRow[];
  target: string;
  noCache: boolean;
  pull: boolean;
}

export type BuildField = 'context' | 'dockerfile' | 'tags' | 'buildArgs' | 'target';

export type BuildFieldErrors = Partial<Record<BuildField, string>>;

export const emptyBuildForm: BuildFormValues = { context: '', dockerfile: 'Dockerfile', tags: '', buildArgs: [], target: '', noCache: false, pull: false };

export function splitTags(text: string): string[] {
  return text.split(/[\s,]+/).filter((tag) => tag !== '');
}

/**
 * The form as `images.build` params, checked with the contract's own schema so the form says
 * exactly what the backend would refuse, next to the field: `params` is null while any field
 * is wrong. Rows with neither name nor value are left out.
 */
export function buildParamsOf(values: BuildFormValues): { params: StreamParams<'images.build'> | null; errors: BuildFieldErrors } {
  const errors: BuildFieldErrors = {};
  const rows = values.buildArgs.filter((row) => row.name !== '' || row.value !== '');
  const buildArgs: Record<string, string> = {};
  for (const row of rows) {
    if (row.name.trim() === '') errors.buildArgs ??= `A build arg with the value "${row.value}" has no name.`;
    else if (row.name in buildArgs) errors.buildArgs ??= `Build arg ${row.name} is given twice.`;
    buildArgs[row.name] = row.value;
  }
  const tags = splitTags(values.tags);
  const params: StreamParams<'images.build'> = {
    context: values.context.trim(),
    dockerfile: values.dockerfile.trim() === '' ? 'Dockerfile' : values.dockerfile.trim(),
    tags,
    buildArgs,
    noCache: values.noCache,
    pull: values.pull,
    ...(values.target.trim() === '' ? {} : { target: values.target.trim() }),
  };
  const check = imagesBuildSchema.safeParse(params);
  if (!check.success) {
    for (const issue of check.error.issues) {
      const [field, key] = issue.path;
      if (field === 'context' || field === 'dockerfile' || field === 'target') errors[field] ??= `${labelOf[field]} ${issue.message}`;
      else if (field === 'tags') errors.tags ??= typeof key === 'number' ? `Tag "${tags[key] ?? ''}": ${issue.message}` : `Tags: ${issue.message}`;
      else if (field === 'buildArgs') errors.buildArgs ??= typeof key === 'string' ? `Build arg "${key}" ${issue.message}` : `Build args: ${issue.message}`;
    }
  }
  return { params: Object.keys(errors).length === 0 ? params : null, errors };
}

const labelOf: Record<'context' | 'dockerfile' | 'target', string> = { context: 'Context directory', dockerfile: 'Dockerfile', target: 'Target stage' };

/** A refusal from the backend that names a field of the form (`details.field`), shown next to it. */
export function fieldOfError(error: BerthError): BuildField | null {
  const field = error.details?.field;
  return field === 'context' || field === 'dockerfile' || field === 'tags' || field === 'buildArgs' || field === 'target' ? field : null;
}
