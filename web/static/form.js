// Shows only the fields that apply (e.g. 签收日期 for registered post, 确认日期 online …).
// Without this script every field is shown and the server still asks for the one needed.
(function () {
  function update() {
    document.querySelectorAll("[data-show-field]").forEach(function (box) {
      var src = document.querySelector('[name="' + box.getAttribute("data-show-field") + '"]');
      if (!src) return;
      var values = box.getAttribute("data-show-values").split(" ");
      var show = values.indexOf(src.value) >= 0;
      box.hidden = !show;
      box.querySelectorAll("input,select,textarea").forEach(function (el) {
        el.disabled = !show;
      });
    });
  }
  document.addEventListener("change", update);
  document.addEventListener("DOMContentLoaded", update);
})();
