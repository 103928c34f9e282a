// Vietnamese webapps: the language settings shared by every Camunda webapp of this application.
import { locales } from '../../so-ket-language.js';

export default {
  locales,
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'nhận công việc đang chọn' },
    focusFilter: { key: 'ctrl+shift+f', description: 'chuyển đến bộ lọc đầu tiên' },
    focusList: { key: 'ctrl+alt+l', description: 'chuyển đến công việc đầu tiên trong danh sách' },
    focusForm: { key: 'ctrl+alt+f', description: 'chuyển đến ô nhập đầu tiên của biểu mẫu' },
    startProcess: { key: 'ctrl+alt+p', description: 'mở hộp thoại khởi tạo quy trình' }
  }
};
