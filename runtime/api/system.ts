import { defineDomain, method, noParams } from './define.js';

/** The engine's host as the engine describes it (`docker info`): for the dashboard and for scripts. */

export interface SystemInfo {
  engineId: string;
  /** The engine host's name. */
  hostName: string;
  /** E.g. "Debian GNU/Linux 12 (bookworm)". */
  operatingSystem: string;
  /** `linux` or `windows`. */
  osType: string;
  kernelVersion: string;
  /** E.g. `x86_64`, `aarch64`. */
  architecture: string;
  cpus: number;
  memoryBytes: number;
  /** E.g. `overlay2`. */
  storageDriver: string;
  /** `1` or `2`; empty when the engine does not say. */
  cgroupVersion: string;
  /** `cgroupfs` or `systemd`. */
  cgroupDriver: string;
  /** Whether the engine runs without root (from its security options). */
  rootless: boolean;
  /** The engine's security options, e.g. `name=seccomp,profile=default`. */
  securityOptions: string[];
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
}

/** `system.version`: the engine's side of `docker version`. */
export interface SystemVersion {
  engineId: string;
  /** E.g. "Docker Engine - Community"; empty when the engine does not say. */
  platform: string;
  version: string;
  /** The newest API version the engine speaks, e.g. `1.41`. */
  apiVersion: string;
  /** The oldest API version it still accepts. */
  minApiVersion: string;
  gitCommit: string;
  goVersion: string;
  os: string;
  arch: string;
  kernelVersion: string;
  /** As the engine writes it, e.g. `2023-01-01T00:00:00.000000000+00:00`. */
  buildTime: string;
  experimental: boolean;
  /** The parts it is made of, e.g. containerd, runc, docker-init, with their versions. */
  components: { name: string; version: string }[];
}

export const systemContract = defineDomain({
  methods: {
    'system.info': method<SystemInfo>()(
      noParams,
      "The engine's host: OS, kernel, CPUs, memory, storage and cgroup drivers, rootless or not, and how many containers and images it holds (`docker info`).",
    ),
    'system.version': method<SystemVersion>()(
      noParams,
      "The engine's version, API versions, build and components, as the server part of `docker version` shows them.",
    ),
  },
});
