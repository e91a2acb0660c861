import { t } from './i18n';
// Tip topics (GET /api/tips/?topic=) and their names in plain words.

export const TOPICS = [
  { value: 'sitting-posture', get label() { return t('Sitting'); } },
  { value: 'desk-setup', get label() { return t('Your desk'); } },
  { value: 'lifting', get label() { return t('Lifting'); } },
  { value: 'lying-sleeping', get label() { return t('Lying and sleep'); } },
  { value: 'body-weight', get label() { return t('Body weight'); } },
  { value: 'breaks', get label() { return t('Breaks'); } },
  { value: 'heat-cold', get label() { return t('Heat and cold'); } },
] as const;

export type Topic = (typeof TOPICS)[number]['value'];

/** A known topic from a query string value, or '' for all topics. */
export function topicFrom(value: string | null | undefined): Topic | '' {
  return TOPICS.some((t) => t.value === value) ? (value as Topic) : '';
}

export function topicLabel(value: string): string {
  return TOPICS.find((t) => t.value === value)?.label ?? value.replace(/-/g, ' ');
}
