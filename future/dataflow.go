package future

// Dataflow returns a future for fn applied to the values of fs, in order,
// once all of them have succeeded; fn runs as a task on the workers, like a
// Then continuation. As in HPyX (and unlike HPX, which passes futures) fn
// receives values: if any input fails, fn never runs and the result fails
// fast with the first error in time order. With no inputs fn receives an
// empty slice.
//
// Dataflow2 and Dataflow3 take inputs of different types.
func Dataflow[T, R any](fn func([]T) (R, error), fs ...*Future[T]) *Future[R] {
	checkFunc("Dataflow", fn == nil)
	checkFutures("Dataflow", fs)
	if len(fs) == 0 {
		return Then(Ready([]T{}), fn)
	}
	w := whenAllOf(fs)
	return then(w.out, fn, w) // cancelled, it lets go of fs too
}

// Dataflow2 returns a future for fn(a, b) once a and b have both succeeded;
// see Dataflow. Cost: two allocations.
func Dataflow2[A, B, R any](fn func(A, B) (R, error), a *Future[A], b *Future[B]) *Future[R] {
	checkFunc("Dataflow2", fn == nil)
	checkFuture("Dataflow2", "a", a == nil)
	checkFuture("Dataflow2", "b", b == nil)
	d := &dataflow2[A, B, R]{a: a, b: b, fn: fn}
	d.out = newFuture[R](stateWaiting)
	d.out.body = d
	d.init(d, 2)
	if !d.failFast(&d.nodes[0], a) && !d.failFast(&d.nodes[1], b) {
		d.add(&d.nodes[0], a)
		d.add(&d.nodes[1], b)
	}
	return d.out
}

type dataflow2[A, B, R any] struct {
	join
	nodes [2]joinNode
	a     *Future[A]
	b     *Future[B]
	fn    func(A, B) (R, error)
	out   *Future[R]
}

func (d *dataflow2[A, B, R]) ready() *waiter { d.out.schedule(); return nil }
func (d *dataflow2[A, B, R]) fail(err error) *waiter {
	var zero R
	l, _ := d.out.settled(zero, err)
	return l
}
func (d *dataflow2[A, B, R]) call() (R, error) { return d.fn(d.a.val, d.b.val) }
func (d *dataflow2[A, B, R]) release()         { d.abandon() } // cancelled while waiting
func (d *dataflow2[A, B, R]) detach() {
	d.a.unsubscribe(&d.nodes[0].waiter)
	d.b.unsubscribe(&d.nodes[1].waiter)
}

// Dataflow3 returns a future for fn(a, b, c) once all three have
// succeeded; see Dataflow. Cost: two allocations.
func Dataflow3[A, B, C, R any](fn func(A, B, C) (R, error), a *Future[A], b *Future[B], c *Future[C]) *Future[R] {
	checkFunc("Dataflow3", fn == nil)
	checkFuture("Dataflow3", "a", a == nil)
	checkFuture("Dataflow3", "b", b == nil)
	checkFuture("Dataflow3", "c", c == nil)
	d := &dataflow3[A, B, C, R]{a: a, b: b, c: c, fn: fn}
	d.out = newFuture[R](stateWaiting)
	d.out.body = d
	d.init(d, 3)
	if !d.failFast(&d.nodes[0], a) && !d.failFast(&d.nodes[1], b) && !d.failFast(&d.nodes[2], c) {
		d.add(&d.nodes[0], a)
		d.add(&d.nodes[1], b)
		d.add(&d.nodes[2], c)
	}
	return d.out
}

type dataflow3[A, B, C, R any] struct {
	join
	nodes [3]joinNode
	a     *Future[A]
	b     *Future[B]
	c     *Future[C]
	fn    func(A, B, C) (R, error)
	out   *Future[R]
}

func (d *dataflow3[A, B, C, R]) ready() *waiter { d.out.schedule(); return nil }
func (d *dataflow3[A, B, C, R]) fail(err error) *waiter {
	var zero R
	l, _ := d.out.settled(zero, err)
	return l
}
func (d *dataflow3[A, B, C, R]) call() (R, error) { return d.fn(d.a.val, d.b.val, d.c.val) }
func (d *dataflow3[A, B, C, R]) release()         { d.abandon() } // cancelled while waiting
func (d *dataflow3[A, B, C, R]) detach() {
	d.a.unsubscribe(&d.nodes[0].waiter)
	d.b.unsubscribe(&d.nodes[1].waiter)
	d.c.unsubscribe(&d.nodes[2].waiter)
}
