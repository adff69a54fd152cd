import { defineDomain, params, stream } from './define.js';
import { containerRef } from './refs.js';

/** Resource use of running containers, as the engine measures it. */

/** One sample of the `containers.stats` stream. */
export interface StatsSample {
  /** Milliseconds since the epoch. */
  time: number;
  /** CPU use in percent of ONE cpu (200 = two full cpus), like `docker stats`. */
  cpuPercent: number;
  onlineCpus: number;
  memoryUsageBytes: number;
  /** The memory limit in effect (the host's memory when unlimited). */
  memoryLimitBytes: number;
  pids: number;
}

export const statsContract = defineDomain({
  methods: {},
  streams: {
    'containers.stats': stream<StatsSample>()(
      params({ id: containerRef }),
      'Live resource use of one running container, about one sample a second.',
    ),
  },
});
