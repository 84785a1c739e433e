import { Button, Select } from '@mantine/core';
import { memo, type ReactNode } from 'react';

interface TimezoneSelectProps {
  value: string;
  onChange: (timezone: string) => void;
  zones: string[];
  browserZone: string | undefined;
  error?: ReactNode;
}

/**
 * Searchable IANA timezone picker with a one-click "use the browser's zone".
 * Memoised: its ~400 options should not re-render on every keystroke elsewhere in the form.
 */
export const TimezoneSelect = memo(function TimezoneSelect({
  value,
  onChange,
  zones,
  browserZone,
  error,
}: TimezoneSelectProps) {
  return (
    <div>
      <Select
        label="Timezone"
        name="timezone"
        searchable
        required
        allowDeselect={false}
        nothingFoundMessage="No matching timezone"
        maxDropdownHeight={280}
        data={zones}
        value={value}
        onChange={(next) => onChange(next ?? '')}
        error={error}
      />
      {browserZone && browserZone !== value ? (
        <Button
          variant="subtle"
          size="compact-sm"
          mt={6}
          px={4}
          onClick={() => onChange(browserZone)}
          maw="100%"
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
        >
          Use browser timezone ({browserZone})
        </Button>
      ) : null}
    </div>
  );
});
