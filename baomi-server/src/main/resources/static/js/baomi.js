// Sends the CSRF token with every htmx request (the pages load no inline script: strict CSP).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A plain form with data-confirm="…" asks before it is sent (htmx buttons use hx-confirm instead).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// A check box with data-check-all="name" ticks or clears every check box of that name on the page.
document.addEventListener('change', function (event) {
  var name = event.target.getAttribute && event.target.getAttribute('data-check-all');
  if (name) {
    document.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
      box.checked = event.target.checked;
    });
  }
});

// The language links keep the page's own query (filters, page number) and change only lang=…
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('#lang-zh, #lang-en');
  if (!link) {
    return;
  }
  var params = new URLSearchParams(window.location.search);
  params.set('lang', link.id === 'lang-en' ? 'en' : 'zh-CN');
  event.preventDefault();
  window.location.search = params.toString();
});
