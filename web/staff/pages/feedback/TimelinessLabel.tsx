import type { Timeliness } from './feedbackApi';

const URGENCY: Record<Timeliness, string> = { late: 'overdue', due_soon: 'at_risk', on_time: 'on_track' };

/** Where an open record stands against its deadline: the words carry the meaning, the colour helps. */
export function TimelinessLabel({
  timeliness,
  label,
}: {
  timeliness: Timeliness | null;
  label: string | null;
}) {
  if (!timeliness || !label) return null;
  return (
    <span className={`status-label urgency-${URGENCY[timeliness]}`} lang="vi">
      {label}
    </span>
  );
}
