// 年终批量: while a job is queued or running, the page reloads every few seconds (progress).
(function () {
  if (document.querySelector("[data-refresh]"))
    window.setTimeout(function () {
      window.location.reload();
    }, 3000);
})();
