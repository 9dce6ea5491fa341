package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress shows what a long scan is doing on one self-erasing stderr line,
// only when stderr is a terminal: logs, pipes and CI output never get it.
type progress struct {
	w     io.Writer
	start time.Time

	mu    sync.Mutex
	phase string
	shown bool
	stop  chan struct{}
	done  chan struct{}
}

// newProgress returns a progress line on w, or nil (every method is a
// no-op on nil) when w is not a terminal.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	p := &progress{w: w, start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
	go p.tick()
	return p
}

// set names the current phase and redraws the line.
func (p *progress) set(phase string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.phase = phase
	p.draw()
	p.mu.Unlock()
}

// note prints a line that stays (a fetch, a decision the user should see).
func (p *progress) note(msg string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.clear()
	fmt.Fprintf(p.w, "leakguard: %s\n", msg)
	p.draw()
	p.mu.Unlock()
}

// finish erases the line; the report follows on stdout.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
	p.mu.Lock()
	p.clear()
	p.mu.Unlock()
}

func (p *progress) tick() {
	defer close(p.done)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.mu.Lock()
			p.draw()
			p.mu.Unlock()
		}
	}
}

func (p *progress) draw() {
	if p.phase == "" {
		return
	}
	fmt.Fprintf(p.w, "\r\033[Kleakguard: %s… %ds", p.phase, int(time.Since(p.start).Seconds()))
	p.shown = true
}

func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
