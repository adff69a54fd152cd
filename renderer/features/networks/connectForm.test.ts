import { describe, expect, it } from 'vitest';
import { network } from '../../testing/fakeHost.js';
import { readConnectForm } from './connectForm.js';

const appNet = network({ name: 'app-net', subnets: [{ subnet: '10.1.0.0/24', gateway: '10.1.0.1', ipRange: null }] });

describe('the Connect form', () => {
  it('reads aliases separated by spaces or commas, and fixed addresses inside the subnet', () => {
    expect(readConnectForm({ aliases: 'api, web  db', ipv4Address: ' 10.1.0.9 ', ipv6Address: '' }, appNet)).toEqual({
      aliases: ['api', 'web', 'db'],
      ipv4Address: '10.1.0.9',
      ipv6Address: undefined,
      problems: {},
    });
  });

  it('names an address outside the subnet, one of a family the network lacks, and a bad alias', () => {
    expect(readConnectForm({ aliases: 'a/b', ipv4Address: '10.2.0.9', ipv6Address: 'fd00::9' }, appNet).problems).toEqual({
      aliases: 'Aliases: "a/b" must start with a letter or digit and use only letters, digits, _ . -',
      ipv4Address: 'IPv4 address: 10.2.0.9 is outside the IPv4 subnet of network app-net (10.1.0.0/24)',
      ipv6Address: 'IPv6 address: network app-net has no IPv6 subnet',
    });
  });
});
