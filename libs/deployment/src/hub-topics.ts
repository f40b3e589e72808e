import { EVENT_TYPES } from '@hub/contracts';
import { canonicalTopicSpec, HUB_OWN_TOPICS, memberTopicSpecs, ownTopicSpec, type TopicSpec } from '@hub/messaging';

/** Every topic a hub with these member departments has: the contracts' canonical topics, the hub's own, and each member's three. */
export function hubTopics(departments: readonly string[]): TopicSpec[] {
  const canonical = [...new Set(Object.values(EVENT_TYPES).map((binding) => binding.topic))].sort();
  const own = (Object.keys(HUB_OWN_TOPICS) as (keyof typeof HUB_OWN_TOPICS)[]).map((kind) => ownTopicSpec(kind));
  return [...canonical.map((topic) => canonicalTopicSpec(topic)), ...own, ...departments.flatMap((department) => memberTopicSpecs(department))];
}
