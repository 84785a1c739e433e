import { AppShell, Avatar, Burger, Button, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useAuth } from '../hooks/useAuth';
import { RealtimeProvider } from '../hooks/useRealtime';
import { firstName } from '../lib/forms';
import { PRODUCT_NAME } from '../theme';
import { LiveStatus } from './LiveStatus';
import { Logo } from './Logo';

const NAV_ITEMS = [
  { to: '/', label: 'Dashboard' },
  { to: '/discover', label: 'Discover' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/board', label: 'Board' },
  { to: '/interviews', label: 'Interviews' },
  { to: '/achievements', label: 'Achievements' },
  { to: '/profile', label: 'Profile' },
  { to: '/sources', label: 'Sources' },
  { to: '/settings', label: 'Settings' },
] as const;

/** Shown to administrators only. */
const ADMIN_NAV_ITEMS = [
  { to: '/admin/tasks', label: 'Task queue' },
  { to: '/admin/system', label: 'System' },
] as const;

function initials(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return email.slice(0, 1).toUpperCase();
  return (parts[0][0] + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}

/** Signed-in app chrome: header with product name, burger on phones, navigation and sign-out. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false);
  const { status, user, logout } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const signedIn = status === 'authenticated' && user !== null;
  // The board needs the whole width for its columns, admin and sources tables some more; reading pages stay narrow.
  const wide = pathname === '/board' || pathname.startsWith('/board/');
  // The document editor sits beside its preview and versions.
  const roomy = pathname.startsWith('/admin/') || pathname === '/sources' || pathname.startsWith('/documents/');
  const maxWidth = wide ? 1600 : roomy ? 1200 : 960;
  const navItems = signedIn && user.is_admin ? [...NAV_ITEMS, ...ADMIN_NAV_ITEMS] : NAV_ITEMS;

  const handleSignOut = async () => {
    setSigningOut(true);
    try {
      await logout();
    } finally {
      setSigningOut(false);
      close();
      navigate('/login', { replace: true });
    }
  };

  const shell = (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" onClick={close} aria-label={`${PRODUCT_NAME} home`} miw={0}>
              {/* Shrinks (the name truncates) when the header's right side needs room on a phone. */}
              <Group gap="xs" wrap="nowrap" miw={0}>
                <Logo />
                <Text fw={800} size="lg" truncate miw={0}>
                  {PRODUCT_NAME}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          {signedIn ? (
            <Group gap="sm" wrap="nowrap" miw={0} flex="none">
              <LiveStatus />
              <NotificationBell />
              <Group gap="xs" wrap="nowrap" visibleFrom="xs" miw={0}>
                <Avatar size="sm" radius="xl" color="brand" aria-hidden>
                  {initials(user.full_name, user.email)}
                </Avatar>
                <Text size="sm" fw={500} truncate maw={200}>
                  {firstName(user.full_name, user.email)}
                </Text>
              </Group>
            </Group>
          ) : null}
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id="main-navigation"
        aria-label="Main"
        p="md"
        // Off-canvas on phones: keep hidden links out of the tab order.
        inert={isPhone && !opened}
      >
        <AppShell.Section grow>
          <Stack gap={4}>
            {signedIn ? (
              navItems.map((item) => {
                const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
                return (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    onClick={close}
                    variant="light"
                    styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 500 } }}
                  />
                );
              })
            ) : (
              <NavLink component={Link} to="/login" label="Sign in" onClick={close} />
            )}
          </Stack>
        </AppShell.Section>
        {signedIn ? (
          <AppShell.Section>
            <Stack gap="xs" pt="md" className="rule-top">
              <Text size="xs" c="dimmed" truncate title={user.email}>
                Signed in as {user.email}
              </Text>
              <Button variant="default" onClick={handleSignOut} loading={signingOut} fullWidth>
                Sign out
              </Button>
            </Stack>
          </AppShell.Section>
        ) : null}
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} className="focus-target">
        <Stack maw={maxWidth} mx="auto" w="100%" gap="lg" miw={0}>
          <Outlet />
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
  // Live updates (one WebSocket per tab) exist only while signed in; signing out unmounts and closes them.
  return signedIn ? <RealtimeProvider>{shell}</RealtimeProvider> : shell;
}
