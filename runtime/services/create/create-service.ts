import type { Readable } from 'node:stream';
import {
  BerthError,
  runSpecSchema,
  toWireError,
  type CreateResult,
  type FieldIssue,
  type ParsedMethodParams,
  type RunCheck,
  type RunSpec,
} from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import { parseEngineUrl } from '../../engine/endpoint.js';
import { fromEngineError } from '../../engine/errors.js';
import { NdjsonParser } from '../../streams/lines.js';
import { checkResources } from '../resource-checks.js';
import { isPortFree, pathExists } from './host-probes.js';
import { checkSpecShape, dangerWarnings } from './run-checks.js';
import { specToCreateBody } from './spec-to-body.js';

/** containers.validateRun and containers.create: check everything first, then create exactly as `docker run -d`. */
export class CreateService {
  constructor(private readonly engine: EngineConnection) {}

  async validate(rawSpec: unknown, options: { ignoreName?: string } = {}): Promise<RunCheck & { spec: RunSpec | null }> {
    const parsed = runSpecSchema.safeParse(rawSpec);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'spec', message: issue.message }));
      return { spec: null, issues, warnings: [] };
    }
    const spec = parsed.data;
    const issues = [...checkSpecShape(spec), ...checkResources(spec.resources, this.engine.status.identity)];
    issues.push(...(await this.checkAgainstEngine(spec, options.ignoreName)));
    return { spec, issues, warnings: dangerWarnings(spec, this.localSocket()) };
  }

  async create(params: ParsedMethodParams<'containers.create'>, signal?: AbortSignal): Promise<CreateResult> {
    const check = await this.validate(params.spec);
    if (check.issues.length > 0 || !check.spec) throw invalid(check.issues);
    const spec = check.spec;
    const docker = this.engine.docker;
    try {
      if (params.pull && !(await this.imageExists(spec.image))) await this.pull(spec.image, signal);
      const container = await docker.createContainer({ ...specToCreateBody(spec), ...(spec.name ? { name: spec.name } : {}), abortSignal: signal });
      const created = (await container.inspect()) as { Id: string; Name: string };
      const result: CreateResult = { id: created.Id, name: created.Name.replace(/^\//, ''), warnings: [], started: false };
      if (!params.start) return result;
      try {
        await container.start({ abortSignal: signal });
        return { ...result, started: true };
      } catch (error) {
        // Created but not started: the user decides whether to keep it.
        return { ...result, startError: toWireError(fromEngineError(error, this.engine.engineUrl)) };
      }
    } catch (error) {
      throw fromEngineError(error, this.engine.engineUrl);
    }
  }

  private async checkAgainstEngine(spec: RunSpec, ignoreName: string | undefined): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    const docker = this.engine.docker;
    if (spec.name && spec.name !== ignoreName) {
      const existing = await docker
        .getContainer(spec.name)
        .inspect()
        .then((info) => info.Id)
        .catch(() => null);
      if (existing && existing.length > 0) issues.push({ field: 'name', message: `is already used by container ${existing.slice(0, 12)}` });
    }
    const local = this.localSocket() !== null;
    for (const [index, port] of spec.ports.entries()) {
      if (port.hostPort === undefined || !local) continue;
      if (!(await isPortFree(port.hostPort, port.hostIp, port.protocol))) {
        issues.push({ field: `ports.${index}.hostPort`, message: `port ${port.hostPort} is already allocated on the host` });
      }
    }
    for (const [index, mount] of spec.mounts.entries()) {
      if (mount.type !== 'bind' || !mount.source.startsWith('/') || !local) continue;
      if (!(await pathExists(mount.source))) issues.push({ field: `mounts.${index}.source`, message: `${mount.source} does not exist on the engine host` });
    }
    return issues;
  }

  private localSocket(): string | null {
    const url = this.engine.status.endpoint?.url;
    if (!url) return null;
    const target = parseEngineUrl(url);
    return target.kind === 'unix' ? target.socketPath : null;
  }

  private async imageExists(reference: string): Promise<boolean> {
    return this.engine.docker
      .getImage(reference)
      .inspect()
      .then(() => true)
      .catch(() => false);
  }

  private async pull(reference: string, signal?: AbortSignal): Promise<void> {
    const stream = (await this.engine.docker.pull(reference, { abortSignal: signal })) as Readable;
    const parser = new NdjsonParser<{ error?: string; errorDetail?: { message?: string } }>();
    let failure: string | null = null;
    for await (const chunk of stream) {
      for (const item of parser.push(chunk as Buffer)) {
        if (item.ok && (item.value.error || item.value.errorDetail)) failure ??= item.value.errorDetail?.message ?? item.value.error ?? 'pull failed';
      }
    }
    if (failure) throw new BerthError(/not found|manifest unknown/i.test(failure) ? 'not_found' : 'internal', failure, { field: 'image' });
  }
}

function invalid(issues: FieldIssue[]): BerthError {
  const message = issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return new BerthError('invalid_argument', message, { field: issues[0]?.field ?? 'spec', issues });
}
