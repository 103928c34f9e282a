// Vietnamese webapps, and the campaign progress plugin for managers and PV01.
import { locales } from '../../so-ket-language.js';
import { dateFormat } from '../../so-ket-webapps.js';

export default {
  locales,
  dateFormat,
  customScripts: ['scripts/so-ket/progress-plugin']
};
