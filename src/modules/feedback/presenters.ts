/**
 * What each audience sees of an item: the public (tracking and published answers: no contact, never who sent
 * it) and staff (contact masked for roles without feedback.personal.read).
 */
import type { IsoDate, WorkingCalendar } from '../../platform/calendar/rules';
import { maskRecipient } from '../../platform/channels/rules';
import { maskName, maskPhone } from '../../platform/people/rules';
import {
  categoryOf,
  KINDS,
  OPEN_STATUSES,
  RATINGS,
  SOURCES,
  STATUSES,
  timeliness,
  TIMELINESS_LABELS,
  type Kind,
  type Rating,
  type Source,
  type Status,
} from './rules';
import type { ItemRow } from './store';

const iso = (at: Date | null) => at?.toISOString() ?? null;

function labels(item: ItemRow) {
  return {
    kind: item.kind,
    kindLabel: KINDS[item.kind as Kind],
    category: item.category,
    categoryName: categoryOf(item.category)?.name ?? item.category,
    status: item.status,
    statusLabel: STATUSES[item.status as Status],
  };
}

function answerOf(item: ItemRow) {
  if (item.answer === null) return null;
  return {
    text: item.answer,
    answeredAt: iso(item.answeredAt),
    officerName: item.answeredByName,
    unitName: item.answeredUnitName,
  };
}

export interface PublicView extends ReturnType<typeof labels> {
  code: string;
  receivedAt: string;
  dueDate: string;
  responsibleUnitName: string | null;
  answer: ReturnType<typeof answerOf>;
  published: boolean;
  rating: string | null;
  ratingLabel: string | null;
  mergedInto: PublicView | null;
}

/**
 * The tracking view for whoever holds the code: where the item stands, its deadline and the answer; neither the
 * text the citizen wrote nor the place, contact or photos. A merged item shows the main item it joined.
 */
export function publicView(item: ItemRow, mergedInto?: ItemRow): PublicView {
  return {
    code: item.code,
    ...labels(item),
    receivedAt: item.receivedAt.toISOString(),
    dueDate: item.dueDate,
    responsibleUnitName: item.responsibleUnitName,
    answer: answerOf(item),
    published: item.publishedAt !== null,
    rating: item.rating,
    ratingLabel: item.rating ? RATINGS[item.rating as Rating] : null,
    mergedInto: mergedInto ? publicView(mergedInto) : null,
  };
}

/** A published answer: the question as the citizen agreed to publish it and the ward's answer. */
export function publishedView(item: ItemRow) {
  return {
    code: item.code,
    ...labels(item),
    text: item.text,
    address: item.address,
    latitude: item.latitude,
    longitude: item.longitude,
    receivedAt: item.receivedAt.toISOString(),
    publishedAt: iso(item.publishedAt),
    answer: answerOf(item),
  };
}
export type PublishedView = ReturnType<typeof publishedView>;

function contactOf(item: ItemRow, unmasked: boolean) {
  if (item.anonymous) return null;
  const { contactName: name, contactPhone: phone, contactEmail: email } = item;
  if (unmasked) return { name, phone, email };
  return {
    name: name && maskName(name),
    phone: phone && maskPhone(phone),
    email: email && maskRecipient('email', email),
  };
}

/** One line of the lists of units and leaders. */
export function staffSummary(item: ItemRow, today: IsoDate, calendar: WorkingCalendar) {
  const open = OPEN_STATUSES.includes(item.status as Status);
  const standing = open ? timeliness(item.dueDate, today, calendar) : null;
  return {
    code: item.code,
    ...labels(item),
    text: item.text,
    source: item.source,
    sourceLabel: SOURCES[item.source as Source],
    receivedAt: item.receivedAt.toISOString(),
    dueDate: item.dueDate,
    timeliness: standing,
    timelinessLabel: standing && TIMELINESS_LABELS[standing],
    responsibleUnitId: item.responsibleUnitId,
    responsibleUnitName: item.responsibleUnitName,
    answeredAt: iso(item.answeredAt),
    published: item.publishedAt !== null,
  };
}

/** The whole item for staff; the contact masked unless `unmasked` (a read the caller audits). */
export function staffView(
  item: ItemRow,
  extra: {
    today: IsoDate;
    calendar: WorkingCalendar;
    unmasked: boolean;
    photos: { position: number; mediaType: string; size: number }[];
    mergedInto: string | null;
    merged: string[];
  },
) {
  return {
    ...staffSummary(item, extra.today, extra.calendar),
    address: item.address,
    latitude: item.latitude,
    longitude: item.longitude,
    anonymous: item.anonymous,
    contact: contactOf(item, extra.unmasked),
    contactMasked: !item.anonymous && !extra.unmasked,
    sourceNote: item.sourceNote,
    recordedByName: item.recordedByName,
    dueBasis: item.dueBasis,
    routedAt: iso(item.routedAt),
    answer: answerOf(item),
    publishConsent: item.publishConsent,
    publishedAt: iso(item.publishedAt),
    publishedByName: item.publishedByName,
    rating: item.rating,
    ratingLabel: item.rating ? RATINGS[item.rating as Rating] : null,
    ratingComment: item.ratingComment,
    photos: extra.photos.map((p) => ({
      ...p,
      url: `/api/v1/feedback/${item.code}/photos/${p.position + 1}`,
    })),
    mergedInto: extra.mergedInto,
    merged: extra.merged,
  };
}
