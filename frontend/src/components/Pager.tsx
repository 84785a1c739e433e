import { Group, Pagination } from '@mantine/core';

/** How many pages `total` items fill, `size` to a page; at least one. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

interface PagerProps {
  /** The page shown, from 1; past the last, the last is shown as current. */
  page: number;
  /** How many pages there are: with one or none, nothing is shown. */
  pages: number;
  onChange: (page: number) => void;
  /** Back to the top of the window after a change, for a list as long as the page. */
  scrollToTop?: boolean;
}

/** The page controls under a paged list: a labelled group, "Page n" buttons, "Previous page" and "Next page". */
export function Pager({ page, pages, onChange, scrollToTop = false }: PagerProps) {
  if (pages <= 1) return null;
  return (
    <Group justify="center" role="group" aria-label="Pages">
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={(next) => {
          onChange(next);
          if (scrollToTop) window.scrollTo({ top: 0 });
        }}
        siblings={1}
        boundaries={1}
        getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
        getControlProps={(control) => ({
          'aria-label': control === 'next' ? 'Next page' : control === 'previous' ? 'Previous page' : control,
        })}
      />
    </Group>
  );
}
