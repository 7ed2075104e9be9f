package future

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWhenAllOrder(t *testing.T) {
	withWorkers(t, 2)
	fs := make([]*Future[int], 100)
	for i := range fs {
		fs[i] = Async(func() (int, error) {
			time.Sleep(time.Duration(100-i) * time.Microsecond) // finish in reverse
			return i * i, nil
		})
	}
	vs, err := WhenAll(fs...).Get()
	require.NoError(t, err)
	for i, v := range vs {
		if v != i*i {
			t.Fatalf("vs[%d] = %d, want %d", i, v, i*i)
		}
	}
}

func TestWhenAllEmpty(t *testing.T) {
	vs, err := WhenAll[int]().Get()
	assert.NoError(t, err)
	assert.NotNil(t, vs)
	assert.Empty(t, vs)
}

// TestWhenAllFailFast: the first error in time order wins, without waiting
// for the other inputs, which keep running.
func TestWhenAllFailFast(t *testing.T) {
	withWorkers(t, 2)
	slow := NewPromise[int]()
	first := NewPromise[int]()
	second := NewPromise[int]()
	errFirst, errSecond := errors.New("first"), errors.New("second")
	all := WhenAll(slow.Future(), second.Future(), first.Future())
	first.Reject(errFirst) // in time order: first, then second
	second.Reject(errSecond)
	within(t, 5*time.Second, "WhenAll fail fast", func() {
		_, err := all.Get()
		assert.ErrorIs(t, err, errFirst)
	})
	assert.True(t, slow.Resolve(1), "the slow input was disturbed")
	v, err := slow.Future().Get()
	assert.Equal(t, 1, v)
	assert.NoError(t, err)
}

// TestWhenAllLarge: 100,000 futures through one WhenAll.
func TestWhenAllLarge(t *testing.T) {
	withWorkers(t, 2)
	const n = 100_000
	fs := make([]*Future[int], n)
	for i := range fs {
		fs[i] = Async(func() (int, error) { return i, nil })
	}
	vs, err := WhenAll(fs...).Get()
	require.NoError(t, err)
	require.Len(t, vs, n)
	for i, v := range vs {
		if v != i {
			t.Fatalf("vs[%d] = %d", i, v)
		}
	}
}

func TestWhenAny(t *testing.T) {
	withWorkers(t, 2)
	ps := []*Promise[string]{NewPromise[string](), NewPromise[string](), NewPromise[string]()}
	fs := []*Future[string]{ps[0].Future(), ps[1].Future(), ps[2].Future()}
	any := WhenAny(fs...)
	ps[2].Reject(errors.New("x")) // failing counts as resolving
	ps[1].Resolve("b")
	i, err := any.Get()
	assert.NoError(t, err)
	assert.Equal(t, 2, i)
	_, err = fs[i].Get()
	assert.Error(t, err)

	// already resolved inputs: lowest index
	i, err = WhenAny(NewPromise[int]().Future(), Ready(1), Ready(2)).Get()
	assert.NoError(t, err)
	assert.Equal(t, 1, i)

	i, err = WhenAny[int]().Get()
	assert.ErrorIs(t, err, ErrNoFutures)
	assert.Equal(t, -1, i)
}

func TestAwaitAllAny(t *testing.T) {
	withWorkers(t, 2)
	a := Async(func() (int, error) { return 1, nil })
	b := Async(func() (int, error) { return 2, nil })
	vs, err := AwaitAll(context.Background(), a, b)
	assert.NoError(t, err)
	assert.Equal(t, []int{1, 2}, vs)

	never := NewPromise[int]().Future()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	vs, err = AwaitAll(ctx, a, never)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Nil(t, vs)

	i, err := AwaitAny(context.Background(), never, b)
	assert.NoError(t, err)
	assert.Equal(t, 1, i)

	i, err = AwaitAny(ctx, never)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, -1, i)

	i, err = AwaitAny[int](context.Background())
	assert.ErrorIs(t, err, ErrNoFutures)
	assert.Equal(t, -1, i)
}
