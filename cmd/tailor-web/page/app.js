// tailor's web page: reads the files a person gives it and runs tailor's
// engine (tailor.wasm) on them in a Web Worker, so the page never freezes,
// and shows the report the command line would write. Nothing is sent
// anywhere: the worker gets the files' bytes and gives back the reports.
"use strict";
(function () {
  // A check that takes longer than this is stopped: the worker is
  // terminated (a hostile file must not hang the tab) and started again.
  // (?deadline=N in the page's address sets it in milliseconds, for tests.)
  var DEADLINE_MS = Number(new URLSearchParams(location.search).get("deadline")) || 20000;

  var $ = function (id) { return document.getElementById(id); };
  var form = $("form"), resumeInput = $("resume"), jobText = $("job-text"), jobFile = $("job-file");
  var checkButton = $("check"), saveButton = $("save"), status = $("status"), result = $("result");

  var worker = null;
  var ready = false;
  var running = null; // {id, timer, names} of the check in flight
  var nextID = 1;
  var lastHTML = "", lastName = "";
  // restarted: the engine was restarted after a failure, whose message
  // stays on screen while the new one loads.
  var restarted = false;

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  function megabytes(n) { return (n / 1048576).toFixed(1) + " MB"; }

  // startWorker starts the engine: from worker.js and tailor.wasm beside
  // the page, or, in the self-contained tailor.html, from the sources the
  // page holds (worker-source, wasm-base64).
  function startWorker() {
    ready = false;
    checkButton.disabled = true;
    var inline = $("worker-source");
    if (inline) {
      var url = URL.createObjectURL(new Blob([inline.textContent], { type: "text/javascript" }));
      worker = new Worker(url);
      URL.revokeObjectURL(url);
    } else {
      worker = new Worker("worker.js");
    }
    worker.onmessage = onMessage;
    worker.onerror = function (e) {
      e.preventDefault();
      say("tailor could not start: " + (e.message || "the engine failed to load") + ".", true);
    };
    var wasm = $("wasm-base64");
    worker.postMessage({ type: "init", wasmBase64: wasm ? wasm.textContent : "" });
  }

  function onMessage(e) {
    var m = e.data;
    switch (m.type) {
      case "progress":
        if (restarted) { break; }
        say("Loading tailor… " + megabytes(m.loaded) + (m.total ? " of " + megabytes(m.total) : ""));
        break;
      case "ready":
        ready = true;
        checkButton.disabled = false;
        if (!restarted) {
          document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
          document.documentElement.dataset.tailor = "ready";
          say("Ready (tailor " + m.version + "). Pick a resume and press Check.");
        }
        restarted = false;
        break;
      case "failed":
        say("tailor could not start: " + m.error, true);
        break;
      case "result":
        if (!running || m.id !== running.id) { return; }
        clearTimeout(running.timer);
        running = null;
        checkButton.disabled = false;
        show(m);
        if (m.fatal) {
          restarted = true;
          worker.terminate();
          startWorker();
        }
        break;
    }
  }

  function readFile(f) {
    return f.arrayBuffer().then(function (buf) { return { name: f.name, data: new Uint8Array(buf) }; });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (!ready || running) { return; }
    restarted = false;
    var files = Array.prototype.slice.call(resumeInput.files);
    if (files.length === 0) {
      say("Pick a resume first: a PDF, DOCX, text or Markdown file.", true);
      resumeInput.focus();
      return;
    }
    checkButton.disabled = true;
    say("Checking " + (files.length === 1 ? files[0].name : files.length + " resumes") + "…");
    var reads = files.map(readFile);
    reads.push(jobFile.files.length ? readFile(jobFile.files[0]) : Promise.resolve(null));
    Promise.all(reads).then(function (got) {
      var job = got.pop();
      var id = nextID++;
      var names = files.map(function (f) { return f.name; }).join(", ");
      running = { id: id, names: names, timer: setTimeout(tooSlow, DEADLINE_MS) };
      var transfer = got.map(function (f) { return f.data.buffer; });
      if (job) { transfer.push(job.data.buffer); }
      worker.postMessage({ type: "run", id: id, request: { resumes: got, jobFile: job, jobText: jobText.value } }, transfer);
    }, function (err) {
      checkButton.disabled = false;
      say("Could not read the file: " + err.message, true);
    });
  });

  // tooSlow stops a check past its deadline and starts a fresh engine.
  function tooSlow() {
    var names = running ? running.names : "the file";
    running = null;
    worker.terminate();
    say(names + ": gave up after " + DEADLINE_MS / 1000 + " seconds; the file may be damaged so that reading it never ends. tailor was restarted.", true);
    document.documentElement.dataset.tailor = "timeout";
    restarted = true;
    startWorker();
  }

  // show puts the report in the page: the body of tailor's HTML report
  // (escaped by tailor; parsed inert, its scripts never run) under a
  // heading, its copy buttons working.
  function show(m) {
    result.replaceChildren();
    lastHTML = "";
    saveButton.hidden = true;
    if (m.error) {
      say(m.error, true);
      document.documentElement.dataset.tailor = "error";
      return;
    }
    var doc = new DOMParser().parseFromString(m.html, "text/html");
    doc.querySelectorAll("script").forEach(function (s) { s.remove(); });
    var title = document.createElement("h2");
    title.className = "report-title";
    var meta = doc.querySelector("header .meta");
    title.textContent = (m.kind === "shortlist" ? "Shortlist" : "Gap report") + (meta ? ": " + meta.textContent : "");
    result.appendChild(title);
    doc.querySelectorAll("head style").forEach(function (s) { result.appendChild(document.adoptNode(s)); });
    var main = doc.querySelector("main");
    while (main && main.firstChild) { result.appendChild(document.adoptNode(main.firstChild)); }
    wireCopyButtons(result);
    lastHTML = m.html;
    lastName = (m.kind === "shortlist" ? "shortlist" : "gap-report") + ".html";
    saveButton.hidden = false;
    result.dataset.json = m.json;
    result.dataset.ms = String(Math.round(m.ms));
    document.documentElement.dataset.tailor = "done";
    say("Done in " + Math.round(m.ms) + " ms. The report is below; nothing left this page.");
    title.tabIndex = -1;
    title.focus();
  }

  function wireCopyButtons(root) {
    root.querySelectorAll("button.copy").forEach(function (b) {
      b.addEventListener("click", function () {
        var code = b.parentElement.querySelector("code");
        if (code && navigator.clipboard) {
          navigator.clipboard.writeText(code.textContent).then(function () {
            b.textContent = "Copied";
            setTimeout(function () { b.textContent = "Copy"; }, 1500);
          }, function () { /* the text stays on the page to copy by hand */ });
        }
      });
    });
  }

  saveButton.addEventListener("click", function () {
    if (!lastHTML) { return; }
    var url = URL.createObjectURL(new Blob([lastHTML], { type: "text/html" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = lastName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  // Dropping files on the resume field picks them as resumes; dropping one
  // on the job's field picks it as the job description file.
  function dropTarget(area, input) {
    area.addEventListener("dragover", function (e) { e.preventDefault(); area.classList.add("dragging"); });
    area.addEventListener("dragleave", function () { area.classList.remove("dragging"); });
    area.addEventListener("drop", function (e) {
      e.preventDefault();
      area.classList.remove("dragging");
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; }
    });
  }
  dropTarget($("resume-drop"), resumeInput);
  dropTarget($("job-drop"), jobFile);

  startWorker();
})();
