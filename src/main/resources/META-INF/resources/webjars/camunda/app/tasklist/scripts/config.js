// Vietnamese webapps: the language and date settings shared by every Camunda webapp of this application.
import { locales } from '../../so-ket-language.js';
import { dateFormat } from '../../so-ket-webapps.js';

export default {
  locales,
  dateFormat,
  // Due dates written out on the task cards, and dd/mm/yyyy in the date pickers of Camunda Forms;
  // the units of the day under the campaign start form's field of participating units.
  customScripts: ['scripts/so-ket/dates', 'scripts/so-ket/start-units'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'nhận công việc đang chọn' },
    focusFilter: { key: 'ctrl+shift+f', description: 'chuyển đến bộ lọc đầu tiên' },
    focusList: { key: 'ctrl+alt+l', description: 'chuyển đến công việc đầu tiên trong danh sách' },
    focusForm: { key: 'ctrl+alt+f', description: 'chuyển đến ô nhập đầu tiên của biểu mẫu' },
    startProcess: { key: 'ctrl+alt+p', description: 'mở hộp thoại khởi tạo quy trình' }
  }
};
