import { Button, List, Stack, Text } from '@mantine/core';
import { StepFooter, type StepProps } from './StepParts';

export function TourStep({ nav, onFinish, finishing }: StepProps & { onFinish: () => void; finishing: boolean }) {
  return (
    <Stack gap="md">
      <Text>The board is where your applications live. Three things to know:</Text>
      <List type="ordered" spacing="xs">
        <List.Item>Each column is a stage: Interested, Applied, Interview, Offer, and the ways an application ends.</List.Item>
        <List.Item>
          Drag a card to another column to move it, or use the card’s menu (handy on a phone or with the keyboard).
        </List.Item>
        <List.Item>Open a job to see its history: every move is kept on its timeline, with your notes.</List.Item>
      </List>
      <StepFooter nav={nav}>
        <Button onClick={onFinish} loading={finishing}>
          Finish
        </Button>
      </StepFooter>
    </Stack>
  );
}
