// Export progress on the conferences page: asks for each pending export every few seconds and shows its
// progress; when one is ready (or failed) the page reloads to show the download link. Without this script the
// page says to reload.
(function () {
  function poll() {
    var pending = document.querySelectorAll('[data-export]');
    if (!pending.length) return;
    var checks = Array.prototype.map.call(pending, function (element) {
      return window.fetch(element.getAttribute('data-export'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (job) {
          if (!job) return false;
          if (job.status === 'done' || job.status === 'failed') return true;
          var progress = job.progress || {};
          element.textContent = element.getAttribute('data-template').replace('{done}', progress.done || 0).replace('{total}', progress.total || '…');
          return false;
        })
        .catch(function () { return false; });
    });
    Promise.all(checks).then(function (finished) {
      if (finished.some(Boolean)) window.location.reload();
      else window.setTimeout(poll, 3000);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { window.setTimeout(poll, 1500); });
})();
