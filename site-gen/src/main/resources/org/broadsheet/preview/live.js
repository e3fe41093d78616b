// Broadsheet preview: reloads the page after each successful rebuild and shows the build's
// problems in an overlay while there are any. Served only by `broadsheet serve`, never built.
(function () {
  "use strict";
  var OVERLAY_ID = "broadsheet-preview-problems";
  var seen = null;

  function hideProblems() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }

  function showProblems(problems) {
    hideProblems();
    if (!problems || problems.length === 0) return;
    var box = document.createElement("section");
    box.id = OVERLAY_ID;
    box.setAttribute("role", "alert");
    box.setAttribute("aria-label", "Build problems");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "margin:0;padding:1rem 1.25rem;background:#1d1d1f;color:#f5f5f7;border-top:4px solid #e5484d;" +
      "font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -8px 24px rgba(0,0,0,.35)";
    var title = document.createElement("strong");
    title.textContent = problems.length + (problems.length === 1 ? " problem" : " problems") +
      " in the last rebuild; showing the last good version";
    title.style.cssText = "display:block;margin-bottom:.5rem;color:#ff8b8b;font-family:system-ui,sans-serif";
    box.appendChild(title);
    problems.forEach(function (p) {
      var pre = document.createElement("pre");
      pre.textContent = p.text;
      pre.style.cssText = "margin:.25rem 0 .75rem;white-space:pre-wrap";
      box.appendChild(pre);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Dismiss";
    close.style.cssText = "position:absolute;top:.75rem;right:1rem";
    close.onclick = hideProblems;
    box.appendChild(close);
    document.body.appendChild(box);
  }

  var source = new EventSource("/_broadsheet/events");
  source.addEventListener("hello", function (e) {
    var state = JSON.parse(e.data);
    if (seen !== null && state.generation !== seen && state.problems.length === 0) {
      location.reload(); // a rebuild finished while the server was out of reach
      return;
    }
    seen = state.generation;
    showProblems(state.problems);
  });
  source.addEventListener("reload", function () {
    location.reload();
  });
  source.addEventListener("problems", function (e) {
    var state = JSON.parse(e.data);
    seen = state.generation;
    showProblems(state.problems);
  });
})();
