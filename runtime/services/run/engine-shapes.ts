/**
 * The parts of the engine's inspect answers the run services read, typed here once: dockerode's
 * own types are loose and engines (Podman) and API versions leave fields out, so every field
 * a service relies on is optional or nullable as the engines actually send it.
 */

/** `GET /containers/{id}/json`. */
export interface InspectedContainer {
  Id: string;
  Name: string;
  /** The id of the image the container was created from. */
  Image?: string;
  Config: {
    Hostname?: string;
    User?: string;
    Tty?: boolean;
    OpenStdin?: boolean;
    Env?: string[] | null;
    Cmd?: string[] | null;
    Image: string;
    Volumes?: Record<string, unknown> | null;
    WorkingDir?: string;
    Entrypoint?: string[] | null;
    Labels?: Record<string, string> | null;
  };
  HostConfig: {
    Binds?: string[] | null;
    NetworkMode?: string;
    PortBindings?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;
    RestartPolicy?: { Name?: string; MaximumRetryCount?: number };
    AutoRemove?: boolean;
    CapAdd?: string[] | null;
    CapDrop?: string[] | null;
    Dns?: string[] | null;
    ExtraHosts?: string[] | null;
    IpcMode?: string;
    PidMode?: string;
    Privileged?: boolean;
    PublishAllPorts?: boolean;
    ReadonlyRootfs?: boolean;
    CpuShares?: number;
    Memory?: number;
    NanoCpus?: number;
    CpuQuota?: number;
    CpuPeriod?: number;
    CpusetCpus?: string;
    MemoryReservation?: number;
    MemorySwap?: number;
    PidsLimit?: number | null;
    Tmpfs?: Record<string, string> | null;
    Init?: boolean | null;
    Mounts?: { Type?: string; Source?: string; Target?: string; ReadOnly?: boolean; TmpfsOptions?: { SizeBytes?: number; Mode?: number } }[] | null;
  };
  /** The mounts in effect, with the names of anonymous volumes. */
  Mounts?: { Type?: string; Name?: string; Source?: string; Destination?: string; RW?: boolean }[] | null;
  State?: { Running?: boolean };
}

/** The image's own config (`GET /images/{id}/json` -> `Config`); empty when the image is gone. */
export interface InspectedImageConfig {
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Env?: string[] | null;
  Labels?: Record<string, string> | null;
  Volumes?: Record<string, unknown> | null;
  WorkingDir?: string;
  User?: string;
}
