package execution

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Map fails fast: once a call fails, the calls that have not started never
// run. One worker runs the calls in order; the first fails, the second holds
// the worker until Map has returned, so the rest are still queued then.
func TestExecutorMapCancelsCallsNotStarted(t *testing.T) {
	fresh(t)
	require.NoError(t, Init(OSThreads(1)))
	e := NewExecutor()
	gate := make(chan struct{})
	var ran atomic.Int32
	xs := make([]int, 50)
	for i := range xs {
		xs[i] = i
	}
	_, err := Map(e, xs, func(x int) (int, error) {
		ran.Add(1)
		switch x {
		case 0:
			return 0, errBoom
		case 1:
			select { // deliberately keeps the worker
			case <-gate:
			case <-time.After(10 * time.Second):
			}
		}
		return x, nil
	})
	close(gate)
	assert.ErrorIs(t, err, errBoom)
	assert.NoError(t, e.Wait())
	assert.Equal(t, int32(2), ran.Load(), "calls that ran; the 48 queued behind the failure should have been cancelled")
}
