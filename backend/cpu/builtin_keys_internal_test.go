package cpu

import "testing"

// keyFunc skips its closure check for this package's own registrations;
// every function they key by must be a top-level one (package op's).
func TestBuiltinKeysAreNotSharedCode(t *testing.T) {
	tableMu.Lock()
	defer tableMu.Unlock()
	n := 0
	for k, e := range entries {
		if !e.builtin {
			continue
		}
		for _, pc := range []uintptr{k.a, k.b} {
			if pc == 0 {
				continue
			}
			n++
			if name := opName(pc); sharedCode.MatchString(name) {
				t.Errorf("builtin kernel keyed by %s, a closure or method value", name)
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d builtin keys by function; the registrations did not run?", n)
	}
}
