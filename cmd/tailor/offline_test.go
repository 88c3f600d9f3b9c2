package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestOffline: resumes are personal data and tailor never sends them
// anywhere. The binary cannot: it links no package that opens a socket or
// speaks HTTP or TLS, so a dependency that starts to need one fails here.
func TestOffline(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH: cannot list the binary's packages")
	}
	out, err := exec.Command(goCmd, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "os/exec") || len(deps) < 100 {
		t.Fatalf("go list -deps gave %d packages, not the binary's: %q", len(deps), deps)
	}
	for _, pkg := range []string{"net", "net/http", "crypto/tls", "net/smtp", "net/rpc"} {
		if slices.Contains(deps, pkg) {
			t.Errorf("tailor links %s", pkg)
		}
	}
}
