/** People index: people merged across meetings by folded name, split by org, homonyms reported. */
export { collectPeople, buildPeopleIndex, personIdOf, type PeopleCollector } from './build.js';
export { foldName } from './fold.js';
export type { Appearance, Homonym, IndexedPerson, MeetingInfo, Mention, PeopleIndex, PersonRole, TitleSpan } from './types.js';
