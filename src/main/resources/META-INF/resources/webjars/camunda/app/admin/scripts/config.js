// Vietnamese webapps: the language and date settings shared by every Camunda webapp of this application.
import { locales } from '../../so-ket-language.js';
import { dateFormat } from '../../so-ket-webapps.js';

export default {
  locales,
  dateFormat,
  // Which engine runs, and where its patches come from: for the administrators only.
  customScripts: ['scripts/so-ket/engine-notice']
};
