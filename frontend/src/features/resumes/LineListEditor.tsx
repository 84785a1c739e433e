import { ActionIcon, Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useId, useRef } from 'react';
import { ChevronDownIcon, PlusIcon } from '../../components/icons';
import { newLine, type LineValue, type StructureValues } from './structure';

interface LineListEditorProps {
  form: UseFormReturnType<StructureValues>;
  /** The list's path in the form: `work.0.highlights`. */
  path: string;
  lines: LineValue[];
  /** "Highlights": the list's title; each line is "Highlight 2" to assistive technology. */
  title: string;
  itemLabel: string;
  max: number;
}

/**
 * Lines edited in place (a role's highlights): add, remove, and move up or down with buttons, so the order can be
 * changed from the keyboard; focus follows the moved line, or lands on the new one.
 */
export function LineListEditor({ form, path, lines, title, itemLabel, max }: LineListEditorProps) {
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    root.current?.querySelector<HTMLElement>(`[data-focus-id="${target}"]`)?.focus();
  }, [lines]);

  const add = () => {
    const line = newLine();
    pendingFocus.current = `${line.key}:text`;
    form.insertListItem(path, line);
  };
  const move = (from: number, to: number, direction: 'up' | 'down') => {
    const line = lines[from];
    // At the top (or bottom) the button disappears: focus the other one.
    const edge = direction === 'up' ? to === 0 : to === lines.length - 1;
    pendingFocus.current = `${line.key}:${edge ? (direction === 'up' ? 'down' : 'up') : direction}`;
    form.reorderListItem(path, { from, to });
  };
  const remove = (index: number) => {
    const neighbour = lines[index + 1] ?? lines[index - 1];
    pendingFocus.current = neighbour ? `${neighbour.key}:text` : 'add';
    form.removeListItem(path, index);
  };

  return (
    <Stack gap={6} ref={root}>
      <Text size="sm" fw={500} id={titleId}>
        {title}
      </Text>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet.
        </Text>
      ) : (
        <Stack component="ol" gap={6} m={0} p={0} className="plain-list" aria-labelledby={titleId}>
          {lines.map((line, i) => (
            <Group component="li" key={line.key} gap={4} wrap="wrap" align="flex-start">
              <Textarea
                data-focus-id={`${line.key}:text`}
                aria-label={`${itemLabel} ${i + 1}`}
                autosize
                minRows={1}
                maxRows={6}
                maxLength={600}
                flex="1 1 14rem"
                miw={0}
                {...form.getInputProps(`${path}.${i}.text`)}
              />
              <Group gap={2} wrap="nowrap" pt={4} ml="auto">
                {i > 0 ? (
                  <ActionIcon data-focus-id={`${line.key}:up`} variant="subtle" color="gray" aria-label={`Move ${itemLabel.toLowerCase()} ${i + 1} up`} onClick={() => move(i, i - 1, 'up')}>
                    <ChevronDownIcon size={16} className="flip" />
                  </ActionIcon>
                ) : (
                  <Box w={28} aria-hidden="true" />
                )}
                {i < lines.length - 1 ? (
                  <ActionIcon data-focus-id={`${line.key}:down`} variant="subtle" color="gray" aria-label={`Move ${itemLabel.toLowerCase()} ${i + 1} down`} onClick={() => move(i, i + 1, 'down')}>
                    <ChevronDownIcon size={16} />
                  </ActionIcon>
                ) : (
                  <Box w={28} aria-hidden="true" />
                )}
                <ActionIcon variant="subtle" color="red" aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`} onClick={() => remove(i)}>
                  <Box component="span" aria-hidden="true" fz={18} lh={1}>
                    ×
                  </Box>
                </ActionIcon>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <Box>
        <Button data-focus-id="add" variant="subtle" size="compact-sm" leftSection={<PlusIcon size={14} />} onClick={add} disabled={lines.length >= max}>
          Add {itemLabel.toLowerCase()}
        </Button>
      </Box>
    </Stack>
  );
}
