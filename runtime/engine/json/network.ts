import { z } from 'zod';

/**
 * The engine's network JSON, typed once: `GET /networks` items and `GET /networks/{id}`, the
 * create and prune answers, and the network part of the container list and inspect. Every field
 * is optional and nullable as engines send them (Podman leaves some out); only id and name are
 * required. Objects are loose: fields Berth does not read pass through.
 */

const text = z.string().nullish();
const flag = z.boolean().nullish();
const textMap = z.record(z.string(), z.string()).nullish();

const ipamConfigSchema = z.looseObject({ Subnet: text, Gateway: text, IPRange: text, AuxiliaryAddresses: textMap });

/** One network, as both the list and inspect give it (inspect adds `Containers` with addresses). */
export const engineNetworkSchema = z.looseObject({
  Id: z.string(),
  Name: z.string(),
  Created: text,
  Scope: text,
  Driver: text,
  EnableIPv6: flag,
  IPAM: z.looseObject({ Driver: text, Options: textMap, Config: z.array(ipamConfigSchema).nullish() }).nullish(),
  Internal: flag,
  Attachable: flag,
  Ingress: flag,
  ConfigOnly: flag,
  /** Running containers only (their endpoints), by container id: empty in the list of API 1.28 and later. */
  Containers: z.record(z.string(), z.looseObject({ Name: text, MacAddress: text, IPv4Address: text, IPv6Address: text }).nullish()).nullish(),
  Options: textMap,
  Labels: textMap,
});

export const engineNetworkListSchema = z.array(engineNetworkSchema).nullable();

/** `POST /networks/create`. */
export const engineNetworkCreatedSchema = z.looseObject({ Id: z.string(), Warning: text });

/** `POST /networks/prune`: the names of the networks removed. */
export const engineNetworksPrunedSchema = z.looseObject({ NetworksDeleted: z.array(z.string()).nullish() });

/** What a container's `NetworkSettings.Networks.<name>` holds: in the list (no aliases there) and in inspect. */
export const engineEndpointSettingsSchema = z.looseObject({
  /** Docker: the network's id ("" for a container never started); Podman: the network's name. */
  NetworkID: text,
  IPAddress: text,
  GlobalIPv6Address: text,
  MacAddress: text,
  /** Only in inspect (and in Podman's list). */
  Aliases: z.array(z.string()).nullish(),
  IPAMConfig: z.looseObject({ IPv4Address: text, IPv6Address: text }).nullish(),
});

/** One container of `GET /containers/json`, read for its networks only. */
export const engineContainerNetworksSchema = z.looseObject({
  Id: z.string(),
  Names: z.array(z.string()).nullish(),
  State: text,
  NetworkSettings: z.looseObject({ Networks: z.record(z.string(), engineEndpointSettingsSchema.nullish()).nullish() }).nullish(),
});

export const engineContainerNetworksListSchema = z.array(engineContainerNetworksSchema).nullable();

/** `GET /info`, read for the network drivers the engine has. */
export const engineNetworkPluginsSchema = z.looseObject({ Plugins: z.looseObject({ Network: z.array(z.string()).nullish() }).nullish() });

export type EngineNetwork = z.output<typeof engineNetworkSchema>;
export type EngineNetworkCreated = z.output<typeof engineNetworkCreatedSchema>;
export type EngineNetworksPruned = z.output<typeof engineNetworksPrunedSchema>;
export type EngineEndpointSettings = z.output<typeof engineEndpointSettingsSchema>;
export type EngineContainerNetworks = z.output<typeof engineContainerNetworksSchema>;
