import { Alert, Badge, Box, Card, Grid, List, Stack, Text, Title } from '@mantine/core';
import { Fragment, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocumentRead, LetterSentence, SentenceSource } from '../../client/types';
import { plural } from '../../lib/format';
import { reportOf } from './DocumentReport';
import { PLACEHOLDER, placeholdersIn, reportSentences, segmentLetter, sourceKind } from './provenance';

/** Text with its placeholders marked, so none goes out unfilled. */
export function withPlaceholders(text: string, key = 'p'): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > last) nodes.push(text.slice(last, at));
    nodes.push(
      <mark key={`${key}-${at}`} className="placeholder">
        {match[0]}
      </mark>,
    );
    last = at + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/** "This letter has 2 placeholders to fill in before you send it" — shown above everything else. */
export function PlaceholderNotice({ document }: { document: DocumentRead }) {
  const count = placeholdersIn(document.content).length;
  if (count === 0) return null;
  const noun = document.kind === 'cover_letter' ? 'letter' : 'resume';
  return (
    <Alert color="orange" variant="light" title={`This ${noun} has ${plural(count, 'placeholder')} to fill in before you send it`}>
      They are in square brackets, <mark className="placeholder">[like this]</mark>: replace each with your own words in the editor
      below, then save.
    </Alert>
  );
}

/** What the claim check took out of a letter, and why. */
export function LeftOut({ document }: { document: DocumentRead }) {
  const { removed } = reportOf(document);
  if (removed.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="left-out-title">
      <Title order={2} size="h4" id="left-out-title" mb="xs">
        Left out: not supported by your resume
      </Title>
      <List size="sm" spacing={6}>
        {removed.map((claim, i) => (
          <List.Item key={i}>
            <Text span fw={500}>
              “{claim.text}”
            </Text>
            {claim.reason ? (
              <Text span c="dimmed">
                {' '}
                — {claim.reason}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        If one is true, add it to your resume’s structure or your profile and write the letter again.
      </Text>
    </Card>
  );
}

function SourceItem({ source }: { source: SentenceSource }) {
  const kind = sourceKind(source.kind);
  const note =
    source.kind === 'courtesy' ? 'A standard courtesy sentence' : source.kind === 'placeholder' ? 'Fill this in before sending' : null;
  return (
    <Stack component="li" gap={4}>
      <Box>
        <Badge variant="light" color={kind.color} radius="sm" tt="none" fw={600} mr={6}>
          {kind.label}
        </Badge>
        <Text span size="sm" fw={500} className="wrap-anywhere">
          {note ?? source.label}
        </Text>
      </Box>
      {source.quote && source.kind !== 'courtesy' && source.kind !== 'placeholder' ? (
        <Text
          component="blockquote"
          size="sm"
          m={0}
          pl="sm"
          className="quote-rule wrap-anywhere"
        >
          {source.quote}
        </Text>
      ) : null}
    </Stack>
  );
}

function SourcesPanel({ sentence }: { sentence: LetterSentence | null }) {
  return (
    <Box component="section" aria-labelledby="sources-title" aria-live="polite" p="sm" className="muted-panel">
      <Title order={3} size="h5" id="sources-title" mb="xs">
        Sources
      </Title>
      {sentence === null ? (
        <Text size="sm" c="dimmed">
          Choose a sentence of the letter to see where it comes from.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" fs="italic" className="wrap-anywhere">
            “{withPlaceholders(sentence.text)}”
          </Text>
          {sentence.sources.length === 0 ? (
            <Text size="sm">No source is recorded for this sentence: check it before sending.</Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} className="plain-list" aria-label="Sources of this sentence">
              {sentence.sources.map((source, i) => (
                <SourceItem key={i} source={source} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Box>
  );
}

/**
 * The letter as written, each sentence a button: choosing one (click, Enter or Space) lists what it draws on —
 * a resume line, the posting, your own words — so every claim can be checked before the letter is sent.
 */
export function LetterSources({ document }: { document: DocumentRead }) {
  const sentences = useMemo(() => reportSentences(document), [document]);
  const { segments, missing } = useMemo(() => segmentLetter(document.content, sentences), [document.content, sentences]);
  const [selected, setSelected] = useState<number | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  if (sentences.length === 0 || segments.every((segment) => segment.type === 'text')) return null;

  const choose = (index: number) => {
    setSelected(index);
    // On a phone the panel sits below the letter: bring it into view.
    if (window.matchMedia('(max-width: 62em)').matches) panel.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  return (
    <Card component="section" aria-labelledby="letter-sources-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="letter-sources-title">
            Where each sentence comes from
          </Title>
          <Text size="sm" c="dimmed">
            Choose a sentence to see its sources: your resume, your profile, the posting or your own words.
          </Text>
        </div>
        {missing > 0 ? (
          <Text size="sm" c="dimmed">
            You edited the letter since it was written: sources are shown for the sentences still as written.
          </Text>
        ) : null}
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Box className="letter-text" aria-label="The letter, sentence by sentence" role="group">
              {segments.map((segment, i) =>
                segment.type === 'text' ? (
                  <Fragment key={i}>{withPlaceholders(segment.text, `t${i}`)}</Fragment>
                ) : (
                  // A span, not a <button>: browsers lay buttons out as boxes, and a sentence must wrap as text.
                  <span
                    key={i}
                    role="button"
                    tabIndex={0}
                    className="letter-sentence"
                    aria-pressed={selected === segment.index}
                    onClick={() => choose(segment.index)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        choose(segment.index);
                      }
                    }}
                  >
                    {withPlaceholders(segment.text, `s${i}`)}
                  </span>
                ),
              )}
            </Box>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }} ref={panel} className="sources-panel">
            <SourcesPanel sentence={selected === null ? null : sentences[selected]} />
          </Grid.Col>
        </Grid>
      </Stack>
    </Card>
  );
}
