import { Title } from '@mantine/core';
import { usePageTitle } from '../../shared/usePageTitle';

/** The page's single `<h1>`, also used for the document `<title>`. */
export function PageTitle({ children }: { children: string }) {
  usePageTitle(children);
  return (
    <Title order={1} mb="md">
      {children}
    </Title>
  );
}
