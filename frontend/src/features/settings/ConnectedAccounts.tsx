import { Box, Button, Card, Group, Modal, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import type { Connection } from '../../client/types';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { ProviderLogo } from '../auth/ProviderLogo';
import { useConnectProvider, useConnections, useDisconnectProvider } from './useConnections';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

function ProviderRow({ name, label, detail, action }: { name: string; label: string; detail: string; action: ReactNode }) {
  return (
    <Group component="li" justify="space-between" gap="sm" wrap="wrap">
      <Group gap="sm" wrap="nowrap" miw={0} flex="1 1 12rem">
        <ProviderLogo name={name} size={22} />
        <Box miw={0}>
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Text size="sm" c="dimmed" className="wrap-anywhere">
            {detail}
          </Text>
        </Box>
      </Group>
      {action}
    </Group>
  );
}

function DisconnectDialog({ connection, onClose }: { connection: Connection | null; onClose: () => void }) {
  const disconnect = useDisconnectProvider();
  // Keep the last connection while the dialog animates closed.
  const [shown, setShown] = useState<Connection | null>(connection);
  if (connection && connection !== shown) setShown(connection);
  const close = () => {
    disconnect.reset();
    onClose();
  };
  return (
    <Modal opened={connection !== null} onClose={close} title={shown ? `Disconnect ${shown.label}?` : ''} centered>
      {shown ? (
        <Stack gap="md">
          <Text size="sm">
            You will no longer be able to sign in with {shown.label}
            {shown.email ? (
              <>
                {' '}
                (<span className="wrap-anywhere">{shown.email}</span>)
              </>
            ) : null}
            . You can connect it again later.
          </Text>
          <FormError error={disconnect.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={disconnect.isPending}
              onClick={() =>
                disconnect.mutate(shown.provider, {
                  onSuccess: () => {
                    close();
                    notifications.show({ color: 'green', message: `${shown.label} disconnected` });
                  },
                })
              }
            >
              Disconnect
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** Settings section: the providers this account signs in with, and the ones it could connect. */
export function ConnectedAccounts() {
  const connections = useConnections();
  const connect = useConnectProvider();
  const [toDisconnect, setToDisconnect] = useState<Connection | null>(null);
  // After a successful /link the browser is on its way to the provider: keep that button busy.
  const connecting = connect.isPending || connect.isSuccess ? connect.variables : undefined;

  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            Connected accounts
          </Title>
          <Text size="sm" c="dimmed">
            Sign in with another service instead of a password.
          </Text>
        </div>
        {connections.isPending ? (
          <Stack gap="sm" aria-busy="true">
            <Skeleton h={40} />
            <Skeleton h={40} />
          </Stack>
        ) : connections.isError ? (
          <QueryError
            error={connections.error}
            onRetry={() => connections.refetch()}
            retrying={connections.isFetching}
            title="Could not load connected accounts"
          />
        ) : connections.data.connections.length === 0 && connections.data.available.length === 0 ? (
          <Text size="sm" c="dimmed">
            No sign-in providers are configured on this server.
          </Text>
        ) : (
          <>
            <FormError error={connect.error} />
            <Stack component="ul" gap="md" style={listStyle}>
              {connections.data.connections.map((connection) => (
                <ProviderRow
                  key={connection.provider}
                  name={connection.provider}
                  label={connection.label}
                  detail={connection.email ?? 'Connected'}
                  action={
                    <Button variant="default" size="sm" onClick={() => setToDisconnect(connection)}>
                      {`Disconnect ${connection.label}`}
                    </Button>
                  }
                />
              ))}
              {connections.data.available.map((provider) => (
                <ProviderRow
                  key={provider.name}
                  name={provider.name}
                  label={provider.label}
                  detail="Not connected"
                  action={
                    <Button
                      variant="light"
                      size="sm"
                      loading={connecting === provider.name}
                      disabled={connecting !== undefined}
                      onClick={() => connect.mutate(provider.name)}
                    >
                      {`Connect ${provider.label}`}
                    </Button>
                  }
                />
              ))}
            </Stack>
          </>
        )}
      </Stack>
      <DisconnectDialog connection={toDisconnect} onClose={() => setToDisconnect(null)} />
    </Card>
  );
}
