import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../client';
import type { ExportRead, ExportStatus, ImportResult } from '../../client/types';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { useAuth } from '../../hooks/useAuth';
import { formatBytes, formatDateTime, joinList, plural, relativeTime, timeUntil } from '../../lib/format';
import { useConnections } from './useConnections';
import { isExportInProgress, useDeleteAccount, useExports, useImportData, useRequestExport } from './useYourData';

/** What accounts without a password type to confirm (the server compares it, case-insensitively). */
export const DELETE_PHRASE = 'delete my account';

export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = {
  pending: 'Waiting',
  running: 'Preparing',
  ready: 'Ready',
  failed: 'Failed',
  expired: 'Expired',
};

const EXPORT_STATUS_COLORS: Record<ExportStatus, string> = {
  pending: 'cyan',
  running: 'blue',
  ready: 'green',
  failed: 'red',
  expired: 'gray',
};

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

// ---------------------------------------------------------------- download my data

function ExportStatusBadge({ status }: { status: ExportStatus }) {
  return (
    <Badge variant="light" color={EXPORT_STATUS_COLORS[status]} radius="sm" tt="none" fw={600}>
      {EXPORT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** "48 kB · expires in 23 hours", "Started 2 minutes ago", the error of a failed one. */
function exportDetail(item: ExportRead): string {
  const parts: string[] = [];
  if (item.size_bytes != null) parts.push(formatBytes(item.size_bytes));
  if (item.status === 'ready' && item.expires_at) parts.push(`expires ${timeUntil(item.expires_at)}`);
  if (item.status === 'expired') parts.push('the link has expired');
  if (isExportInProgress(item)) parts.push(`started ${relativeTime(item.created_at)}`);
  if (item.status === 'failed' && !item.error) parts.push('something went wrong; ask for a new one');
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ExportRow({ item }: { item: ExportRead }) {
  const detail = exportDetail(item);
  return (
    <Group component="li" justify="space-between" gap="sm" wrap="wrap">
      <Box miw={0} flex="1 1 14rem">
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            Export #{item.id}
          </Text>
          <ExportStatusBadge status={item.status} />
        </Group>
        <Text size="sm" c="dimmed">
          <time dateTime={item.created_at} title={formatDateTime(item.created_at)}>
            {formatDateTime(item.created_at)}
          </time>
          {detail ? ` · ${detail}` : ''}
        </Text>
        {item.status === 'failed' && item.error ? (
          <Text size="sm" c="red.8" className="wrap-anywhere">
            {item.error}
          </Text>
        ) : null}
      </Box>
      {item.status === 'ready' && item.download_url ? (
        // A plain link: the signed address works without the Authorization header, and the browser saves the file.
        // Underlined: a link must not be told from the text around it by its colour alone.
        <Anchor href={item.download_url} download={item.filename ?? true} size="sm" fw={600} underline="always">
          Download <span className="visually-hidden">{`export #${item.id}`}</span>
        </Anchor>
      ) : null}
    </Group>
  );
}

function ExportList() {
  const exports = useExports();
  if (exports.isPending) {
    return (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading your exports">
        <Skeleton h={40} />
      </Stack>
    );
  }
  if (exports.isError) {
    return (
      <QueryError
        error={exports.error}
        onRetry={() => exports.refetch()}
        retrying={exports.isFetching}
        title="Could not load your exports"
      />
    );
  }
  if (exports.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        You have not exported your data yet.
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="sm" style={listStyle} aria-label="Recent exports">
      {exports.data.map((item) => (
        <ExportRow key={item.id} item={item} />
      ))}
    </Stack>
  );
}

function DownloadSection() {
  const request = useRequestExport();
  return (
    <Stack gap="sm" component="section" aria-labelledby="your-data-export-title">
      <div>
        <Title order={3} size="h5" id="your-data-export-title">
          Download my data
        </Title>
        <Text size="sm" c="dimmed">
          A ZIP file with your profile, skills, the jobs you added, your applications with their history and notes,
          your notifications and the files you uploaded; its download link expires after a while.
        </Text>
      </div>
      <FormError error={request.error} title="No new export was started" />
      <Group>
        <Button
          variant="light"
          loading={request.isPending}
          onClick={() =>
            request.mutate(undefined, {
              onSuccess: () =>
                notifications.show({
                  color: 'green',
                  title: 'Preparing your data export',
                  message: 'It appears below when it is ready, and you get a notification.',
                }),
            })
          }
        >
          Prepare my data export
        </Button>
      </Group>
      <ExportList />
    </Stack>
  );
}

// ---------------------------------------------------------------- bring data from another Career Copilot

/** Labels for the counts people recognise; events and queued messages come with their applications. */
const IMPORT_EXTRAS: [key: string, singular: string][] = [
  ['skills', 'skill'],
  ['notifications', 'notification'],
  ['files', 'file'],
];

/** "Imported 2 jobs and 2 applications", then the rest that came along ("Also 3 skills and 1 file."). */
export function importSummary({ imported }: ImportResult): { title: string; message: string } {
  const title = `Imported ${plural(imported.jobs ?? 0, 'job')} and ${plural(imported.applications ?? 0, 'application')}`;
  const extras = IMPORT_EXTRAS.filter(([key]) => (imported[key] ?? 0) > 0).map(([key, singular]) =>
    plural(imported[key], singular),
  );
  return { title, message: extras.length > 0 ? `Also ${joinList(extras)}.` : 'Your data is in place.' };
}

function ImportSection() {
  const queryClient = useQueryClient();
  const { updateUser } = useAuth();
  const importData = useImportData();
  const [file, setFile] = useState<File | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    importData.mutate(file, {
      onSuccess: (result) => {
        setFile(null);
        const { title, message } = importSummary(result);
        notifications.show({ color: 'green', title, message });
        // Everything may have changed: profile, skills, jobs, the board, notifications.
        void queryClient.invalidateQueries();
        // The name and timezone in the header come from the session's user.
        unwrap(api.GET('/api/v1/auth/me')).then(updateUser, () => undefined);
      },
    });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="your-data-import-title">
      <div>
        <Title order={3} size="h5" id="your-data-import-title">
          Bring data from another Career Copilot
        </Title>
        <Text size="sm" c="dimmed">
          Import a ZIP made by “Download my data” on another server. It works only into a new, empty account, and
          it is all or nothing.
        </Text>
      </div>
      <FormError error={importData.error} title="Nothing was imported" />
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm">
          <FileInput
            label="Export file (.zip)"
            placeholder="Choose a file"
            // Mantine's placeholder grey (gray-5) is 2:1 on white; this placeholder is real text, so it needs 4.5:1.
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            accept=".zip,application/zip"
            name="file"
            clearable
            value={file}
            onChange={(next) => {
              setFile(next);
              importData.reset();
            }}
            w={320}
            maw="100%"
          />
          <Button type="submit" variant="light" loading={importData.isPending} disabled={!file}>
            Import
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

// ---------------------------------------------------------------- delete my account

function DeleteAccountDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { endSession } = useAuth();
  const navigate = useNavigate();
  const connections = useConnections();
  const remove = useDeleteAccount();
  const [value, setValue] = useState('');
  // Unknown (the connections could not be loaded): assume the usual case, a password.
  const hasPassword = connections.data?.has_password ?? true;

  const close = () => {
    remove.reset();
    setValue('');
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim() || remove.isPending) return;
    remove.mutate(hasPassword ? { password: value } : { confirm: value.trim() }, {
      onSuccess: () => {
        // The server removed the account and cleared its cookies: forget the session here, without asking it.
        endSession();
        navigate('/login', { replace: true });
        notifications.show({
          color: 'green',
          title: 'Your account was deleted',
          message: 'Everything of yours was removed from this server.',
          autoClose: 8000,
        });
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title="Delete your account?" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            This removes your account and everything in it from this server for good: your profile, skills, jobs,
            applications with their notes, notifications and the files you uploaded. Job postings shared with other
            users stay.
          </Text>
          <Text size="sm">If you may want your data later, download it first.</Text>
          <FormError error={remove.error} />
          {connections.isPending ? (
            <Skeleton h={56} role="status" aria-busy="true" aria-label="Loading" />
          ) : hasPassword ? (
            <PasswordInput
              label="Your password"
              name="password"
              autoComplete="current-password"
              required
              data-autofocus
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
            />
          ) : (
            <TextInput
              label={`Type "${DELETE_PHRASE}" to confirm`}
              name="confirm"
              autoComplete="off"
              required
              data-autofocus
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={remove.isPending} disabled={!value.trim() || connections.isPending}>
              Delete my account forever
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteSection() {
  const [opened, setOpened] = useState(false);
  return (
    <Paper
      component="section"
      aria-labelledby="your-data-delete-title"
      withBorder
      radius="md"
      p="md"
      className="danger-zone"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id="your-data-delete-title">
            Delete my account
          </Title>
          <Text size="sm" c="dimmed">
            Removes your account, your data and your files from this server. It cannot be undone.
          </Text>
        </div>
        <Group>
          <Button color="red" variant="outline" onClick={() => setOpened(true)}>
            Delete my account…
          </Button>
        </Group>
      </Stack>
      <DeleteAccountDialog opened={opened} onClose={() => setOpened(false)} />
    </Paper>
  );
}

/** Settings section: download everything of yours, bring it from another server, or delete the account. */
export function YourDataCard() {
  return (
    <Card component="section" aria-labelledby="your-data-title">
      <Stack gap="lg">
        <div>
          <Title order={2} size="h4" id="your-data-title">
            Your data
          </Title>
          <Text size="sm" c="dimmed">
            It is yours: take it with you, move it to another server, or remove it.
          </Text>
        </div>
        <DownloadSection />
        <ImportSection />
        <DeleteSection />
      </Stack>
    </Card>
  );
}
