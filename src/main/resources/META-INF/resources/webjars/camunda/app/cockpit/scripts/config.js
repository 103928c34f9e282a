// Vietnamese webapps, and the campaign progress plugin for managers and PV01.
import { locales } from '../../so-ket-language.js';

export default {
  locales,
  customScripts: ['scripts/so-ket/progress-plugin']
};
