// Package concur runs a part of an analysis on a goroutine of its own
// while the caller does another, for the work of one document that would
// otherwise leave the second core idle (a check reads one resume, then
// compares it on one core).
package concur

import "runtime"

// Alongside runs f on a goroutine of its own and returns a function that
// waits for its result. A panic in f is raised again by that function,
// where the caller would have met it.
//
// With one processor to run goroutines (GOMAXPROCS 1, as in a screen
// worker, whose siblings use the other CPUs) there is nothing to run f
// beside: it runs at once, on the caller's goroutine.
func Alongside[T any](f func() T) func() T {
	type result struct {
		v        T
		panicked any
	}
	run := func() (r result) {
		defer func() { r.panicked = recover() }()
		r.v = f()
		return r
	}
	wait := func(r result) T {
		if r.panicked != nil {
			panic(r.panicked)
		}
		return r.v
	}
	if runtime.GOMAXPROCS(0) == 1 {
		r := run()
		return func() T { return wait(r) }
	}
	done := make(chan result, 1)
	go func() { done <- run() }()
	return func() T { return wait(<-done) }
}
