// Vietnamese webapps: the language and date settings shared by every Camunda webapp of this application.
import { locales } from '../../so-ket-language.js';
import { dateFormat } from '../../so-ket-webapps.js';

export default {
  locales,
  dateFormat,
  // Which engine runs, and where its patches come from: for the administrators only; the unit
  // registry's editions, and loading a new one.
  customScripts: ['scripts/so-ket/engine-notice', 'scripts/so-ket/registry']
};
