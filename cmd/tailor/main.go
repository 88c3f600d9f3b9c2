// Command tailor tells how well a resume fits a job and what to change.
// See the README for usage; cli.Run holds the commands and exit codes.
package main

import (
	"context"
	"os"

	"github.com/tailor-cli/tailor/cmd/tailor/internal/cli"
)

func main() {
	os.Exit(cli.Run(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr))
}
