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

export const systemContract = defineDomain({
  methods: {
    'system.info': method<SystemInfo>()(
      noParams,
      "The engine's host: OS, kernel, CPUs, memory, storage and cgroup drivers, rootless or not, and how many containers and images it holds (`docker info`).",
    ),
  },
});
