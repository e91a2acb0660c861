import { describe, expect, it } from 'vitest';
import { topicFrom, topicLabel, TOPICS } from './tips';

describe('tips topics', () => {
  it('covers the seven API topics', () => {
    expect(TOPICS.map((t) => t.value)).toEqual(['sitting-posture', 'desk-setup', 'lifting', 'lying-sleeping', 'body-weight', 'breaks', 'heat-cold']);
  });
  it('accepts only known topics from the address bar', () => {
    expect(topicFrom('lifting')).toBe('lifting');
    expect(topicFrom('nope')).toBe('');
    expect(topicFrom(null)).toBe('');
  });
  it('names topics', () => {
    expect(topicLabel('heat-cold')).toBe('Heat and cold');
    expect(topicLabel('new-topic')).toBe('new topic');
  });
});
