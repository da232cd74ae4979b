/** People index: people across meetings by folded name, split by org, homonyms reported, an alias file to override. */
export { collectPeople, buildPeopleIndex, personIdOf, type PeopleCollector, type PeopleOptions } from './build.js';
export { parseAliases, type Aliases, type AliasPerson, type AliasRule } from './aliases.js';
export type { NotAPerson } from './names.js';
export type { Abbreviation, Rename } from './renames.js';
export { foldName } from './fold.js';
export type { Appearance, Homonym, IndexedPerson, MeetingInfo, Mention, PeopleIndex, PersonRole, RefusedName, TitleSpan } from './types.js';
