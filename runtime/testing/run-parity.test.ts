import { describe, expect, it } from 'vitest';
import { fillLine, parityTable } from './run-parity.js';

const values = { img: 'busybox', bind: '/tmp/b', vol: 'v1' };

describe('fillLine', () => {
  it('fills the placeholders it has values for', () => {
    expect(fillLine('docker run -d -v {bind}:/h -v {vol}:/n {img} sh', values)).toBe('docker run -d -v /tmp/b:/h -v v1:/n busybox sh');
  });

  it('refuses a placeholder without a value rather than pass it on as text', () => {
    expect(() => fillLine('docker run -d --net {net} {img}', values)).toThrow('no value for {net}');
  });

  it('moves the table\'s host ports 18080-18099 to another range', () => {
    expect(fillLine('docker run -d -p 18083-18084:90-91 -p 127.0.0.1:18099:80 -p 80 {img}', { ...values, hostPortBase: 18180 })).toBe(
      'docker run -d -p 18183-18184:90-91 -p 127.0.0.1:18199:80 -p 80 busybox',
    );
  });

  it('every line run on every engine needs only what each engine can be given', () => {
    for (const { line } of parityTable.filter((entry) => entry.everyEngine)) expect(() => fillLine(line, values)).not.toThrow();
  });
});
