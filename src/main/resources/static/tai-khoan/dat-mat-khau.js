/*
 * The page of an invitation link: reads the link's token, asks /api/invitations what the link can do,
 * lets the person set their password with it, or ask for a new link when it no longer works. The
 * token is taken out of the address bar at once; requests carry no cookie (the API needs none).
 */
(function () {
  'use strict';

  var API = '/api/invitations';
  var token = new URLSearchParams(window.location.search).get('ma') || '';
  // The token stays in this page's memory only: not in the address bar, the history or a bookmark.
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, '', window.location.pathname);
  }

  function find(name) {
    return document.querySelector('[data-' + name + ']');
  }

  var form = find('form');
  var message = find('message');
  var renew = find('renew');
  var done = find('done');

  function show(kind, text, problems) {
    message.className = 'message ' + kind;
    message.textContent = text;
    if (problems && problems.length) {
      var list = document.createElement('ul');
      problems.forEach(function (problem) {
        var item = document.createElement('li');
        item.textContent = problem;
        list.appendChild(item);
      });
      message.appendChild(list);
    }
    message.hidden = false;
  }

  function post(path, body) {
    return fetch(API + path, {
      method: 'POST', credentials: 'omit', cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () {
        return { message: 'Lỗi ' + response.status + '. Vui lòng thử lại sau.' };
      }).then(function (json) {
        return { status: response.status, body: json };
      });
    }, function () {
      return { status: 0, body: { message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.' } };
    });
  }

  function dayTime(value) {
    return new Date(value).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit',
      day: '2-digit', month: '2-digit', year: 'numeric' });
  }

  /** A link that no longer works: say so, and offer a new one. */
  function refused(text) {
    form.hidden = true;
    show('error', text);
    renew.hidden = false;
  }

  function start() {
    find('loading').hidden = true;
    if (!token) {
      refused('Đường dẫn không đầy đủ. Hãy mở đúng đường dẫn trong thư mời (sao chép cả dòng).');
      return;
    }
    post('/check', { token: token }).then(function (answer) {
      if (answer.status === 200 && answer.body.state === 'VALID') {
        find('account').textContent = answer.body.account;
        find('expires').textContent = 'Đường dẫn dùng được một lần, đến ' + dayTime(answer.body.expiresAt) + '.';
        form.hidden = false;
        document.getElementById('password').focus();
      } else {
        refused(answer.body.message || 'Đường dẫn không còn hiệu lực.');
      }
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = find('submit');
    var password = document.getElementById('password').value;
    var repeat = document.getElementById('repeat').value;
    if (password !== repeat) {
      show('error', 'Hai lần nhập mật khẩu không giống nhau.');
      return;
    }
    button.disabled = true;
    post('/password', { token: token, password: password, repeat: repeat }).then(function (answer) {
      button.disabled = false;
      if (answer.status === 200) {
        form.hidden = true;
        show('success', answer.body.message + ' Trang này không còn dùng được nữa.');
        find('tasklist').href = answer.body.tasklist;
        done.hidden = false;
        token = '';
      } else if (answer.status === 410) {
        refused(answer.body.message);
      } else if (answer.status === 400) {
        show('error', 'Mật khẩu chưa đạt yêu cầu, chưa có gì thay đổi:', answer.body.problems);
      } else {
        show('error', answer.body.message || 'Lỗi ' + answer.status + '. Vui lòng thử lại sau.');
      }
    });
  });

  find('renew-button').addEventListener('click', function () {
    var button = find('renew-button');
    button.disabled = true;
    post('/renewal', { token: token }).then(function (answer) {
      renew.hidden = true;
      show(answer.status === 202 ? 'info' : 'error', answer.body.message);
    });
  });

  start();
}());
