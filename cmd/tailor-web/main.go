//go:build js && wasm

// Command tailor-web is tailor compiled to WebAssembly for the web page
// (make web). It defines one JavaScript function, tailorRun(request), and
// waits: the page's Web Worker calls it with the files a person gave the
// page and gets back the reports (see package engine). Nothing it does
// leaves the browser: the module opens no connection.
package main

import (
	"syscall/js"

	"github.com/tailor-cli/tailor/cmd/tailor-web/engine"
)

func main() {
	js.Global().Set("tailorRun", js.FuncOf(run))
	js.Global().Set("tailorVersion", js.ValueOf(version()))
	select {}
}

// run is tailorRun: request is {resumes: [{name, data}], jobFile: {name,
// data} or null, jobText: string}, data being Uint8Arrays; it returns
// {kind, json, html, error}.
func run(_ js.Value, args []js.Value) any {
	if len(args) != 1 || args[0].Type() != js.TypeObject {
		return map[string]any{"kind": "", "json": "", "html": "", "error": "tailorRun needs one request object"}
	}
	in := args[0]
	var req engine.Request
	if rs := in.Get("resumes"); rs.Type() == js.TypeObject {
		for i := 0; i < rs.Length(); i++ {
			req.Resumes = append(req.Resumes, file(rs.Index(i)))
		}
	}
	if jf := in.Get("jobFile"); jf.Type() == js.TypeObject {
		f := file(jf)
		req.JobFile = &f
	}
	if jt := in.Get("jobText"); jt.Type() == js.TypeString {
		req.JobText = jt.String()
	}
	resp := engine.Run(req)
	return map[string]any{"kind": resp.Kind, "json": resp.JSON, "html": resp.HTML, "error": resp.Error}
}

// file copies a {name, data} object out of JavaScript.
func file(v js.Value) engine.File {
	data := v.Get("data")
	buf := make([]byte, data.Get("length").Int())
	js.CopyBytesToGo(buf, data)
	return engine.File{Name: v.Get("name").String(), Data: buf}
}
