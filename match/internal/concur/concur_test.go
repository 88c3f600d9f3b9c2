package concur

import (
	"runtime"
	"testing"
)

func TestAlongside(t *testing.T) {
	for _, procs := range []int{1, 2} {
		prev := runtime.GOMAXPROCS(procs)
		wait := Alongside(func() int { return 42 })
		if got := wait(); got != 42 {
			t.Errorf("GOMAXPROCS %d: Alongside result = %d, want 42", procs, got)
		}
		runtime.GOMAXPROCS(prev)
	}
}

func TestAlongside_PanicRaisedByWait(t *testing.T) {
	for _, procs := range []int{1, 2} {
		prev := runtime.GOMAXPROCS(procs)
		wait := Alongside(func() int { panic("boom") })
		runtime.GOMAXPROCS(prev)
		func() {
			defer func() {
				if r := recover(); r != "boom" {
					t.Errorf("GOMAXPROCS %d: wait raised %v, want the goroutine's panic \"boom\"", procs, r)
				}
			}()
			wait()
			t.Errorf("GOMAXPROCS %d: wait returned after f panicked", procs)
		}()
	}
}
