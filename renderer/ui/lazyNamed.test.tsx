// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyNamed, Loading } from './lazyNamed.js';

afterEach(cleanup);

function Charts({ title }: { title: string }) {
  return <h2>{title}</h2>;
}

describe('lazyNamed and Loading', () => {
  it('says what is loading as a status until the module arrives, then draws its named export with the props given', async () => {
    let arrive: (module: { Charts: typeof Charts }) => void = () => {};
    let loads = 0;
    const LazyCharts = lazyNamed(() => {
      loads++;
      return new Promise<{ Charts: typeof Charts }>((resolve) => (arrive = resolve));
    }, 'Charts');
    expect(loads).toBe(0);

    render(
      <Loading what="the charts">
        <LazyCharts title="CPU" />
      </Loading>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading the charts…');
    expect(loads).toBe(1);

    await act(async () => {
      arrive({ Charts });
      await Promise.resolve();
    });
    expect(screen.getByRole('heading', { name: 'CPU' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
