import { Text, type TextProps } from '@mantine/core';
import { dataSentText, producedBy, type Producer } from './providers';
import { useAIStatus } from './useAI';

type NoteProps = Omit<TextProps, 'children'>;

/** A dimmed line naming who produced a result: "Written by Groq · llama-3.3-70b-versatile", "Written offline". */
export function ProviderNote({ provider, model, verb, offline, manual, ...textProps }: Producer & NoteProps) {
  const status = useAIStatus();
  const text = producedBy({ provider, model, verb, offline, manual }, status.data);
  if (!text) return null;
  return (
    <Text size="xs" c="dimmed" {...textProps}>
      {text}
    </Text>
  );
}

interface DataSentNoteProps extends NoteProps {
  /** What the action sends, as the sentence's subject: "Your resume and this posting". */
  what: string;
  /** "is sent" rather than "are sent". */
  singular?: boolean;
  /** The words when the provider is offline. */
  offline?: string;
}

/** Beside an action that sends the user's data to the AI provider: where it goes (nothing until the status is known). */
export function DataSentNote({ what, singular, offline = 'Done offline: nothing leaves this server.', ...textProps }: DataSentNoteProps) {
  const status = useAIStatus();
  if (!status.data) return null;
  return (
    <Text size="xs" c="dimmed" {...textProps}>
      {dataSentText(what, status.data, offline, singular)}
    </Text>
  );
}
