// Vietnamese webapps: the language settings shared by every Camunda webapp of this application.
import { locales } from '../../so-ket-language.js';

export default {
  locales
};
