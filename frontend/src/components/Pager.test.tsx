import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { pageCount, Pager } from './Pager';

function renderPager(props: { page: number; pages: number; scrollToTop?: boolean }) {
  const onChange = vi.fn();
  const utils = render(
    <MantineProvider>
      <Pager {...props} onChange={onChange} />
    </MantineProvider>,
  );
  return { ...utils, onChange, user: userEvent.setup() };
}

describe('Pager', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });

  it('shows nothing for a single page', () => {
    renderPager({ page: 1, pages: 1 });
    expect(screen.queryByRole('group', { name: 'Pages' })).not.toBeInTheDocument();
  });

  it('names its controls and reports the page chosen', async () => {
    const { onChange, user } = renderPager({ page: 1, pages: 3 });
    expect(screen.getByRole('group', { name: 'Pages' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onChange).toHaveBeenLastCalledWith(2);
    await user.click(screen.getByRole('button', { name: 'Page 3' }));
    expect(onChange).toHaveBeenLastCalledWith(3);
  });

  it('shows the last page as current past the end, and scrolls up when asked', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const { onChange, user } = renderPager({ page: 9, pages: 2, scrollToTop: true });
    expect(screen.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(onChange).toHaveBeenCalledWith(1);
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
  });
});
