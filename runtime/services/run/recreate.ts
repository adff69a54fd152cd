import { randomBytes } from 'node:crypto';
import { BerthError, toWireError, type CreateResult, type MountSpec, type ParsedMethodParams, type RunSpec } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineContainer } from '../../engine/json/container.js';
import type { EngineImageConfig } from '../../engine/json/image.js';
import { createBody } from './create-body.js';
import { ensureImage, inspectImageConfig, specRefusal } from './engine-calls.js';
import type { RunService } from './run-service.js';

/**
 * Replaces a container by one made from an edited RunSpec, under the same name, so that any
 * failure leaves the original exactly as it was: the original is renamed aside and stopped
 * (not removed), the new one created and started under the name, and only then is the
 * original removed. A failing step undoes the earlier ones in reverse. Its anonymous volumes
 * (and those its image declares) move to the new container by name, so no data is left behind.
 */
export async function recreateContainer(
  service: RunService,
  engine: EngineConnection,
  params: ParsedMethodParams<'containers.recreate'>,
  signal?: AbortSignal,
): Promise<CreateResult> {
  const client = engine.client;
  const containers = client.containers;
  // Engine failures arrive as BerthErrors already; anything else is a bug, reported as `internal`.
  const engineError = (error: unknown) => (error instanceof BerthError ? error : BerthError.fromWire(toWireError(error)));

  const original = await containers.inspect(params.id, signal);
  const originalImage = (await inspectImageConfig(client, original.Image ?? original.Config?.Image ?? '', signal)) ?? {};
  const originalName = (original.Name ?? '').replace(/^\//, '');
  const name = (params.spec.name ?? originalName).replace(/^\//, '');
  const wasRunning = original.State?.Running === true;
  if (wasRunning && original.HostConfig?.AutoRemove) {
    throw new BerthError(
      'conflict',
      `${originalName} runs with --rm: stopping it would remove it, so it cannot be replaced without risking it. Recreate it once it is stopped, or run a new container.`,
    );
  }

  const spec = await service.checked(withReusedVolumes({ ...params.spec, name }, original, originalImage), { excludeContainerId: original.Id, signal });
  await ensureImage(client, spec.image, signal, spec.lifecycle.pull, spec.lifecycle.platform);

  // From here on the original changes. Nothing below takes the signal: a recreate cancelled
  // halfway would be worse than one that finishes (or rolls back) a moment later.
  const originalId = original.Id;
  const undo: { step: string; run: () => Promise<unknown> }[] = [];
  let step = 'rename';
  try {
    // Renamed aside first, so the new container can take the name (the same one, or an edited one).
    await containers.rename(originalId, `${originalName}-berth-old-${randomBytes(3).toString('hex')}`);
    undo.push({ step: 'rename back', run: () => containers.rename(originalId, originalName) });
    if (wasRunning) {
      step = 'stop';
      await containers.stop(originalId, undefined); // already stopped meanwhile (304) is fine
      undo.push({ step: 'start again', run: () => containers.start(originalId) });
    }
    step = 'create';
    const created = await containers.create(name, createBody(spec, { apiVersion: service.apiVersion }), undefined, spec.lifecycle.platform);
    undo.push({ step: 'remove the new container', run: () => containers.remove(created.id, { force: true }) });
    if (wasRunning) {
      step = 'start';
      await containers.start(created.id);
    }

    const warnings = [...created.warnings];
    try {
      // Its volumes stay: the new container uses them.
      await containers.remove(originalId, { force: true, volumes: false });
    } catch (error) {
      warnings.push(`The new container runs, but the original could not be removed: ${engineError(error).message}`);
    }
    return { id: created.id, name, warnings, started: wasRunning };
  } catch (error) {
    const failure = engineError(step === 'create' || step === 'start' ? specRefusal(error) : error);
    const rollbackErrors: string[] = [];
    for (const action of undo.reverse()) {
      try {
        await action.run();
      } catch (rollbackError) {
        rollbackErrors.push(`${action.step}: ${engineError(rollbackError).message}`);
      }
    }
    throw new BerthError(failure.code, failure.message, {
      ...failure.details,
      step,
      restored: rollbackErrors.length === 0,
      ...(rollbackErrors.length > 0 ? { rollbackErrors } : {}),
    });
  }
}

/**
 * Anonymous volumes asked for in the spec, and those the image declares, become the original's
 * volumes by name at the same target. A target the spec mounts explicitly is left alone, and
 * so is a volume the user removed from the spec (unless the image declares it: the engine
 * would then make a fresh one and the data would be stranded).
 */
export function withReusedVolumes(spec: RunSpec, original: EngineContainer, image: EngineImageConfig): RunSpec {
  const trim = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
  const anonymousFlags = spec.mountFlags.filter((mount) => mount.type === 'volume' && (mount.source ?? '') === '');
  const explicit = new Set([
    ...spec.mounts.filter((mount) => mount.type !== 'anonymous').map((mount) => trim(mount.target)),
    ...spec.mountFlags.filter((mount) => !anonymousFlags.includes(mount)).map((mount) => trim(mount.target)),
  ]);
  const wanted = new Set([
    ...spec.mounts.filter((mount) => mount.type === 'anonymous').map((mount) => trim(mount.target)),
    ...anonymousFlags.map((mount) => trim(mount.target)),
    ...Object.keys(image.Volumes ?? {}).map(trim),
  ]);
  const named = new Set([
    ...(original.HostConfig?.Binds ?? []).map((bind) => bind.split(':')[0] ?? ''),
    ...(original.HostConfig?.Mounts ?? []).map((mount) => mount.Source ?? ''),
  ]);

  const reused = new Map<string, MountSpec>();
  for (const mount of original.Mounts ?? []) {
    const target = trim(mount.Destination ?? '');
    if (mount.Type !== 'volume' || !mount.Name || named.has(mount.Name) || explicit.has(target) || !wanted.has(target)) continue;
    reused.set(target, { type: 'volume', source: mount.Name, target: mount.Destination ?? target, readOnly: mount.RW === false });
  }
  if (reused.size === 0) return spec;

  // An anonymous `--mount type=volume` keeps its options and names the original's volume.
  const mountFlags = spec.mountFlags.map((mount) => {
    const volume = anonymousFlags.includes(mount) ? reused.get(trim(mount.target)) : undefined;
    if (volume?.type !== 'volume') return mount;
    reused.delete(trim(mount.target));
    return { ...mount, source: volume.source };
  });
  const mounts = spec.mounts.map((mount) => (mount.type === 'anonymous' ? (reused.get(trim(mount.target)) ?? mount) : mount));
  const placed = new Set([...mounts.map((mount) => trim(mount.target)), ...mountFlags.map((mount) => trim(mount.target))]);
  for (const [target, mount] of reused) if (!placed.has(target)) mounts.push(mount);
  return { ...spec, mounts, mountFlags };
}
