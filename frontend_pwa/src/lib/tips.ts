import { msg } from './i18n';
// Tip topics (GET /api/tips/?topic=) and their names in plain words.

export const TOPICS = [
  { value: 'sitting-posture', label: msg('Sitting') },
  { value: 'desk-setup', label: msg('Your desk') },
  { value: 'lifting', label: msg('Lifting') },
  { value: 'lying-sleeping', label: msg('Lying and sleep') },
  { value: 'body-weight', label: msg('Body weight') },
  { value: 'breaks', label: msg('Breaks') },
  { value: 'heat-cold', label: msg('Heat and cold') },
] as const;

export type Topic = (typeof TOPICS)[number]['value'];

/** A known topic from a query string value, or '' for all topics. */
export function topicFrom(value: string | null | undefined): Topic | '' {
  return TOPICS.some((t) => t.value === value) ? (value as Topic) : '';
}

export function topicLabel(value: string): string {
  return TOPICS.find((t) => t.value === value)?.label ?? value.replace(/-/g, ' ');
}
