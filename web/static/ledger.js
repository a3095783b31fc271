// Ledger upload: reads the chosen Excel/CSV file and sends its bytes (base64) with its name; the
// server reads it through the import and shows what it found (nothing is saved before the
// clerk confirms).
(function () {
  var form = document.getElementById("ledger-form");
  if (!form) return;
  form.addEventListener("submit", function (ev) {
    var input = document.getElementById("f-ledger");
    if (!input.files || !input.files[0]) return;
    ev.preventDefault();
    var file = input.files[0];
    var reader = new FileReader();
    reader.onload = function () {
      var bytes = new Uint8Array(reader.result);
      var binary = "";
      for (var i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      var body = new URLSearchParams();
      body.set("_csrf", form.querySelector('[name="_csrf"]').value);
      body.set("year", form.querySelector('[name="year"]').value);
      body.set("fileName", file.name);
      body.set("data", window.btoa(binary));
      var sheets = form.querySelector('[name="sheets"]');
      if (sheets) body.set("sheets", sheets.value);
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
    reader.readAsArrayBuffer(file);
  });
})();
