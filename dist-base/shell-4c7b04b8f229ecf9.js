// Loupe's page shell, around the wasm app: the start-up error screen, the service worker and
// its "new version" prompt, the install button, and embed mode (height reports to the parent
// frame, validated theme messages). Every step degrades quietly where the browser refuses it
// (sandboxed frames, blocked storage).
(function () {
  'use strict';
  // Embed mode by the app's own rule (`Query::parse`): the last `embed=` is 1, true or yes.
  var embedValues = new URLSearchParams(location.search).getAll('embed');
  var embedded = /^(1|true|yes)$/.test((embedValues[embedValues.length - 1] || '').trim());

  // --- Start-up failure: show the error screen instead of a blank or spinning page.
  function fail(reason) {
    var loading = document.getElementById('loading');
    var fatal = document.getElementById('fatal');
    if (!fatal || !fatal.hidden) return;
    if (loading) loading.remove();
    fatal.hidden = false;
    var detail = document.getElementById('fatal-detail');
    if (detail) detail.textContent = String((reason && (reason.message || reason)) || 'unknown error');
  }
  window.addEventListener('unhandledrejection', function (event) {
    if (document.getElementById('loading')) fail(event.reason);
  });
  window.addEventListener('error', function (event) {
    if (document.getElementById('loading')) fail(event.message || event.error);
  });

  // --- Focus is never lost: when a control removes itself (a filter chip, "Clear all"), focus
  // moves to the result count instead of falling back to the page.
  document.addEventListener('click', function (event) {
    var target = event.target;
    setTimeout(function () {
      var active = document.activeElement;
      if (target.isConnected || (active && active !== document.body)) return;
      var fallback = document.querySelector('[data-focus-fallback]');
      if (fallback) fallback.focus({ preventScroll: true });
    }, 0);
  }, true);

  // --- Embed mode.
  if (embedded) {
    document.documentElement.classList.add('embed');
    var lastHeight = 0;
    // The body's own height: the document's scroll height never drops below the frame's.
    var report = function () {
      if (!document.body) return;
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== lastHeight && window.parent !== window) {
        lastHeight = height;
        window.parent.postMessage({ type: 'loupe:resize', height: height }, '*');
      }
    };
    var observe = function () {
      if ('ResizeObserver' in window) new ResizeObserver(report).observe(document.body);
      report();
    };
    if (document.body) observe(); else document.addEventListener('DOMContentLoaded', observe);
    // Theme variables from the host: only from the parent frame, only known names, only
    // colour or font values. Any other message is ignored.
    var allowed = { '--loupe-accent': 1, '--loupe-bg': 1, '--loupe-surface': 1, '--loupe-text': 1, '--loupe-muted': 1, '--loupe-border': 1, '--loupe-font': 1 };
    var colour = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s]+\)|[a-z]{3,20})$/i;
    var font = /^[\w\s,"'-]{1,120}$/;
    window.addEventListener('message', function (event) {
      var data = event.data;
      if (window.parent === window || event.source !== window.parent || !data || data.type !== 'loupe:theme' || typeof data.vars !== 'object') return;
      Object.keys(data.vars).forEach(function (name) {
        var value = String(data.vars[name]).trim();
        var ok = allowed[name] && (name === '--loupe-font' ? font.test(value) : colour.test(value));
        if (ok) document.documentElement.style.setProperty(name, value);
      });
    });
  }

  // --- Offline: the service worker, and the prompt when a new build is waiting.
  try {
    if ('serviceWorker' in navigator && location.protocol !== 'file:') {
      // Reload only when the reader asked for the new build (not when the first worker claims
      // the page).
      var updateRequested = false;
      navigator.serviceWorker.addEventListener('controllerchange', function () {
        if (!updateRequested) return;
        updateRequested = false;
        location.reload();
      });
      navigator.serviceWorker.register('./sw.js').then(function (registration) {
        var offer = function (worker) {
          var banner = document.getElementById('update');
          if (!banner || !navigator.serviceWorker.controller) return;
          banner.hidden = false;
          document.getElementById('update-reload').onclick = function () {
            updateRequested = true;
            worker.postMessage({ type: 'loupe:skip-waiting' });
          };
        };
        if (registration.waiting) offer(registration.waiting);
        registration.addEventListener('updatefound', function () {
          var worker = registration.installing;
          if (!worker) return;
          worker.addEventListener('statechange', function () {
            if (worker.state === 'installed') offer(worker);
          });
        });
      }).catch(function () { /* no worker: the page still works online */ });
    }
  } catch (blocked) { /* storage blocked (sandboxed frame): online only */ }

  // --- Install button (not inside another site's frame).
  if (!embedded) {
    window.addEventListener('beforeinstallprompt', function (event) {
      event.preventDefault();
      var button = document.getElementById('install');
      if (!button) return;
      button.hidden = false;
      button.onclick = function () {
        button.hidden = true;
        event.prompt();
      };
    });
  }
})();
