// Import: reads the chosen file and sends its text (the server validates it; nothing is saved
// on an error).
(function () {
  var form = document.getElementById("import-form");
  if (!form) return;
  form.addEventListener("submit", function (ev) {
    var input = document.getElementById("f-file");
    if (!input.files || !input.files[0]) return;
    ev.preventDefault();
    var reader = new FileReader();
    reader.onload = function () {
      var body = new URLSearchParams();
      body.set("_csrf", form.querySelector('[name="_csrf"]').value);
      body.set("text", reader.result);
      body.set("fileName", input.files[0].name);
      var replace = form.querySelector('[name="replace"]');
      if (replace && replace.checked) body.set("replace", "1");
      fetch(form.action, {
        method: "POST",
        body: body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      })
        .then(function (r) {
          return r.text();
        })
        .then(function (html) {
          document.open();
          document.write(html);
          document.close();
        });
    };
    reader.readAsText(input.files[0], "utf-8");
  });
})();
