import {
  Badge,
  Button,
  Collapse,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useId } from 'react';
import type { RemoteType } from '../../client/types';
import { ChevronDownIcon, FilterIcon } from '../../components/icons';
import { useDebouncedCommit } from '../../hooks/useDebouncedCommit';
import { REMOTE_LABELS } from '../../lib/format';
import { activeFilterCount, REMOTE_FILTER_VALUES, type JobSearch } from './jobSearch';

interface JobFiltersProps {
  search: JobSearch;
  onChange: (patch: Partial<JobSearch>, options?: { replace?: boolean }) => void;
  onClear: () => void;
  /** Offer "Reset filters" (not while the empty state offers "Clear filters"). */
  showReset?: boolean;
}

const REMOTE_OPTIONS = REMOTE_FILTER_VALUES.map((value) => ({ value, label: REMOTE_LABELS[value] }));

const TRACKED_OPTIONS = [
  { value: '', label: 'All' },
  { value: 'true', label: 'Tracked' },
  { value: 'false', label: 'Not tracked' },
];

function DebouncedText({
  label,
  value,
  onCommit,
  placeholder,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
}) {
  const { draft, setDraft, flush } = useDebouncedCommit(value, onCommit);
  return (
    <TextInput
      label={label}
      value={draft}
      placeholder={placeholder}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={flush}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          flush();
        }
      }}
    />
  );
}

function SalaryFilter({ value, onCommit }: { value: number | null; onCommit: (value: number | null) => void }) {
  const { draft, setDraft, flush } = useDebouncedCommit(value === null ? '' : String(value), (next) => {
    const amount = Number(next);
    onCommit(next.trim() === '' || !Number.isFinite(amount) ? null : Math.max(0, Math.floor(amount)));
  });
  return (
    <NumberInput
      label="Minimum salary"
      value={draft}
      onChange={(next) => setDraft(String(next))}
      onBlur={flush}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          flush();
        }
      }}
      min={0}
      step={5000}
      allowNegative={false}
      allowDecimal={false}
      thousandSeparator
      placeholder="Any"
      hideControls
    />
  );
}

/** Company, location, remote, salary, date and tracking filters; folded away on phones. */
export function JobFilters({ search, onChange, onClear, showReset = true }: JobFiltersProps) {
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  // The search box is not a filter here: it has its own field above.
  const count = activeFilterCount({ ...search, q: '' });
  const expanded = !isPhone || opened;

  return (
    <div>
      {isPhone ? (
        <Button
          variant="default"
          fullWidth
          justify="space-between"
          onClick={toggle}
          aria-expanded={opened}
          aria-controls={panelId}
          rightSection={
            <ChevronDownIcon size={16} className="chevron" data-open={opened || undefined} />
          }
        >
          <Group gap={8} wrap="nowrap" component="span">
            <FilterIcon size={16} />
            Filters
            {count ? (
              <Badge size="sm" circle aria-hidden component="span">
                {count}
              </Badge>
            ) : null}
            {count ? <VisuallyHidden> ({count} active)</VisuallyHidden> : null}
          </Group>
        </Button>
      ) : null}
      <Collapse expanded={expanded} id={panelId} keepMountedMode="display-none">
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="sm" pt={isPhone ? 'sm' : 0}>
          <DebouncedText
            label="Company"
            value={search.company}
            placeholder="Any company"
            onCommit={(company) => onChange({ company }, { replace: true })}
          />
          <DebouncedText
            label="Location"
            value={search.location}
            placeholder="City, country…"
            onCommit={(location) => onChange({ location }, { replace: true })}
          />
          <MultiSelect
            label="Remote"
            data={REMOTE_OPTIONS}
            value={search.remote}
            onChange={(values) => onChange({ remote: values as RemoteType[] })}
            placeholder={search.remote.length ? undefined : 'Any'}
            clearable
            // Unmounted when closed: a hidden listbox would share the field's label.
            comboboxProps={{ withinPortal: true, keepMounted: false }}
          />
          <SalaryFilter value={search.salaryMin} onCommit={(salaryMin) => onChange({ salaryMin }, { replace: true })} />
          <TextInput
            label="Posted since"
            type="date"
            value={search.postedSince}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) onChange({ postedSince: value });
            }}
          />
          <NativeSelect
            label="Tracked"
            data={TRACKED_OPTIONS}
            value={search.tracked}
            onChange={(event) => onChange({ tracked: event.currentTarget.value as JobSearch['tracked'] })}
          />
        </SimpleGrid>
        {count > 0 && showReset ? (
          <Group justify="flex-end" mt="xs">
            <Button variant="subtle" size="compact-sm" onClick={onClear}>
              Reset filters
            </Button>
          </Group>
        ) : null}
      </Collapse>
    </div>
  );
}
