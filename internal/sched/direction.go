package sched

// Direction is a hint to the code a pool goroutine runs about the order in
// which to read its data: the order in which the parallel call it serves
// walks its chunks. A call that reads in the walk's direction finds in the
// caches what the last call, which walked the other way, read last.
type Direction int8

const (
	// Unhinted: no parallel call set a direction for this goroutine.
	Unhinted Direction = iota
	// Forward: the walk goes from the first chunk to the last.
	Forward
	// Backward: the walk goes from the last chunk to the first.
	Backward
)

// SetDirection sets the calling goroutine's direction hint and returns the
// one it replaces, for the caller to put back. Outside the pool it does
// nothing and returns Unhinted. Like CurrentDirection, it costs a lookup
// in the registry: about 5 ns.
func SetDirection(d Direction) Direction {
	r := self()
	if r == nil {
		return Unhinted
	}
	old := r.dir
	r.dir = d
	return old
}

// CurrentDirection returns the calling goroutine's direction hint: Unhinted
// outside the pool, or where no parallel call set one.
func CurrentDirection() Direction {
	if r := self(); r != nil {
		return r.dir
	}
	return Unhinted
}
