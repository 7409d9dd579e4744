import { AppShell, Burger, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { MAIN_CONTENT_ID, SkipLink } from '../../shared/SkipLink';
import { useMe } from '../auth/session';
import { SignOutButton } from '../auth/SignOutButton';
import { allowedPages } from './navigation';
import { useRoleLabel } from './useRoleLabel';

const NAVBAR_ID = 'dieu-huong-chinh';

function isCurrent(pagePath: string, pathname: string): boolean {
  return pagePath === '/' ? pathname === '/' : pathname === pagePath || pathname.startsWith(`${pagePath}/`);
}

function UserSummary() {
  const me = useMe();
  const roleLabel = useRoleLabel();
  return (
    <div>
      <Text fw={700} lang="vi">
        {me.fullName}
      </Text>
      <Text size="sm" c="gray.7">
        {roleLabel(me.role)}
      </Text>
    </div>
  );
}

/**
 * Moves focus to `<main>` after each client-side navigation, so screen readers start at the new page — unless the
 * new page already put focus on one of its own fields (child effects run first, e.g. the intake's search box).
 */
function useFocusOnNavigation(pathname: string) {
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    const main = mainRef.current;
    if (main && !main.contains(document.activeElement)) main.focus();
  }, [pathname]);
  return mainRef;
}

/** Workspace frame: header, a navbar of the pages the role may open (a drawer on phones) and `<main>`. */
export function StaffShell() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const mainRef = useFocusOnNavigation(pathname);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: { base: 116, sm: 72 } }}
        navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Stack h="100%" gap={0} justify="center">
            <Group px="md" py={6} justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="xs" wrap="nowrap" miw={0}>
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  aria-label={t('staff.shell.menu')}
                  aria-expanded={opened}
                  aria-controls={NAVBAR_ID}
                />
                <Text fw={700} fz="lg" lh={1.2} lineClamp={2}>
                  {me.ward?.name ?? t('common.appName')}
                </Text>
              </Group>
              <Group gap="md" wrap="nowrap">
                <Group visibleFrom="sm" gap="md" wrap="nowrap">
                  <UserSummary />
                  <LanguageSwitch tone="light" />
                </Group>
                <SignOutButton />
              </Group>
            </Group>
            {/* On phones the language switch gets a row of its own, so it never hides in the menu. */}
            <Group hiddenFrom="sm" px="md" pb="xs">
              <LanguageSwitch tone="light" />
            </Group>
          </Stack>
        </AppShell.Header>

        <AppShell.Navbar
          id={NAVBAR_ID}
          p="sm"
          aria-label={t('staff.shell.navigation')}
          inert={isPhone && !opened}
          // A role with many pages must reach the last ones on a short phone screen.
          style={{ overflowY: 'auto' }}
        >
          <Stack hiddenFrom="sm" mb="md">
            <UserSummary />
          </Stack>
          {allowedPages(me).map((page) => {
            const current = isCurrent(page.path, pathname);
            return (
              <NavLink
                key={page.id}
                component={Link}
                to={page.path}
                label={t(`staff.pages.${page.id}.title`)}
                active={current}
                aria-current={current ? 'page' : undefined}
                variant="filled"
                onClick={close}
              />
            );
          })}
        </AppShell.Navbar>

        <AppShell.Main ref={mainRef} id={MAIN_CONTENT_ID} tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
