package cpu_test

import (
	"testing"

	"github.com/hpgo/hpgo/backend/cpu"
	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/op"
)

type seqFirst float32

// The first lookup of a named float type's reassociating kernel under
// Seq (the one that derives it) gets none, like every later one.
func TestNamedTypeFirstLookupUnderSeq(t *testing.T) {
	if cpu.LookupReduce(execution.Seq, op.Add[seqFirst]) != nil {
		t.Error("first lookup: a reassociating float sum ran under Seq for a named type")
	}
	if cpu.LookupReduce(execution.Par, op.Add[seqFirst]) == nil {
		t.Error("no kernel under Par")
	}
	if cpu.LookupReduce(execution.Seq, op.Add[seqFirst]) != nil {
		t.Error("later lookup: a reassociating float sum ran under Seq for a named type")
	}
}
