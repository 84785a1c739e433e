import { Box, Progress, Text } from '@mantine/core';

export interface StrengthResult {
  /** 0..100 */
  score: number;
  label: 'Too short' | 'Weak' | 'Fair' | 'Good' | 'Strong';
  color: string;
}

/** Rough, local estimate only; the server has the final word on what it accepts. */
export function passwordStrength(password: string, minLength: number): StrengthResult {
  if (password.length < minLength) {
    return { score: Math.min(25, Math.round((password.length / Math.max(minLength, 1)) * 25)), label: 'Too short', color: 'red' };
  }
  let variety = 0;
  if (/[a-z]/.test(password)) variety += 1;
  if (/[A-Z]/.test(password)) variety += 1;
  if (/\d/.test(password)) variety += 1;
  if (/[^A-Za-z0-9]/.test(password)) variety += 1;
  const lengthBonus = password.length >= minLength + 8 ? 2 : password.length >= minLength + 4 ? 1 : 0;
  const points = variety + lengthBonus; // 1..6
  if (points <= 2) return { score: 40, label: 'Weak', color: 'orange' };
  if (points === 3) return { score: 60, label: 'Fair', color: 'yellow' };
  if (points === 4) return { score: 80, label: 'Good', color: 'teal' };
  return { score: 100, label: 'Strong', color: 'green' };
}

interface PasswordStrengthProps {
  password: string;
  minLength: number;
  id?: string;
}

/** Strength meter + minimum-length hint, shown under a new-password field. */
export function PasswordStrength({ password, minLength, id }: PasswordStrengthProps) {
  const strength = passwordStrength(password, minLength);
  return (
    <Box id={id} mt={6}>
      <Progress
        value={password ? strength.score : 0}
        color={strength.color}
        size="sm"
        aria-hidden
        transitionDuration={150}
      />
      <Text size="xs" c="dimmed" mt={4} aria-live="polite">
        {password ? (
          <>
            Strength: <strong>{strength.label}</strong>.{' '}
          </>
        ) : null}
        Use at least {minLength} characters; a longer passphrase is stronger than a short complex one.
      </Text>
    </Box>
  );
}
