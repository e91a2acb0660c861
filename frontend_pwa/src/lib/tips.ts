// Tip topics (GET /api/tips/?topic=) and their names in plain words.

export const TOPICS = [
  { value: 'sitting-posture', label: 'Sitting' },
  { value: 'desk-setup', label: 'Your desk' },
  { value: 'lifting', label: 'Lifting' },
  { value: 'lying-sleeping', label: 'Lying and sleep' },
  { value: 'body-weight', label: 'Body weight' },
  { value: 'breaks', label: 'Breaks' },
  { value: 'heat-cold', label: 'Heat and cold' },
] as const;

export type Topic = (typeof TOPICS)[number]['value'];

/** A known topic from a query string value, or '' for all topics. */
export function topicFrom(value: string | null | undefined): Topic | '' {
  return TOPICS.some((t) => t.value === value) ? (value as Topic) : '';
}

export function topicLabel(value: string): string {
  return TOPICS.find((t) => t.value === value)?.label ?? value.replace(/-/g, ' ');
}
