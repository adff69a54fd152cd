import { BerthError, runSpecSchema, toWireError, type CreateResult, type FieldIssue, type ParsedMethodParams, type RunCheck, type RunCommand, type RunSpec, type runContract } from '../../api/index.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import type { EngineConnection } from '../../engine/connection.js';
import { createBody } from './create-body.js';
import { ensureImage, inspectImageConfig, specRefusal } from './engine-calls.js';
import { hostIssues, localSocketPath } from './host-checks.js';
import { nodeFiles } from './local-files.js';
import { parseRunCommand, type ParsedRunCommand } from './parse-run-command.js';
import { printRunCommand } from './print-run-command.js';
import { recreateContainer } from './recreate.js';
import { runWarnings } from './run-warnings.js';
import { specFromInspect } from './spec-from-inspect.js';
import { schemaIssues, specIssues } from './validate-spec.js';

/**
 * containers.create / validateRun / parseRunCommand / runCommand / recreate: running a
 * container from a RunSpec exactly as `docker run -d` would, checked field by field first.
 */
export class RunService {
  constructor(private readonly engine: EngineConnection) {}

  parseRunCommand(params: ParsedMethodParams<'containers.parseRunCommand'>): Promise<ParsedRunCommand> {
    try {
      // Read against the engine it will run on (flags it is too old for are refused by name), files from this machine.
      const identity = this.engine.status.identity;
      const engine = identity === undefined ? undefined : { apiVersion: identity.apiVersion, os: identity.os };
      return Promise.resolve(parseRunCommand(params.command, { files: nodeFiles, ...(engine === undefined ? {} : { engine }) }));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async validateRun(params: ParsedMethodParams<'containers.validateRun'>, signal?: AbortSignal): Promise<RunCheck> {
    const { issues, warnings } = await this.check(params.spec, { signal });
    return { issues, warnings };
  }

  /**
   * Every problem with a spec, schema first: the engine-side checks only run on a spec that
   * parsed, since they need its values. `excludeContainerId`: see HostCheckContext.
   */
  async check(input: unknown, options: { excludeContainerId?: string; signal?: AbortSignal }): Promise<RunCheck & { spec?: RunSpec }> {
    const socket = localSocketPath(this.engine.status.endpoint?.url);
    const warnings = runWarnings(input, socket ?? undefined);
    const parsed = runSpecSchema.safeParse(input);
    if (!parsed.success) return { issues: schemaIssues(parsed.error), warnings };
    const spec = parsed.data;
    const identity = this.engine.status.identity;
    const issues = specIssues(spec, { cpus: identity?.cpus, memoryBytes: identity?.memoryBytes, apiVersion: identity?.apiVersion, os: identity?.os });
    issues.push(...(await hostIssues(spec, { containers: this.engine.client.containers, isLocal: socket !== null, ...options })));
    return { issues, warnings, spec };
  }

  /** Checks, throwing `invalid_argument` that names the fields when anything is wrong: nothing is created then. */
  async checked(input: unknown, options: { excludeContainerId?: string; signal?: AbortSignal }): Promise<RunSpec> {
    const { issues, spec } = await this.check(input, options);
    if (issues.length > 0 || !spec) throw invalidSpec(issues);
    return spec;
  }

  async create(params: ParsedMethodParams<'containers.create'>, signal?: AbortSignal): Promise<CreateResult> {
    const spec = await this.checked(params.spec, { signal });
    const client = this.engine.client;
    const { platform } = spec.lifecycle;
    await ensureImage(client, spec.image, signal, params.pull ? spec.lifecycle.pull : 'never', platform);
    const created = await client.containers
      .create(spec.name?.replace(/^\//, ''), createBody(spec, { apiVersion: this.apiVersion }), signal, platform)
      .catch((error: unknown) => {
        throw specRefusal(error);
      });
    const result: CreateResult = { id: created.id, name: spec.name?.replace(/^\//, '') ?? '', warnings: created.warnings, started: false };
    if (params.start) {
      try {
        // Not cancellable: the container exists now, and the user decides what happens to it.
        await client.containers.start(created.id);
        result.started = true;
      } catch (error) {
        // Created but not started: the container stays for the user to keep or remove.
        result.startError = toWireError(specRefusal(error));
      }
    }
    if (result.name === '') result.name = await this.nameOf(created.id);
    return result;
  }

  async runCommand(params: ParsedMethodParams<'containers.runCommand'>, signal?: AbortSignal): Promise<RunCommand> {
    const client = this.engine.client;
    const container = await client.containers.inspect(params.id, signal);
    // The image the container was made from (by id): its tag may have moved on since.
    const image = (await inspectImageConfig(client, container.Image ?? container.Config?.Image ?? '', signal)) ?? {};
    const info = await this.engine.client.system.info(signal);
    const engineHostname = container.HostConfig?.NetworkMode === 'host' ? (info.Name ?? undefined) : undefined;
    const defaults = {
      runtime: info.DefaultRuntime ?? undefined,
      loggingDriver: info.LoggingDriver ?? undefined,
      // The engine's default-cgroupns-mode follows the cgroup version unless configured otherwise.
      cgroupnsMode: info.CgroupVersion === '2' ? 'private' : 'host',
    };
    const spec = specFromInspect(container, { image, defaults, ...(engineHostname === undefined ? {} : { engineHostname }) });
    return { command: printRunCommand(spec), spec };
  }

  /** The engine's API version, for the create body (1.41 until it is known). */
  get apiVersion(): string {
    return this.engine.status.identity?.apiVersion ?? '1.41';
  }

  recreate(params: ParsedMethodParams<'containers.recreate'>, signal?: AbortSignal): Promise<CreateResult> {
    return recreateContainer(this, this.engine, params, signal);
  }

  private async nameOf(id: string): Promise<string> {
    try {
      return ((await this.engine.client.containers.inspect(id)).Name ?? '').replace(/^\//, '');
    } catch {
      return id.slice(0, 12);
    }
  }
}

/** The error a refused spec becomes: every field named, the first as `details.field` for the form. */
export function invalidSpec(issues: FieldIssue[]): BerthError {
  const shown = issues.slice(0, 3).map((issue) => `${issue.field}: ${issue.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new BerthError('invalid_argument', `${shown.join('; ')}${more}`, { field: issues[0]?.field ?? 'spec', issues });
}

/** The run domain's handlers (`runtime/api/run.ts`). */
export function runHandlers(engine: EngineConnection): HandlerSlice<typeof runContract> {
  const run = new RunService(engine);
  return {
    methods: {
      'containers.create': (params, signal) => run.create(params, signal),
      'containers.validateRun': (params, signal) => run.validateRun(params, signal),
      'containers.parseRunCommand': (params) => run.parseRunCommand(params),
      'containers.runCommand': (params, signal) => run.runCommand(params, signal),
      'containers.recreate': (params, signal) => run.recreate(params, signal),
    },
    streams: {},
  };
}
