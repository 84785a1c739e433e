import { Button, Divider, Stack } from '@mantine/core';
import { oauthLoginHref } from '../../client';
import { useOAuthProviders } from './oauth';
import { ProviderLogo } from './ProviderLogo';

/**
 * "or" + one "Continue with <Provider>" link per configured provider. Plain
 * links: starting the flow is a browser navigation (the server redirects to the
 * provider). Renders nothing while loading, on error, or when none is configured.
 */
export function OAuthButtons({ returnTo }: { returnTo: string }) {
  const providers = useOAuthProviders();
  const list = providers.data ?? [];
  if (list.length === 0) return null;
  return (
    <>
      <Divider label="or" labelPosition="center" />
      <Stack gap="sm">
        {list.map((provider) => (
          <Button
            key={provider.name}
            component="a"
            href={oauthLoginHref({ path: { provider: provider.name }, query: { return_to: returnTo } })}
            variant="default"
            fullWidth
            leftSection={<ProviderLogo name={provider.name} />}
          >
            {`Continue with ${provider.label}`}
          </Button>
        ))}
      </Stack>
    </>
  );
}
