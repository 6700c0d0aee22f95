package loadtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat:
// 100 on every Linux architecture Go supports.
const clockTicks = 100

// CPUTime is the CPU (user and system, every thread) that the process pid
// and its live descendants have used so far, read from /proc. The
// platform runs its services, the embedded FerretDB and miniredis as
// goroutines of one process, and Mailpit as a child when present: both
// count.
func CPUTime(pid int) (time.Duration, error) {
	ticks, err := procTicks(pid)
	if err != nil {
		return 0, err
	}
	for _, child := range descendants(pid) {
		if t, err := procTicks(child); err == nil {
			ticks += t
		}
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}

// procTicks is utime+stime of pid, which for a process already sums its
// threads.
func procTicks(pid int) (int64, error) {
	fields, err := statFields(pid)
	if err != nil {
		return 0, err
	}
	// After the command's closing parenthesis: state is field 3, utime
	// field 14 and stime field 15 (proc(5)).
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: unreadable times", pid)
	}
	return utime + stime, nil
}

// statFields are the fields of /proc/<pid>/stat after the command name.
func statFields(pid int) ([]string, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return nil, err
	}
	s := string(raw)
	end := strings.LastIndexByte(s, ')')
	if end < 0 {
		return nil, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	fields := strings.Fields(s[end+1:])
	if len(fields) < 13 {
		return nil, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(fields))
	}
	return fields, nil
}

// descendants are the live processes below pid.
func descendants(pid int) []int {
	parent := map[int]int{}
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		p, _ := strconv.Atoi(filepath.Base(d))
		if fields, err := statFields(p); err == nil {
			parent[p], _ = strconv.Atoi(fields[1])
		}
	}
	var out []int
	frontier := []int{pid}
	for len(frontier) > 0 {
		cur := frontier[0]
		frontier = frontier[1:]
		for p, pp := range parent {
			if pp == cur {
				out = append(out, p)
				frontier = append(frontier, p)
			}
		}
	}
	return out
}

// Memory is a process's resident set now (VmRSS) and at its peak (VmHWM).
type Memory struct {
	RSS, Peak int64 // bytes
}

// ReadMemory reads pid's resident set from /proc/<pid>/status.
func ReadMemory(pid int) (Memory, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, err
	}
	var m Memory
	for line := range strings.SplitSeq(string(raw), "\n") {
		key, value, _ := strings.Cut(line, ":")
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		switch {
		case err != nil:
		case key == "VmRSS":
			m.RSS = kb << 10
		case key == "VmHWM":
			m.Peak = kb << 10
		}
	}
	return m, nil
}
