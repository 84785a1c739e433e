import { Badge, Box, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { DiffLine, DocumentRead, DocumentReport, RemovedClaim } from '../../client/types';
import { plural } from '../../lib/format';

/** The server types `report` loosely: read the lists defensively. */
export function reportOf(document: Pick<DocumentRead, 'report'>): { removed: RemovedClaim[]; missing: string[]; notice: string | null } {
  const report = (document.report ?? {}) as DocumentReport;
  return {
    removed: Array.isArray(report.removed) ? report.removed : [],
    missing: Array.isArray(report.missing_skills) ? report.missing_skills : [],
    notice: typeof report.notice === 'string' && report.notice ? report.notice : null,
  };
}

const chipListStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6 } as const;

/** What the guard took out: claims the profile and resume do not support. */
export function GuardReport({ document }: { document: DocumentRead }) {
  const { removed } = reportOf(document);
  if (removed.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="guard-title">
      <Title order={2} size="h4" id="guard-title" mb="xs">
        Claims we removed
      </Title>
      <Text size="sm" mb="xs">
        We removed {plural(removed.length, 'claim')} your profile doesn’t support:
      </Text>
      <List size="sm" spacing={6}>
        {removed.map((claim, i) => (
          <List.Item key={i}>
            <Text span fw={500}>
              “{claim.text}”
            </Text>
            {claim.reason ? (
              <Text span c="dimmed">
                {' '}
                ({claim.reason})
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        If they are true, add them to your profile or resume and write the document again.
      </Text>
    </Card>
  );
}

/** Skills the job asks for that the user does not have: said plainly, never written into the document. */
export function MissingSkills({ document }: { document: DocumentRead }) {
  const { missing } = reportOf(document);
  if (missing.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="missing-title">
      <Title order={2} size="h4" id="missing-title" mb="xs">
        Skills this job asks for that you don’t have
      </Title>
      <Box component="ul" style={chipListStyle} aria-labelledby="missing-title">
        {missing.map((skill) => (
          <li key={skill}>
            <Badge variant="light" color="orange" radius="sm" tt="none" fw={500} size="lg">
              {skill}
            </Badge>
          </li>
        ))}
      </Box>
      <Text size="xs" c="dimmed" mt="xs">
        They were not added to your resume. If you do have them, add them to your profile first.
      </Text>
    </Card>
  );
}

const MARKS: Record<DiffLine['op'], { sign: string; label: string; color?: string; background?: string }> = {
  equal: { sign: ' ', label: 'Unchanged' },
  // Mantine's darkest green (green-9) on green-0 is 4.07:1, under WCAG AA's 4.5:1 for body text.
  insert: { sign: '+', label: 'Added', color: '#237032', background: 'var(--mantine-color-green-0)' },
  delete: { sign: '−', label: 'Removed', color: 'var(--mantine-color-red-9)', background: 'var(--mantine-color-red-0)' },
};

function DiffRow({ line }: { line: DiffLine }) {
  const mark = MARKS[line.op];
  const Tag = line.op === 'insert' ? 'ins' : line.op === 'delete' ? 'del' : 'span';
  return (
    <Box component="li" px="xs" c={mark.color} bg={mark.background} className="pre-wrap wrap-anywhere">
      <Box component="span" aria-hidden="true" display="inline-block" w="1.5ch" fw={700}>
        {mark.sign}
      </Box>
      {line.op !== 'equal' ? <span className="visually-hidden">{mark.label}: </span> : null}
      <Box component={Tag} td="none">{line.text || ' '}</Box>
    </Box>
  );
}

/** A tailored resume against the original: added lines green with “+”, removed lines red with “−”. */
export function ResumeDiff({ diff }: { diff: DiffLine[] }) {
  const added = diff.filter((line) => line.op === 'insert').length;
  const removed = diff.filter((line) => line.op === 'delete').length;
  return (
    <Card component="section" aria-labelledby="diff-title">
      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4" id="diff-title">
            Changes from your resume
          </Title>
          <Text size="sm" c="dimmed">
            {plural(added, 'line')} added, {plural(removed, 'line')} removed
          </Text>
        </Group>
        {diff.length === 0 ? (
          <Text size="sm" c="dimmed">
            No changes.
          </Text>
        ) : (
          <Box
            component="ol"
            aria-label="Changes, line by line"
            p={0}
            m={0}
            ff="monospace"
            fz="sm"
            mah={480}
            className="plain-list scroll-y"
            tabIndex={0}
          >
            {diff.map((line, i) => (
              <DiffRow key={i} line={line} />
            ))}
          </Box>
        )}
      </Stack>
    </Card>
  );
}
