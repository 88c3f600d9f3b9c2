// The page's Web Worker: loads tailor.wasm (Go's wasm_exec.js runs it)
// and runs checks for the page, off its main thread. It fetches nothing but
// tailor.wasm from the page's own folder, and in the self-contained
// tailor.html not even that: the page hands it the module.
"use strict";
if (typeof Go === "undefined") {
  importScripts("wasm_exec.js");
}

var loaded = null;

self.onmessage = function (e) {
  var m = e.data;
  if (m.type === "init") {
    loaded = load(m.wasmBase64).then(function (version) {
      self.postMessage({ type: "ready", version: version });
    }, function (err) {
      self.postMessage({ type: "failed", error: String((err && err.message) || err) });
    });
  } else if (m.type === "run" && loaded) {
    loaded.then(function () {
      var t0 = performance.now();
      var out;
      try {
        out = self.tailorRun(m.request);
      } catch (err) {
        // The Go program itself stopped (out of memory, say): the page
        // starts a fresh worker.
        self.postMessage({ type: "result", id: m.id, fatal: true,
          error: "tailor stopped while reading the file: " + String((err && err.message) || err) });
        return;
      }
      self.postMessage({ type: "result", id: m.id, kind: out.kind, json: out.json, html: out.html,
        error: out.error, ms: performance.now() - t0 });
    });
  }
};

// load starts the Go program and returns its version once tailorRun is
// defined.
function load(base64) {
  var bytes = base64 ? Promise.resolve(decode(base64)) : fetchModule("tailor.wasm");
  return bytes.then(function (buf) {
    var go = new Go();
    return WebAssembly.instantiate(buf, go.importObject).then(function (r) {
      go.run(r.instance);
      if (typeof self.tailorRun !== "function") {
        throw new Error("tailor.wasm did not start");
      }
      return self.tailorVersion;
    });
  });
}

function decode(base64) {
  var s = atob(base64);
  var out = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) {
    out[i] = s.charCodeAt(i);
  }
  return out;
}

// fetchModule fetches the module, telling the page how far it is.
function fetchModule(url) {
  return fetch(url).then(function (resp) {
    if (!resp.ok) {
      throw new Error(url + ": HTTP " + resp.status);
    }
    var total = Number(resp.headers.get("Content-Length")) || 0;
    if (!resp.body || !resp.body.getReader) {
      return resp.arrayBuffer();
    }
    var reader = resp.body.getReader();
    var chunks = [];
    var loadedBytes = 0;
    var lastReport = 0;
    function pump() {
      return reader.read().then(function (r) {
        if (r.done) {
          var out = new Uint8Array(loadedBytes);
          var off = 0;
          chunks.forEach(function (c) { out.set(c, off); off += c.length; });
          return out;
        }
        chunks.push(r.value);
        loadedBytes += r.value.length;
        if (loadedBytes - lastReport > 1048576) {
          lastReport = loadedBytes;
          self.postMessage({ type: "progress", loaded: loadedBytes, total: total });
        }
        return pump();
      });
    }
    return pump();
  });
}
