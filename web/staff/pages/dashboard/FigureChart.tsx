import { Card, SimpleGrid, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../shared/format';
import type { Figure } from '../../dossiers/dossierApi';

/** The server's wording of the value when given, else "12" or "66,7%". */
export function figureValue(figure: Figure): string {
  if (figure.display) return figure.display;
  if (figure.value === null) return '—';
  return figure.unit === 'percent' ? formatPercent(figure.value) : formatNumber(figure.value);
}

interface FiguresProps {
  figures: Figure[];
  selected: string | null;
  onOpen: (figure: Figure) => void;
}

/** One card per figure; the whole card is the button that opens the dossiers behind it. */
export function FigureCards({ figures, selected, onOpen }: FiguresProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="md">
      {figures.map((figure) => (
        <Card key={figure.key} withBorder padding={0} className="figure-card">
          <UnstyledButton
            className="figure-card-button"
            onClick={() => onOpen(figure)}
            aria-pressed={selected === figure.key}
          >
            <Text className="figure-card-label">{figure.label}</Text>
            <Text className={figure.value === null ? 'figure-card-empty' : 'figure-card-value'}>
              {figureValue(figure)}
            </Text>
            {figure.unit === 'percent' && figure.denominator !== undefined && (
              <Text>
                {t('staff.dashboard.fraction', {
                  numerator: figure.numerator ?? 0,
                  denominator: figure.denominator,
                })}
              </Text>
            )}
            <Text className="figure-card-link">{t('staff.dashboard.viewRecords')}</Text>
          </UnstyledButton>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** Horizontal bars drawn in plain SVG; each row is a button, so the chart too opens the records. */
function BarGroup({ title, figures, max, selected, onOpen }: FiguresProps & { title: string; max: number }) {
  if (figures.length === 0) return null;
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      <ul className="bar-chart">
        {figures.map((figure) => {
          const value = figure.value ?? 0;
          const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
          return (
            <li key={figure.key}>
              <UnstyledButton
                className="bar-row"
                onClick={() => onOpen(figure)}
                aria-pressed={selected === figure.key}
              >
                <span className="bar-label">{figure.label}</span>
                <svg
                  className="bar-svg"
                  viewBox="0 0 100 12"
                  preserveAspectRatio="none"
                  aria-hidden="true"
                  focusable="false"
                >
                  <rect x="0" y="0" width="100" height="12" className="bar-track" />
                  <rect x="0" y="0" width={width} height="12" className="bar-fill" />
                </svg>
                <span className="bar-value">{figureValue(figure)}</span>
              </UnstyledButton>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function FigureChart({ figures, selected, onOpen }: FiguresProps) {
  const { t } = useTranslation();
  const counts = figures.filter((figure) => figure.unit === 'count');
  const percents = figures.filter((figure) => figure.unit === 'percent');
  const maxCount = Math.max(0, ...counts.map((figure) => figure.value ?? 0));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <BarGroup
        title={t('staff.dashboard.counts')}
        figures={counts}
        max={maxCount}
        selected={selected}
        onOpen={onOpen}
      />
      <BarGroup
        title={t('staff.dashboard.percents')}
        figures={percents}
        max={100}
        selected={selected}
        onOpen={onOpen}
      />
    </SimpleGrid>
  );
}
