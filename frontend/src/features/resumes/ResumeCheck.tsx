import { Accordion, Badge, Box, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { QueryError } from '../../components/QueryError';
import { useResumeCheck, type AtsFinding, type AtsSeverity, type ResumeCheck as Check } from './useResumeCheck';

const SEVERITY: Record<AtsSeverity, { label: string; color: string }> = {
  error: { label: 'Must fix', color: 'red' },
  warning: { label: 'Worth fixing', color: 'yellow' },
  ok: { label: 'Fine', color: 'green' },
};

/** The score as words: the text alternative of the bar, and what a screen reader hears. */
export function scoreText(check: Pick<Check, 'score' | 'label'>): string {
  return `${check.score} of 100 — ${check.label}`;
}

function scoreColor(score: number): string {
  if (score >= 85) return 'green';
  if (score >= 70) return 'yellow';
  if (score >= 40) return 'orange';
  return 'red';
}

/** "2 must fix, 1 worth fixing, 6 fine" (parts with none left out). */
export function findingCounts(findings: readonly Pick<AtsFinding, 'severity'>[]): string {
  return (['error', 'warning', 'ok'] as const)
    .map((severity) => [findings.filter((f) => f.severity === severity).length, SEVERITY[severity].label] as const)
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label.toLowerCase()}`)
    .join(', ');
}

function Finding({ finding }: { finding: AtsFinding }) {
  const severity = SEVERITY[finding.severity];
  return (
    <Box component="li" py={6}>
      <Stack gap={4}>
        <Group gap="xs" align="center">
          <Badge color={severity.color} variant="light" radius="sm" tt="none" size="sm">
            {severity.label}
          </Badge>
          <Text size="sm" fw={600} className="wrap-anywhere">
            {finding.title}
          </Text>
        </Group>
        <Text size="sm" className="wrap-anywhere">
          {finding.detail}
        </Text>
        {finding.fix ? (
          <Text size="sm" className="wrap-anywhere">
            <strong>How to fix: </strong>
            {finding.fix}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}

function FindingList({ findings, label }: { findings: AtsFinding[]; label: string }) {
  return (
    <Box component="ul" aria-label={label} p={0} m={0} className="plain-list">
      {findings.map((finding) => (
        <Finding key={`${finding.code}-${finding.title}`} finding={finding} />
      ))}
    </Box>
  );
}

function Field({ term, value }: { term: string; value: string | string[] }) {
  const shown = Array.isArray(value) ? value.join(', ') : value;
  return (
    <Box py={4} className="rule-bottom">
      <Text component="dt" size="xs" c="dimmed">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} className="wrap-anywhere">
        {shown || 'Not found'}
      </Text>
    </Box>
  );
}

/** What the ATS takes from the file: the fields it fills in, then the plain text. */
function Parsed({ parsed }: { parsed: Check['parsed'] }) {
  return (
    <Stack gap="sm">
      <Box component="dl" m={0} aria-label="Fields an ATS fills in">
        <Field term="Name" value={parsed.name} />
        <Field term="Email" value={parsed.email} />
        <Field term="Phone" value={parsed.phone} />
        <Field term="Job titles" value={parsed.titles} />
        <Field term="Employers" value={parsed.employers} />
        <Field term="Schools" value={parsed.schools} />
        <Field term="Sections" value={parsed.headings} />
      </Box>
      {parsed.text ? (
        <Box
          component="pre"
          tabIndex={0}
          aria-label="The text an ATS reads"
          m={0}
          p="xs"
          mah={320}
          fz="sm"
          className="ats-text pre-wrap wrap-anywhere"
        >
          {parsed.text}
        </Box>
      ) : (
        <Text size="sm">An ATS gets no text from this file.</Text>
      )}
    </Stack>
  );
}

/** The resume check on a resume's card: a score, what to fix (errors first), what is fine, and the parse. */
export function ResumeCheck({ resumeId }: { resumeId: number }) {
  const check = useResumeCheck(resumeId);
  const titleId = `resume-check-title-${resumeId}`;
  let body;
  if (check.isPending) {
    body = (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Checking your resume">
        <Skeleton h={28} w={160} />
        <Skeleton h={8} />
        <Skeleton h={48} />
      </Stack>
    );
  } else if (check.isError) {
    body = (
      <QueryError
        error={check.error}
        onRetry={() => check.refetch()}
        retrying={check.isFetching}
        title="Could not check this resume"
      />
    );
  } else {
    const { data } = check;
    const toFix = data.findings.filter((f) => f.severity !== 'ok');
    const fine = data.findings.filter((f) => f.severity === 'ok');
    body = (
      <Stack gap="sm">
        <Group gap="sm" align="center" wrap="nowrap">
          <Text fz={36} fw={700} lh={1} aria-hidden="true">
            {data.score}
          </Text>
          <div>
            <Text fw={600}>{scoreText(data)}</Text>
            <Text size="sm" c="dimmed">
              {findingCounts(data.findings)}
            </Text>
          </div>
        </Group>
        <Progress value={data.score} color={scoreColor(data.score)} size="sm" aria-hidden="true" />
        {toFix.length > 0 ? (
          <FindingList findings={toFix} label="Things to fix" />
        ) : (
          <Text size="sm">Nothing to fix: an ATS reads this file as you wrote it.</Text>
        )}
        <Accordion multiple variant="separated" chevronPosition="left">
          {fine.length > 0 ? (
            <Accordion.Item value="fine">
              <Accordion.Control>{`What is fine (${fine.length})`}</Accordion.Control>
              <Accordion.Panel>
                <FindingList findings={fine} label="What is fine" />
              </Accordion.Panel>
            </Accordion.Item>
          ) : null}
          <Accordion.Item value="parsed">
            <Accordion.Control>What an ATS reads</Accordion.Control>
            <Accordion.Panel>
              <Parsed parsed={data.parsed} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <div>
        <Title order={3} size="h5" id={titleId}>
          Resume check
        </Title>
        <Text size="sm" c="dimmed">
          How an applicant tracking system (ATS), the software employers use to sort applications, reads this file.
        </Text>
      </div>
      {body}
    </Stack>
  );
}
