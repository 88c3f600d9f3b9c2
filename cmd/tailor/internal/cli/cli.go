// Package cli is tailor's command line: it parses arguments, reads the
// inputs through extract, compares them through match, writes the report
// through report, and maps every outcome to an exit code. It is the only
// package that prints to the terminal or decides an exit status.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
)

// Exit codes. They are part of tailor's interface and documented in the
// README.
const (
	// ExitOK: the report was written.
	ExitOK = 0
	// ExitBelowThreshold: the report was written and the score is below
	// --min-score.
	ExitBelowThreshold = 1
	// ExitError: a usage error or an input that could not be read.
	ExitError = 2
)

// Version and Commit are tailor's version and the commit it was built
// from, set at build time with -ldflags "-X
// github.com/tailor-cli/tailor/cmd/tailor/internal/cli.Version=v1.2.3 -X
// ...cli.Commit=abc1234" (the release config does). Unset, they come from
// the build's own record: the module version of go install ...@v1.2.3, the
// commit of a build from a clone.
var (
	Version = ""
	Commit  = ""
)

// versionLine is what tailor --version prints after "tailor version": the
// version, the commit and the built-in taxonomy's version.
func versionLine() string {
	v, c := Version, Commit
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if c == "" && s.Key == "vcs.revision" {
				c = s.Value[:min(len(s.Value), 12)]
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	if c == "" {
		c = "unknown"
	}
	return fmt.Sprintf("%s (commit %s, taxonomy %s)", v, c, taxonomy.BuiltinVersion())
}

// usageError marks errors in how tailor was invoked. Unless it says all
// there is to know (noHint), a line that points at the help follows it.
type usageError struct {
	err    error
	noHint bool
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// belowThreshold is returned when the score is under --min-score; the
// report has been written.
var errBelowThreshold = errors.New("score below --min-score")

// Run runs tailor with the given arguments (args[0] is the program name)
// and returns the exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	// Asked for before the flags are parsed, so that a mistake in them is
	// reported as JSON too.
	jsonErrors := wantsJSON(args)
	// The last boundary: extract recovers the PDF and DOCX parsers'
	// panics itself; anything else (the tokenizer, the YAML parser, a bug
	// of ours) still ends as one line and exit 2, never a stack trace.
	defer func() {
		if r := recover(); r != nil {
			err := internalError(r)
			if jsonErrors {
				writeJSONError(stdout, err)
			} else {
				fmt.Fprintf(stderr, "tailor: %s\n", oneLine(err.Error()))
			}
			code = ExitError
		}
	}()
	app := &ucli.Command{
		Name:    "tailor",
		Usage:   "how well a resume fits a job, and exactly what to change",
		Version: versionLine(),
		// A job file's name may hold a comma: --job takes one file each time.
		DisableSliceFlagSeparator: true,
		Reader:                    stdin,
		Writer:                    stdout,
		ErrWriter:                 stderr,
		HideHelpCommand:           true,
		Suggest:                   true,
		ExitErrHandler:            func(context.Context, *ucli.Command, error) {},
		OnUsageError: func(_ context.Context, _ *ucli.Command, err error, _ bool) error {
			return usageError{err: err}
		},
		Commands: []*ucli.Command{
			checkCommand(stdin, stdout, stderr, &jsonErrors),
			screenCommand(stdin, stdout, stderr, &jsonErrors),
			mergeCommand(stdout, stderr, &jsonErrors),
			extractCommand(stdout, &jsonErrors),
			workerCommandDef(stdin, stdout),
		},
	}
	var public []string
	for _, c := range app.Commands {
		// A mistake in a command's flags is a usage error like any other:
		// one line (or the JSON object), not the whole help.
		c.OnUsageError = app.OnUsageError
		if !c.Hidden {
			public = append(public, c.Name)
		}
	}
	app.Action = func(ctx context.Context, cmd *ucli.Command) error {
		if cmd.Args().Len() > 0 {
			return usageError{err: fmt.Errorf("unknown command %q; the commands are %s", cmd.Args().First(), strings.Join(public, ", ")), noHint: true}
		}
		return ucli.ShowRootCommandHelp(cmd)
	}
	err := app.Run(ctx, args)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errBelowThreshold):
		return ExitBelowThreshold
	case errors.Is(err, errInterrupted):
		return ExitInterrupted
	}
	if jsonErrors {
		writeJSONError(stdout, err)
	} else {
		fmt.Fprintf(stderr, "tailor: %s\n", describe(err))
		var ue usageError
		if errors.As(err, &ue) && !ue.noHint {
			// Name the command the user ran ("screen"), check by default.
			name := "check"
			if k := slices.IndexFunc(args[min(1, len(args)):], func(a string) bool { return slices.Contains(public, a) }); k >= 0 {
				name = args[k+1]
			}
			fmt.Fprintf(stderr, "Run 'tailor --help' or 'tailor %s --help' for usage.\n", name)
		}
	}
	return ExitError
}

// wantsJSON reports whether the arguments ask for JSON output (--format
// json, -f json, --format=json): errors are then JSON objects on stdout.
func wantsJSON(args []string) bool {
	for i, a := range args {
		switch {
		case a == "--":
			return false
		case a == "--format=json" || a == "-format=json" || a == "-f=json":
			return true
		case (a == "--format" || a == "-format" || a == "-f") && i+1 < len(args) && args[i+1] == "json":
			return true
		}
	}
	return false
}

// recovered turns a panic in a goroutine into an error: a recover in Run
// cannot catch another goroutine's panic, which would end the process with
// a stack trace. Deferred at the top of each goroutine that runs parsers.
func recovered(err *error) {
	if r := recover(); r != nil {
		*err = internalError(r)
	}
}

// internalError describes a recovered panic in one line.
func internalError(r any) error {
	return fmt.Errorf("internal error: %s (please report it with the file that caused it)", oneLine(fmt.Sprint(r)))
}

// writeJSONError reports an error as a JSON object on stdout, for callers
// that asked for JSON.
func writeJSONError(w io.Writer, err error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(map[string]any{
		"schema_version": match.SchemaVersion,
		"error":          map[string]any{"message": describe(err), "exit_code": ExitError},
	})
}

// oneLine keeps the first line of a message.
func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// useColor reports whether text output to w should be coloured: only on a
// terminal, and never when NO_COLOR is set (https://no-color.org).
func useColor(w io.Writer) bool {
	return isTerminal(w) && os.Getenv("NO_COLOR") == ""
}

// loadTaxonomy returns the built-in taxonomy, extended or replaced by the
// file at path when path is not empty.
func loadTaxonomy(path string) (*taxonomy.Taxonomy, error) {
	base, err := taxonomy.Builtin()
	if err != nil {
		return nil, err
	}
	if path == "" {
		return base, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("taxonomy %s: %w", path, unwrapPath(err))
	}
	return taxonomy.Load(path, data, base)
}

// loadJob reads and analyses the job: a file, "-" for standard input, or
// the built-in profile when path is empty.
func loadJob(path string, stdin io.Reader, tax *taxonomy.Taxonomy, opts extract.Options) (*job.Job, error) {
	var doc *extract.Document
	var err error
	name := path
	switch path {
	case "":
		j, err := job.BuiltinProfile(job.DefaultProfile, tax)
		if err != nil {
			return nil, fmt.Errorf("job %w", err)
		}
		return j, nil
	case "-":
		data, rerr := readStdinJob(stdin)
		if rerr != nil {
			return nil, rerr
		}
		doc, err = extract.ReadPasted("-", data)
	default:
		if u := strings.ToLower(path); strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			return nil, fmt.Errorf("job %s: tailor never opens a connection; save the page from your browser and give the file (--job page.html), or paste the ad with --job -", path)
		}
		doc, err = extract.Read(path, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("job %w", err)
	}
	return job.New(name, doc, tax), nil
}

// readStdinJob reads a job description from standard input, up to the
// size limit of any file.
func readStdinJob(stdin io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(stdin, extract.DefaultMaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("job from standard input: %w", err)
	}
	if len(data) > extract.DefaultMaxBytes {
		return nil, fmt.Errorf("job from standard input: over the %d MB limit", extract.DefaultMaxBytes>>20)
	}
	return data, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
