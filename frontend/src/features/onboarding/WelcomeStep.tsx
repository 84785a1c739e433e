import { Button, List, Stack, Text } from '@mantine/core';
import { StepFooter, type StepProps } from './StepParts';

export function WelcomeStep({ go, nav }: StepProps) {
  return (
    <Stack gap="md">
      <Text>
        Career Copilot keeps your job search in one place: the jobs you find, where each application stands, and how
        you are doing. This short setup takes a few minutes:
      </Text>
      <List spacing={4} size="sm">
        <List.Item>your timezone and a daily goal,</List.Item>
        <List.Item>your skills,</List.Item>
        <List.Item>what you are looking for,</List.Item>
        <List.Item>a first job to track, and a quick look at your board.</List.Item>
      </List>
      <StepFooter nav={nav}>
        <Button onClick={() => go('profile')}>Get started</Button>
      </StepFooter>
    </Stack>
  );
}
