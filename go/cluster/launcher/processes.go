package launcher

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// processes are the launcher's children. Each is killed by the kernel if the launcher
// dies (Pdeathsig), so a test that is itself killed leaves no API server behind.
type processes struct {
	mu      sync.Mutex
	cmds    []*exec.Cmd
	done    []chan struct{}
	exited  chan error
	stopped bool
}

func (p *processes) start(binary string, args []string, logPath string) error {
	if p.exited == nil {
		p.exited = make(chan error, 4)
	}
	log, err := os.Create(logPath)
	if err != nil {
		return err
	}
	cmd := exec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		log.Close()
		return fmt.Errorf("starting %s: %w", filepath.Base(binary), err)
	}
	p.mu.Lock()
	p.cmds = append(p.cmds, cmd)
	done := make(chan struct{})
	p.done = append(p.done, done)
	p.mu.Unlock()
	go func() {
		err := cmd.Wait()
		close(done)
		log.Close()
		p.mu.Lock()
		stopped := p.stopped
		p.mu.Unlock()
		if !stopped {
			p.exited <- fmt.Errorf("%s exited (%v); see %s", filepath.Base(binary), err, logPath)
		}
	}()
	return nil
}

// stop sends SIGTERM to every child, in reverse order, and SIGKILL to those still
// running after five seconds.
func (p *processes) stop() {
	p.mu.Lock()
	p.stopped = true
	cmds := append([]*exec.Cmd(nil), p.cmds...)
	done := append([]chan struct{}(nil), p.done...)
	p.mu.Unlock()
	for i := len(cmds) - 1; i >= 0; i-- {
		if cmds[i].Process != nil {
			_ = cmds[i].Process.Signal(syscall.SIGTERM)
		}
	}
	deadline := time.After(5 * time.Second)
	for i, cmd := range cmds {
		select {
		case <-done[i]:
		case <-deadline:
			_ = cmd.Process.Kill()
			<-done[i]
		}
	}
}
