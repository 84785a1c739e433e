import type { ApplicationStatus } from '../../client/types';

/** Board order: the pipeline first, then the ways an application can end. */
export const STATUS_ORDER: readonly ApplicationStatus[] = [
  'interested',
  'applied',
  'interview',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'ghosted',
];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  interested: 'Interested',
  applied: 'Applied',
  interview: 'Interview',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  ghosted: 'Ghosted',
};

/** Mantine colour per status (used with the light badge variant, whose text is shade 9: readable). */
export const STATUS_COLORS: Record<ApplicationStatus, string> = {
  interested: 'blue',
  applied: 'brand',
  interview: 'violet',
  offer: 'teal',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'gray',
  ghosted: 'orange',
};

export function statusLabel(status: ApplicationStatus | null | undefined): string {
  return status ? STATUS_LABELS[status] : '';
}

export function isStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (STATUS_ORDER as readonly string[]).includes(value);
}

/** `statuses` in board order, without duplicates. */
export function inBoardOrder(statuses: readonly ApplicationStatus[]): ApplicationStatus[] {
  const set = new Set(statuses);
  return STATUS_ORDER.filter((status) => set.has(status));
}
