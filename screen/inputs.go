package screen

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/tailor-cli/tailor/match"
)

// Input is one file named by the command line, with what to do about it.
type Input struct {
	// Path is the file's path as found.
	Path string
	// Status is OK for a file to process, Skipped for another file type,
	// Error for a path that cannot be read (missing, dangling symlink).
	Status match.RowStatus
	// Reason says why the input is skipped or failed.
	Reason string
}

// Collect expands command-line inputs into a sorted list of files: a file
// stands for itself; a folder for every file below it (hidden folders are
// not entered); a pattern with * ? or [ for the paths it matches; and "-"
// for the newline-separated paths read from stdin. supported decides which
// files are resumes; other files are listed as Skipped. A path named on
// the command line that does not exist is an error (a mistyped folder
// must not look like an empty one); paths read from stdin that do not
// exist, and patterns that match nothing, are listed as Error. The same
// path named twice is listed once.
func Collect(args []string, stdin io.Reader, supported func(path string) bool) ([]Input, error) {
	seen := map[string]bool{}
	var out []Input
	add := func(in Input) {
		key := filepath.Clean(in.Path)
		if !seen[key] {
			seen[key] = true
			out = append(out, in)
		}
	}
	// listed says the path came from the list on stdin, where a path that
	// does not exist is a row, not an error.
	var expand func(arg string, listed bool) error
	expand = func(arg string, listed bool) error {
		st, err := os.Lstat(arg)
		switch {
		case err == nil && st.IsDir():
			return walk(arg, add, supported)
		case err == nil:
			add(fileInput(arg, st, supported))
			return nil
		case strings.ContainsAny(arg, "*?["):
			matches, gerr := filepath.Glob(arg)
			if gerr != nil {
				return fmt.Errorf("pattern %q: %w", arg, gerr)
			}
			if len(matches) == 0 {
				add(Input{Path: arg, Status: match.RowError, Reason: "no file matches this pattern"})
			}
			for _, m := range matches {
				if err := expand(m, listed); err != nil {
					return err
				}
			}
			return nil
		case listed:
			add(Input{Path: arg, Status: match.RowError, Reason: pathReason(err)})
			return nil
		default:
			return fmt.Errorf("%s: %s", arg, pathReason(err))
		}
	}
	for _, arg := range args {
		if arg != "-" {
			if err := expand(arg, false); err != nil {
				return nil, err
			}
			continue
		}
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" {
				if err := expand(line, true); err != nil {
					return nil, err
				}
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("read the list of files from standard input: %w", err)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// walk lists every file under root, not entering hidden folders.
func walk(root string, add func(Input), supported func(string) bool) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			add(Input{Path: path, Status: match.RowError, Reason: pathReason(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		st, err := os.Lstat(path)
		if err != nil {
			add(Input{Path: path, Status: match.RowError, Reason: pathReason(err)})
			return nil
		}
		add(fileInput(path, st, supported))
		return nil
	})
}

// fileInput classifies one non-directory path.
func fileInput(path string, st fs.FileInfo, supported func(string) bool) Input {
	if st.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Stat(path)
		if err != nil {
			return Input{Path: path, Status: match.RowError, Reason: "dangling symbolic link: " + pathReason(err)}
		}
		st = target
	}
	switch {
	case st.IsDir():
		return Input{Path: path, Status: match.RowSkipped, Reason: "a link to a folder (not followed)"}
	case !st.Mode().IsRegular():
		return Input{Path: path, Status: match.RowSkipped, Reason: "not a regular file"}
	case !supported(path):
		ext := filepath.Ext(path)
		if ext == "" {
			ext = "(no extension)"
		}
		return Input{Path: path, Status: match.RowSkipped, Reason: "not a resume format tailor reads: " + ext}
	}
	return Input{Path: path, Status: match.RowOK}
}

func pathReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// Shard is one part of a partitioned input list: part K of N, 1 ≤ K ≤ N.
type Shard struct{ K, N int }

// ParseShard reads "K/N".
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	ki, err1 := strconv.Atoi(k)
	ni, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || ni < 1 || ki < 1 || ki > ni {
		return Shard{}, fmt.Errorf("--shard %q: want K/N with 1 ≤ K ≤ N, e.g. 1/4", s)
	}
	return Shard{ki, ni}, nil
}

// Select returns the shard's part of a sorted input list: every N-th input
// starting at the K-th. Every input belongs to exactly one of the N shards,
// whatever machine computes them, because the list is sorted.
func (s Shard) Select(inputs []Input) []Input {
	if s.N <= 1 {
		return inputs
	}
	var out []Input
	for i := s.K - 1; i < len(inputs); i += s.N {
		out = append(out, inputs[i])
	}
	return out
}
