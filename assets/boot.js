// Loupe's start-up guard: if the wasm app cannot load or start, replace the loading state with
// the error screen instead of leaving a blank or spinning page.
(function () {
  function fail(reason) {
    var loading = document.getElementById('loading');
    var fatal = document.getElementById('fatal');
    if (!fatal || !fatal.hidden) return;
    if (loading) loading.remove();
    fatal.hidden = false;
    var detail = document.getElementById('fatal-detail');
    if (detail) detail.textContent = String(reason && (reason.message || reason) || 'unknown error');
  }
  window.addEventListener('unhandledrejection', function (event) {
    if (document.getElementById('loading')) fail(event.reason);
  });
  window.addEventListener('error', function (event) {
    if (document.getElementById('loading')) fail(event.message || event.error);
  });
})();
