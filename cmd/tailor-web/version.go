//go:build js && wasm

package main

import (
	"runtime/debug"

	"github.com/tailor-cli/tailor/cmd/tailor-web/engine"
)

// version says which tailor the page runs: the module's version and the
// taxonomy's.
func version() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return v + " (" + engine.Version() + ")"
}
