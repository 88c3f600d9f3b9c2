package screen

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/tailor-cli/tailor/match"
)

// Pool processes files in worker processes. A worker is a child process of
// tailor itself that reads one JSON line of configuration, says it is ready
// once it has set itself up, then reads one request per line and answers
// each with one Row as a JSON line (see Serve). The PDF library cannot be
// interrupted, so a file that takes longer than Timeout is given up by
// killing its worker, which stops its CPU use for certain; the next file
// gets a fresh worker. A file's time starts when a ready worker is sent
// it: a worker's start-up (loading the taxonomy, analysing the job) is
// never charged to the file it then reads.
type Pool struct {
	// Command returns the command that starts one worker.
	Command func() *exec.Cmd
	// Config is sent to every worker as its first line.
	Config any
	// Workers is how many workers run at once; at least 1.
	Workers int
	// Timeout is the most time one file may take, from when it is sent to
	// a ready worker.
	Timeout time.Duration
	// StartTimeout is the most time a worker may take to get ready; zero
	// means DefaultStartTimeout. It guards against a worker that hangs
	// while setting up, not against slow files.
	StartTimeout time.Duration
	// MakeRow, when set, adjusts the rows the pool makes itself (for
	// skipped files, and files that timed out or crashed a worker).
	MakeRow func(match.Row) match.Row
}

// row encodes a row the pool makes itself.
func (p *Pool) row(r match.Row) []byte {
	if p.MakeRow != nil {
		r = p.MakeRow(r)
	}
	return rowJSON(r)
}

// DefaultStartTimeout is how long a worker may take to get ready when
// Pool.StartTimeout is zero: far more than start-up ever takes (tens of
// milliseconds), so that only a hang reaches it.
const DefaultStartTimeout = 2 * time.Minute

// readyLine is the line a worker writes once it has set itself up.
const readyLine = `{"ready":true}`

// request is one line sent to a worker.
type request struct {
	Path string `json:"path"`
}

// Run processes inputs and calls emit with each file's Row, as a line that
// Results.Add takes (its ranking head, a tab, the row as JSON: see
// AppendRow), from one goroutine at a time. Inputs that are not OK become rows
// without a worker. It returns when every input has a row, or when ctx is
// done (the rows emitted so far stay emitted).
func (p *Pool) Run(ctx context.Context, inputs []Input, emit func(raw []byte) error) error {
	config, err := json.Marshal(p.Config)
	if err != nil {
		return fmt.Errorf("encode worker configuration: %w", err)
	}
	work := make(chan Input)
	var mu sync.Mutex
	var emitErr error
	send := func(raw []byte) {
		mu.Lock()
		defer mu.Unlock()
		if emitErr == nil {
			emitErr = emit(raw)
		}
	}
	var wg sync.WaitGroup
	for range max(p.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var w *worker
			defer func() { w.stop() }()
			for in := range work {
				var row []byte
				row, w = p.process(ctx, w, config, in)
				send(row)
			}
		}()
	}
	for _, in := range inputs {
		if in.Status != match.RowOK {
			send(p.row(match.Row{File: in.Path, Status: in.Status, Error: in.Path + ": " + in.Reason}))
			continue
		}
		select {
		case work <- in:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	return emitErr
}

// process sends one file to a worker, starting one if needed, and returns
// the row and the worker to use next (nil after it was stopped).
func (p *Pool) process(ctx context.Context, w *worker, config []byte, in Input) ([]byte, *worker) {
	fail := func(reason string) []byte {
		return p.row(match.Row{File: in.Path, Status: match.RowError, Error: in.Path + ": " + reason})
	}
	if w == nil {
		var err error
		if w, err = startWorker(ctx, p.Command(), config, cmp.Or(p.StartTimeout, DefaultStartTimeout)); err != nil {
			return fail(err.Error()), nil
		}
	}
	if err := w.send(request{Path: in.Path}); err != nil {
		reason := w.stopWithReason("the worker could not take the file")
		return fail(reason), nil
	}
	timer := time.NewTimer(p.Timeout)
	defer timer.Stop()
	select {
	case line, ok := <-w.lines:
		if !ok {
			return fail(w.stopWithReason("the worker stopped while reading this file")), nil
		}
		return line, w
	case <-timer.C:
		w.stop()
		return fail(fmt.Sprintf("gave up after %s (raise --timeout to wait longer)", p.Timeout)), nil
	case <-ctx.Done():
		w.stop()
		return fail("interrupted"), nil
	}
}

// rowJSON encodes a row the parent makes itself, as a worker does.
func rowJSON(r match.Row) []byte {
	raw, _ := AppendRow(nil, r) // a Row without a report always encodes
	return raw
}

// worker is one running worker process.
type worker struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	lines  chan []byte
	stderr *tailBuffer
	done   chan struct{}
}

// startWorker starts a worker process, sends it its configuration and
// waits until it says it is ready, for at most limit.
func startWorker(ctx context.Context, cmd *exec.Cmd, config []byte, limit time.Duration) (*worker, error) {
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start a worker: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start a worker: %w", err)
	}
	w := &worker{cmd: cmd, in: in, lines: make(chan []byte, 1), stderr: &tailBuffer{max: 2048}, done: make(chan struct{})}
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start a worker: %w", err)
	}
	go func() {
		defer close(w.lines)
		r := bufio.NewReaderSize(out, 64<<10)
		for {
			line, err := r.ReadBytes('\n')
			if len(line) > 0 && err == nil {
				select {
				case w.lines <- line[:len(line)-1]:
				case <-w.done:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	if err := w.send(json.RawMessage(config)); err != nil {
		w.stop()
		return nil, fmt.Errorf("start a worker: %w", err)
	}
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case line, ok := <-w.lines:
		switch {
		case !ok:
			return nil, errors.New(w.stopWithReason("the worker stopped while starting"))
		case string(line) != readyLine:
			w.stop()
			return nil, fmt.Errorf("start a worker: it answered %.80q where it should say it is ready", line)
		}
		return w, nil
	case <-timer.C:
		w.stop()
		return nil, fmt.Errorf("start a worker: not ready after %s", limit)
	case <-ctx.Done():
		w.stop()
		return nil, errors.New("interrupted")
	}
}

func (w *worker) send(v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.in.Write(append(raw, '\n'))
	return err
}

// stop kills the worker and waits for it to end.
func (w *worker) stop() {
	if w == nil {
		return
	}
	select {
	case <-w.done:
		return
	default:
		close(w.done)
	}
	w.in.Close()
	if w.cmd.Process != nil {
		_ = w.cmd.Process.Kill()
	}
	_ = w.cmd.Wait()
}

// stopWithReason stops the worker and returns reason with the last line
// the worker wrote to its standard error, if any.
func (w *worker) stopWithReason(reason string) string {
	w.stop()
	if tail := strings.TrimSpace(w.stderr.String()); tail != "" {
		lines := strings.Split(tail, "\n")
		return reason + ": " + lines[len(lines)-1]
	}
	return reason
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = t.buf[len(t.buf)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// Serve is a worker's main loop: it reads its configuration (one JSON line),
// calls setup with it, says it is ready (one line), then answers every
// request line with the Row that process returns, as one line (see
// AppendRow). A configuration object with "summaries": true asks for each
// row's summary alone, for an output that reads nothing else. It returns
// when r ends.
func Serve(r io.Reader, w io.Writer, setup func(config []byte) (process func(path string) match.Row, err error)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	config, err := br.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("worker: read configuration: %w", err)
	}
	process, err := setup(config)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	var wants struct {
		Summaries bool `json:"summaries"`
	}
	_ = json.Unmarshal(config, &wants) // setup has checked the configuration
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(readyLine + "\n"); err != nil {
		return fmt.Errorf("worker: say ready: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("worker: say ready: %w", err)
	}
	var out []byte
	for {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) && len(line) == 0 {
			return nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("worker: read request: %w", err)
		}
		var req request
		if err := json.Unmarshal(line, &req); err != nil {
			return fmt.Errorf("worker: bad request: %w", err)
		}
		if out, err = appendRow(out[:0], process(req.Path), wants.Summaries); err != nil {
			return fmt.Errorf("worker: encode result: %w", err)
		}
		if _, err := bw.Write(append(out, '\n')); err != nil {
			return fmt.Errorf("worker: write result: %w", err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("worker: write result: %w", err)
		}
	}
}
