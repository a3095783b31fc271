// Print: prints the previewed PDF (the frame named by the button), not the page around it.
(function () {
  var buttons = document.querySelectorAll("button.print[data-frame]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function (ev) {
      var frame = document.getElementById(ev.currentTarget.getAttribute("data-frame"));
      if (frame && frame.contentWindow) {
        frame.contentWindow.focus();
        frame.contentWindow.print();
      } else window.print();
    });
  }
})();
