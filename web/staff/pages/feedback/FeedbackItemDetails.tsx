import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { ApiDataView } from '../../components/ApiDataView';
import { FeedbackActions } from './FeedbackActions';
import { feedbackItemPath, type FeedbackItem } from './feedbackApi';

/** One item with its contact (masked unless the role needs it), deadline basis, answer and the next steps. */
export function FeedbackItemDetails({ code, onChanged }: { code: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const data = useApiData<FeedbackItem>(feedbackItemPath(code));
  const changed = () => {
    data.reload();
    onChanged();
  };
  return (
    <ApiDataView data={data}>
      {(item) => (
        <Stack gap="xs" lang="vi">
          <Text style={{ whiteSpace: 'pre-line' }}>{item.text}</Text>
          {item.address && <Text>{t('staff.listening.feedback.address', { address: item.address })}</Text>}
          <Text>
            {item.anonymous
              ? t('staff.listening.feedback.anonymous')
              : t('staff.listening.feedback.contact', {
                  name: item.contact?.name ?? '',
                  phone: item.contact?.phone ?? item.contact?.email ?? '',
                })}
          </Text>
          <Text>
            {t('staff.listening.feedback.source', { source: item.sourceLabel })}
            {item.sourceNote && ` (${item.sourceNote})`}
          </Text>
          <Text size="sm">{item.dueBasis}</Text>
          {item.photos.map((photo) => (
            <Anchor key={photo.position} href={photo.url} target="_blank" underline="always">
              {t('staff.listening.feedback.photo', { n: photo.position + 1 })}
            </Anchor>
          ))}
          {item.answer && (
            <Text>
              {t('staff.listening.feedback.answered', {
                who: [item.answer.officerName, item.answer.unitName].filter(Boolean).join(', '),
                at: item.answer.answeredAt ? formatDateTime(item.answer.answeredAt) : '',
              })}
              : {item.answer.text}
            </Text>
          )}
          {item.publishedAt && (
            <Text>{t('staff.listening.feedback.published', { day: formatDate(item.publishedAt) })}</Text>
          )}
          {item.ratingLabel && (
            <Text>{t('staff.listening.feedback.rating', { rating: item.ratingLabel })}</Text>
          )}
          <FeedbackActions item={item} onChanged={changed} />
        </Stack>
      )}
    </ApiDataView>
  );
}
