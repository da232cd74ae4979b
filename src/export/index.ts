/** Exports of parsed archives: a CSV bundle, Popolo JSON, Akoma Ntoso 3.0 debates. */
export { toCsvBundle } from './csv-bundle.js';
export { toPopolo } from './popolo.js';
export { toAkomaNtoso, type AknOptions } from './akn.js';
export type { CsvOptions } from './csv.js';
export type { PopoloBundle, PopoloPerson, PopoloOrganization, PopoloMembership, PopoloEvent, PopoloAttendance, PopoloSpeech, PopoloMotion } from './popolo-types.js';
