// Command bundle assembles the web page (make web): it copies the page's
// files, report.css and Go's wasm_exec.js beside tailor.wasm, and writes
// tailor.html, the same page in one self-contained file (scripts, styles,
// the worker and the module inlined) that opens from disk and may connect
// nowhere at all. Each file is written whole or not at all.
package main

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	page := flag.String("page", "cmd/tailor-web/page", "`DIR` of the page's sources")
	css := flag.String("css", "report/templates/report.css", "the reports' style sheet `FILE`")
	out := flag.String("out", "dist/web", "output `DIR`, which holds tailor.wasm")
	wasmExec := flag.String("wasm-exec", "", "Go's wasm_exec.js `FILE`: $(go env GOROOT)/lib/wasm/wasm_exec.js")
	flag.Parse()
	if *wasmExec == "" {
		fmt.Fprintln(os.Stderr, "bundle: -wasm-exec is required: $(go env GOROOT)/lib/wasm/wasm_exec.js")
		os.Exit(2)
	}
	if err := bundle(*page, *css, *wasmExec, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
}

// selfCSP is the Content-Security-Policy of tailor.html: its one script
// by hash, the module allowed to compile, the worker from a blob, and no
// connection of any kind.
const selfCSP = "default-src 'none'; script-src 'sha256-%s' 'wasm-unsafe-eval'; worker-src blob:; connect-src 'none'; " +
	"style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

var (
	cspMeta    = regexp.MustCompile(`(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)`)
	styleLinks = regexp.MustCompile(`<link rel="stylesheet" href="report.css">\s*<link rel="stylesheet" href="page.css">`)
	appScript  = `<script src="app.js"></script>`
)

func bundle(pageDir, cssPath, wasmExec, out string) error {
	read := func(path string) ([]byte, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read %w", err)
		}
		return b, nil
	}
	files := map[string][]byte{}
	for _, name := range []string{"index.html", "app.js", "worker.js", "page.css"} {
		b, err := read(filepath.Join(pageDir, name))
		if err != nil {
			return err
		}
		files[name] = b
	}
	var err error
	if files["report.css"], err = read(cssPath); err != nil {
		return err
	}
	if files["wasm_exec.js"], err = read(wasmExec); err != nil {
		return err
	}
	wasm, err := read(filepath.Join(out, "tailor.wasm"))
	if err != nil {
		return fmt.Errorf("%w (build it first: make web)", err)
	}
	for name, b := range files {
		if err := writeWhole(filepath.Join(out, name), b); err != nil {
			return err
		}
	}
	self, err := selfContained(files, wasm)
	if err != nil {
		return err
	}
	return writeWhole(filepath.Join(out, "tailor.html"), self)
}

// selfContained makes tailor.html of index.html: the styles in one style
// element, the worker's source and the module in script elements that never
// run (the page hands them to the worker), and app.js inline, allowed by
// its hash.
func selfContained(files map[string][]byte, wasm []byte) ([]byte, error) {
	page := string(files["index.html"])
	app := string(files["app.js"])
	worker := string(files["wasm_exec.js"]) + "\n" + string(files["worker.js"])
	for name, src := range map[string]string{"app.js": app, "worker.js": worker} {
		if strings.Contains(strings.ToLower(src), "</script") {
			return nil, fmt.Errorf("%s holds </script, which would end its element in tailor.html", name)
		}
	}
	if !cspMeta.MatchString(page) || !styleLinks.MatchString(page) || !strings.Contains(page, appScript) {
		return nil, errors.New("index.html lacks the CSP meta, the two style sheet links or the app.js script this bundler replaces")
	}
	sum := sha256.Sum256([]byte(app))
	csp := fmt.Sprintf(selfCSP, base64.StdEncoding.EncodeToString(sum[:]))
	page = cspMeta.ReplaceAllLiteralString(page, `<meta http-equiv="Content-Security-Policy" content="`+csp+`">`)
	page = styleLinks.ReplaceAllLiteralString(page, "<style>\n"+string(files["report.css"])+string(files["page.css"])+"</style>")
	var b strings.Builder
	b.WriteString(`<script type="text/plain" id="worker-source">` + worker + "</script>\n")
	b.WriteString(`<script type="application/octet-stream" id="wasm-base64">`)
	b.WriteString(base64.StdEncoding.EncodeToString(wasm))
	b.WriteString("</script>\n<script>" + app + "</script>")
	page = strings.Replace(page, appScript, b.String(), 1)
	return []byte(page), nil
}

// writeWhole writes a file by renaming a complete temporary one onto it.
func writeWhole(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".bundle-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
