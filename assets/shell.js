// Loupe's page shell, around the wasm app: the start-up error screen, the prerendered page's
// search key, the service worker and its "new version" prompt, the install button, and embed
// mode (height reports and readiness to the parent frame; validated theme, navigate and question
// messages from it). Every step degrades quietly where the browser refuses it (sandboxed frames,
// blocked storage).
(function () {
  'use strict';
  // Embed mode by the app's own rule (`Query::parse`): the last `embed=` is 1, true or yes.
  var embedValues = new URLSearchParams(location.search).getAll('embed');
  var embedded = /^(1|true|yes)$/.test((embedValues[embedValues.length - 1] || '').trim());

  // --- Start-up failure: show the error screen instead of a blank or spinning page. A
  // prerendered page the reader sees stays readable, with the error at its foot where the note
  // that the app was starting stood (its search and filters will not answer, and it says so).
  // The app's panic hook does the same (`state::show_fatal_error`, with the same stand-ins).
  function fail(reason) {
    var fatal = document.getElementById('fatal');
    if (!fatal || !fatal.hidden) return;
    var keepPage = prerenderedPage();
    ['loading', 'starting'].concat(keepPage ? [] : ['prerendered']).forEach(function (id) {
      var standIn = document.getElementById(id);
      if (standIn) standIn.remove();
    });
    if (keepPage) document.documentElement.classList.add('start-failed');
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

  // --- The prerendered page (the default view in index.html, until the app takes its place):
  // "/" jumps to its search box, as in the app (src/components/search_box.rs); a button pressed
  // there is numbered, to be pressed again in the app once it has started (src/handover.rs, which
  // also carries the search typed, the filters ticked and the focus), and the note that the app
  // is starting shows at once.
  // As `handover::shows_prerendered_page` asks it: not another view, and a page drawn (a
  // Trunk-only build leaves the place empty).
  function prerenderedPage() {
    var page = document.getElementById('prerendered');
    return !document.documentElement.classList.contains('other-view') && page && page.firstElementChild ? page : null;
  }
  var presses = 0;
  document.addEventListener('click', function (event) {
    var page = prerenderedPage();
    var button = page && event.target instanceof Element && event.target.closest('button');
    if (!button || !page.contains(button)) return;
    button.setAttribute('data-loupe-press', String(++presses));
    var note = document.getElementById('starting');
    if (note) note.classList.add('asked');
  }, true);
  document.addEventListener('keydown', function (event) {
    var page = prerenderedPage();
    var box = page && page.querySelector('#search-input');
    var target = event.target;
    var typing = target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && target.type !== 'checkbox';
    if (!box || event.key !== '/' || typing || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    box.focus();
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
    var setTheme = function (data) {
      if (!data.vars || typeof data.vars !== 'object') return;
      Object.keys(data.vars).forEach(function (name) {
        var value = String(data.vars[name]).trim();
        var ok = allowed[name] && (name === '--loupe-font' ? font.test(value) : colour.test(value));
        if (ok) document.documentElement.style.setProperty(name, value);
      });
    };
    // A new view from the host: a query string, set as the reader's navigation would be (a
    // history entry, then the app reads the URL as it does for Back). Embed mode is kept.
    var navigate = function (data) {
      if (typeof data.query !== 'string' || data.query.length > 4000) return;
      var params = new URLSearchParams(data.query);
      params.set('embed', '1');
      history.pushState(null, '', location.pathname + '?' + params);
      window.dispatchEvent(new PopStateEvent('popstate'));
    };
    // Questions from the host, answered by the app's JavaScript API (the engine's functions) as
    // {type: "loupe:result", id, result}; a malformed question gets no answer.
    var isText = function (value, limit) { return typeof value === 'string' && value.length <= limit; };
    var questions = {
      'loupe:query': function (data, api) { if (isText(data.query, 4000)) return api.loupeQuery(data.query); },
      'loupe:suggest': function (data, api) {
        var query = data.query === undefined ? '' : data.query;
        if (isText(data.text, 1000) && isText(query, 4000)) return api.loupeSuggest(data.text, query);
      },
      'loupe:passages': function (data, api) {
        var ok = Array.isArray(data.ids) && data.ids.length <= 100000 && data.ids.every(function (id) { return isText(id, 1000); });
        if (ok) return api.loupePassages(data.ids);
      },
      'loupe:facets': function (data, api) { return api.loupeFacets(); },
      'loupe:documents': function (data, api) { return api.loupeDocuments(); },
    };
    var api = null;
    var waiting = [];
    var answer = function (event) {
      var data = event.data;
      if (!isText(data.id, 200) && !(typeof data.id === 'number' && isFinite(data.id))) return;
      if (!api) { if (waiting.length < 1000) waiting.push(event); return; }
      var result;
      try { result = questions[data.type](data, api); } catch (error) { return; }
      if (result === undefined) return;
      event.source.postMessage({ type: 'loupe:result', id: data.id, result: result }, event.origin === 'null' ? '*' : event.origin);
    };
    // Messages count only from the parent frame, of a known type, with an object payload;
    // anything else is ignored.
    window.addEventListener('message', function (event) {
      var data = event.data;
      if (window.parent === window || event.source !== window.parent || !data || typeof data !== 'object' || typeof data.type !== 'string') return;
      if (data.type === 'loupe:theme') setTheme(data);
      else if (data.type === 'loupe:navigate') navigate(data);
      else if (Object.prototype.hasOwnProperty.call(questions, data.type)) answer(event);
    });
    // Once the app runs, its API answers what waited, and the host hears that it is ready.
    window.addEventListener('TrunkApplicationStarted', function () {
      api = window.wasmBindings;
      waiting.splice(0).forEach(answer);
      if (window.parent !== window) window.parent.postMessage({ type: 'loupe:ready' }, '*');
    });
  }

  // --- Offline: the service worker, and the prompt when a new build is waiting. Registered once
  // the app's first view is painted (or, should the app never start, a while after the page has
  // loaded), so that precaching the whole build does not compete with a first visit's start.
  var workerRegistered = false;
  function registerWorker() {
    // `loupe serve` marks the page it serves: it has no worker, as a cached build would hide an edit.
    if (workerRegistered || document.documentElement.hasAttribute('data-loupe-serve')) return;
    workerRegistered = true;
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
  }
  window.addEventListener('TrunkApplicationStarted', function () {
    requestAnimationFrame(function () { setTimeout(registerWorker, 0); });
  });
  window.addEventListener('load', function () { setTimeout(registerWorker, 3000); });

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
