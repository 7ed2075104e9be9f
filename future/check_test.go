package future

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A nil function, future or context panics at the call with a message that
// names the function and the argument.
func TestNilArgumentsPanicAtTheCall(t *testing.T) {
	var nf *Future[int]
	one := Ready(1)
	fn1 := func(int) (int, error) { return 0, nil }
	fn2 := func(a, b int) (int, error) { return 0, nil }
	fn3 := func(a, b, c int) (int, error) { return 0, nil }
	ctx := context.Background()
	for _, c := range []struct {
		call func()
		want string
	}{
		{func() { Async[int](nil) }, "hpgo: future.Async: fn is nil"},
		{func() { AsyncContext[int](ctx, nil) }, "hpgo: future.AsyncContext: fn is nil"},
		{func() {
			//lint:ignore SA1012 the nil context is the point
			AsyncContext(nil, func(context.Context) (int, error) { return 0, nil })
		}, "hpgo: future.AsyncContext: ctx is nil (use context.Background())"},
		{func() { Then(nf, fn1) }, "hpgo: future.Then: future f is nil"},
		{func() { Then[int, int](one, nil) }, "hpgo: future.Then: fn is nil"},
		{func() { one.OnDone(nil) }, "hpgo: future.Future.OnDone: fn is nil"},
		{func() { NewPromise[int]().Future().OnDone(nil) }, "hpgo: future.Future.OnDone: fn is nil"},
		{func() { WhenAll(one, nf) }, "hpgo: future.WhenAll: future fs[1] is nil"},
		{func() { WhenAny(nf) }, "hpgo: future.WhenAny: future fs[0] is nil"},
		{func() { _, _ = AwaitAll(ctx, one, one, nf) }, "hpgo: future.AwaitAll: future fs[2] is nil"},
		{func() { _, _ = AwaitAny(ctx, nf, one) }, "hpgo: future.AwaitAny: future fs[0] is nil"},
		{func() { Dataflow[int, int](nil, one) }, "hpgo: future.Dataflow: fn is nil"},
		{func() { Dataflow(func([]int) (int, error) { return 0, nil }, one, nf) }, "hpgo: future.Dataflow: future fs[1] is nil"},
		{func() { Dataflow2(fn2, one, nf) }, "hpgo: future.Dataflow2: future b is nil"},
		{func() { Dataflow2[int, int, int](nil, one, one) }, "hpgo: future.Dataflow2: fn is nil"},
		{func() { Dataflow3(fn3, nf, one, one) }, "hpgo: future.Dataflow3: future a is nil"},
		{func() { Dataflow3(fn3, one, one, nf) }, "hpgo: future.Dataflow3: future c is nil"},
		{func() { _ = Wait(ctx, one, nil) }, "hpgo: future.Wait: as[1] is nil"},
		{func() { _ = Wait(ctx, nf) }, "hpgo: future.Wait: as[0] is nil"},
		// A nil context, on a resolved future or none at all too.
		//lint:ignore SA1012 the nil context is the point
		{func() { _, _ = NewPromise[int]().Future().Await(nil) }, "hpgo: future.Future.Await: ctx is nil (use context.Background())"},
		//lint:ignore SA1012 the nil context is the point
		{func() { _, _ = one.Await(nil) }, "hpgo: future.Future.Await: ctx is nil (use context.Background())"},
		//lint:ignore SA1012 the nil context is the point
		{func() { _ = Wait(nil, NewPromise[int]().Future()) }, "hpgo: future.Wait: ctx is nil (use context.Background())"},
		//lint:ignore SA1012 the nil context is the point
		{func() { _ = Wait(nil) }, "hpgo: future.Wait: ctx is nil (use context.Background())"},
		//lint:ignore SA1012 the nil context is the point
		{func() { _, _ = AwaitAll(nil, one) }, "hpgo: future.AwaitAll: ctx is nil (use context.Background())"},
		//lint:ignore SA1012 the nil context is the point
		{func() { _, _ = AwaitAny[int](nil) }, "hpgo: future.AwaitAny: ctx is nil (use context.Background())"},
	} {
		assert.PanicsWithValue(t, c.want, c.call)
	}
	// Empty lists stay fine.
	assert.NoError(t, Wait(ctx))
	_, err := WhenAll[int]().Get()
	assert.NoError(t, err)
}
