import { Stack, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import {
  DOSSIERS_PATH,
  type DossierListItem,
  type DossierQueue,
  type Figure,
} from '../../dossiers/dossierApi';
import { DossierTable } from '../../dossiers/DossierTable';
import { isNotReady, NotReady } from '../../dossiers/NotReady';
import { figureValue } from './FigureChart';

/** Only API paths are followed: a figure's `href` is fetched with the user's session. */
const isApiPath = (href: string | undefined): href is string => Boolean(href?.startsWith('/api/'));

function FigureItems({ href, caption }: { href: string | undefined; caption: string }) {
  const records = useApiData<{ items: DossierListItem[] }>(isApiPath(href) ? href : null);
  if (!isApiPath(href) || isNotReady(records.error)) return <NotReady />;
  return (
    <ApiDataView data={records}>
      {({ items }) => <DossierTable caption={caption} items={items} />}
    </ApiDataView>
  );
}

/** The dossiers behind one figure; the heading takes focus so the list is read at once. */
export function FigureRecords({ figure }: { figure: Figure }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [figure.key]);
  return (
    <section aria-labelledby="ho-so-cua-chi-so">
      <Title order={2} id="ho-so-cua-chi-so" ref={headingRef} tabIndex={-1} mb="xs">
        {t('staff.dashboard.recordsOf', { label: figure.label, value: figureValue(figure) })}
      </Title>
      <FigureItems href={figure.href} caption={figure.label} />
    </section>
  );
}

function Listed({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** From the queue: open dossiers late a second time (lateTwice) and overdue ones. */
function QueueLists() {
  const { t } = useTranslation();
  const queue = useApiData<DossierQueue>(DOSSIERS_PATH);
  return (
    <ApiDataView data={queue}>
      {({ items }) => (
        <Stack gap="xl">
          <Listed id="tre-han-lan-hai" title={t('staff.dashboard.lateTwice')}>
            <DossierTable
              caption={t('staff.dashboard.lateTwiceCaption')}
              items={items.filter((item) => item.lateTwice)}
            />
          </Listed>
          <Listed id="qua-han" title={t('staff.dashboard.overdue')}>
            <DossierTable
              caption={t('staff.dashboard.overdueCaption')}
              items={items.filter((item) => item.urgency === 'overdue')}
            />
          </Listed>
        </Stack>
      )}
    </ApiDataView>
  );
}

/**
 * The dossiers needing the leaders: from the queue for ward staff; for readers without the queue (the city
 * reviewer), from the figures "trễ hẹn lần thứ hai" and "đang quá hạn".
 */
export function LeaderLists({ figures }: { figures: Figure[] | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  if (can(me, 'dossiers.read')) return <QueueLists />;
  if (!figures) return null;
  const hrefOf = (key: string) => figures?.find((figure) => figure.key === key)?.href;
  return (
    <Stack gap="xl">
      <Listed id="tre-han-lan-hai" title={t('staff.dashboard.lateTwice')}>
        <FigureItems href={hrefOf('lateTwice')} caption={t('staff.dashboard.lateTwiceCaption')} />
      </Listed>
      <Listed id="qua-han" title={t('staff.dashboard.overdue')}>
        <FigureItems href={hrefOf('lateStock')} caption={t('staff.dashboard.overdueCaption')} />
      </Listed>
    </Stack>
  );
}
