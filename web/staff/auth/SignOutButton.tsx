import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../shared/forms';
import { useSession } from './session';

/** "Đăng xuất": ends the session; the route guard then shows the sign-in page. */
export function SignOutButton() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const { submitting, error, run } = useSubmission();
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="outline" loading={submitting} onClick={() => void run(signOut)}>
        {t('staff.shell.signOut')}
      </Button>
      {error && (
        <Text role="alert" size="sm" c="red.9">
          {error.message}
        </Text>
      )}
    </Stack>
  );
}
