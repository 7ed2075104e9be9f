package cpu

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/hpgo/hpgo/execution"
	"github.com/hpgo/hpgo/internal/sched"
)

// RadixMin is the shortest input that RadixSort sorts by radix; shorter
// inputs go to slices.Sort (slices.SortStableFunc for stable float sorts).
const RadixMin = 1 << 14

// Radix sort tuning.
const (
	digitBits = 8              // bits per LSD pass
	buckets   = 1 << digitBits // counters per tile and pass
	digitMask = buckets - 1

	tilesPerWorker = 2       // tiles per worker: a little slack for balance
	minTile        = 1 << 12 // smallest tile worth a fork
	maxTile        = 1 << 30 // keeps 16-bit counting histograms in uint32
	bigSplit       = 4       // buckets over n/(bigSplit·workers) get all workers
	smallLeaf      = 64      // buckets up to this size go to slices.Sort
)

// RadixSort sorts xs into the order slices.Sort gives (NaNs first) when T's
// underlying type is an integer or floating-point type, and reports whether
// it did; for any other type (strings) it returns false at once and leaves
// xs alone. Inputs shorter than RadixMin go to slices.Sort.
//
// Integers of 8 and 16 bits are counting-sorted: one histogram pass, one
// fill pass. Wider keys are radix-sorted by 8-bit digits:
//
//   - A pre-pass over the tiles ORs every key's difference from the first
//     (a digit that is the same in every key costs no pass), counts the
//     top digits, and returns at once for input that is already sorted
//     (or reverses input that is sorted backwards, when that keeps equal
//     elements in order).
//   - Each pass is the classic parallel one: every tile counts its digits,
//     a prefix over (digit, tile) gives each tile its output offsets, and
//     the tiles scatter stably into a scratch buffer, which then swaps
//     roles with the input (ping-pong).
//   - The first pass goes by the most significant differing digit, which
//     partitions the keys into 256 buckets. Each bucket of up to 2^18 keys
//     is then LSD-sorted by the remaining digits on its own, in one
//     worker's cache (one read counts all its digits), while a pass over
//     the whole input would go to memory every time: on 2^24 random int64
//     keys this takes about 2.5 times less CPU time than LSD passes over
//     the whole input. A bigger bucket is partitioned again by its next
//     digit, over all workers when it is big enough to unbalance them.
//     Inputs of up to 2^18 keys, or with one differing digit, take LSD
//     passes only.
//
// Signed keys get the buckets of the digit with the sign bit in two's
// complement order. Floats are sorted by their bit patterns as signed
// integers, which orders the non-negative values, and the run of negative
// ones is then reversed. NaNs, whatever their sign and payload, are first
// replaced by one canonical NaN that sorts below -Inf; their original bit
// patterns are kept aside and written back, in input order, over the
// leading run of NaNs.
//
// With stable set, elements that compare equal under cmp.Compare keep their
// input order. For integers every sort does (equal integers are
// indistinguishable); for floats that takes the NaNs (all equal to each
// other) and the zeros (-0 == +0) in input order, so the zeros are set
// aside like the NaNs and written back in input order over the run of
// zeros. Without stable, the order of zeros among themselves and of NaNs
// among themselves is unspecified.
//
// Work is O(n·passes), at most 8 passes (4 for 32-bit keys) plus the
// pre-pass; extra memory is a scratch buffer of n keys (kept in a sync.Pool
// for the next sort), plus one element per NaN, and per zero when stable.
//
// Under Seq and Unseq the sort runs in the calling goroutine. Under Par and
// ParUnseq the passes over the whole input run in about two tiles per
// worker, and the buckets are taken by the workers one at a time. The chunk
// size of p does not change the tiling (every tile costs a 256-counter
// histogram per pass); a static chunk spec deals the tiles round-robin, any
// other hands them out dynamically.
//
// When ctx is done, the sort stops at the next tile, pass or bucket
// boundary and returns ctx.Err(); xs then holds an unspecified permutation
// of its elements: none is lost or duplicated, since a pass only reads the
// buffer that holds the complete data, and the set-aside NaNs and zeros are
// put back.
func RadixSort[T cmp.Ordered](ctx context.Context, p execution.Policy, xs []T, stable bool) (ok bool, err error) {
	kind := reflect.TypeFor[T]().Kind()
	float := kind == reflect.Float32 || kind == reflect.Float64
	signed := false
	switch kind {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		signed = true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
	default:
		return false, nil
	}
	if err := ctx.Err(); err != nil {
		return true, err
	}
	n := len(xs)
	if n < RadixMin {
		if stable && float {
			slices.SortStableFunc(xs, cmp.Compare[T])
		} else {
			slices.Sort(xs)
		}
		return true, nil
	}
	tl := newTiling(p, n)
	data := unsafe.Pointer(unsafe.SliceData(xs))
	switch size := unsafe.Sizeof(xs[0]); {
	case size == 1:
		return true, countingSort(ctx, tl, unsafe.Slice((*uint8)(data), n), signed)
	case size == 2:
		return true, countingSort(ctx, tl, unsafe.Slice((*uint16)(data), n), signed)
	case size == 4 && float:
		return true, floatRadix(ctx, tl, unsafe.Slice((*uint32)(data), n), stable)
	case size == 4:
		return true, intRadix(ctx, tl, unsafe.Slice((*uint32)(data), n), signed)
	case size == 8 && float:
		return true, floatRadix(ctx, tl, unsafe.Slice((*uint64)(data), n), stable)
	default:
		return true, intRadix(ctx, tl, unsafe.Slice((*uint64)(data), n), signed)
	}
}

// leafMax is the largest bucket sorted by LSD passes in one worker; a
// variable so that tests can reach the MSD recursion with small inputs.
var leafMax = 1 << 18

// tiling splits [0, n) into count tiles of size elements (the last may be
// shorter) and runs per-tile work under a policy derived from the caller's.
type tiling struct {
	user        execution.Policy // the caller's policy
	p           execution.Policy // runs the tiles
	n           int
	size, count int
}

func newTiling(p execution.Policy, n int) tiling {
	count := 1
	tp := execution.Seq
	if p.Parallel() {
		count = sched.NumWorkers() * tilesPerWorker
		if p.Chunk().Kind() == execution.ChunkStatic {
			tp = execution.Par.With(execution.StaticChunk(1))
		} else {
			tp = execution.Par.With(execution.DynamicChunk(1))
		}
		tp = tp.On(p.Backend())
	}
	count = max(1, min(count, n/minTile))
	count = max(count, (n+maxTile-1)/maxTile)
	size := (n + count - 1) / count
	count = (n + size - 1) / size
	return tiling{user: p, p: tp, n: n, size: size, count: count}
}

func (tl *tiling) bounds(t int) (lo, hi int) {
	lo = t * tl.size
	return lo, min(lo+tl.size, tl.n)
}

// run calls body once per tile, stopping at a tile boundary once ctx is
// done (then it returns ctx.Err()).
func (tl *tiling) run(ctx context.Context, body func(t, lo, hi int)) error {
	if tl.count == 1 {
		if err := ctx.Err(); err != nil {
			return err
		}
		body(0, 0, tl.n)
		return nil
	}
	return ForContext(ctx, tl.p, tl.count, 1, func(a, b int) {
		for t := a; t < b; t++ {
			lo, hi := tl.bounds(t)
			body(t, lo, hi)
		}
	})
}

// runAll is run that never stops early: for the phases that must finish
// to leave a permutation of the input behind.
func (tl *tiling) runAll(body func(t, lo, hi int)) {
	_ = tl.run(context.Background(), body)
}

// word is an unsigned key of a radix pass.
type word interface{ ~uint32 | ~uint64 }

// countingSort sorts 8- or 16-bit integer keys by counting them: one
// histogram pass, then a fill pass. Equal keys are identical, so it is
// stable too.
func countingSort[K uint8 | uint16](ctx context.Context, tl tiling, keys []K, signed bool) error {
	nb := 1 << (8 * unsafe.Sizeof(K(0)))
	flip := 0
	if signed {
		flip = nb >> 1
	}
	hist := make([]uint32, tl.count*nb)
	err := tl.run(ctx, func(t, lo, hi int) {
		h := hist[t*nb : (t+1)*nb]
		for _, v := range keys[lo:hi] {
			h[v]++
		}
	})
	if err != nil {
		return err // keys untouched
	}
	// ends[i] is the end of the run of the i-th key in sorted order, whose
	// value is i ^ flip.
	ends := make([]int, nb)
	sum := 0
	for i := range nb {
		b := i ^ flip
		for t := range tl.count {
			sum += int(hist[t*nb+b])
		}
		ends[i] = sum
	}
	tl.runAll(func(_, lo, hi int) {
		i := sort.Search(nb, func(i int) bool { return ends[i] > lo })
		for pos := lo; pos < hi; i++ {
			end := min(ends[i], hi)
			v := K(i ^ flip)
			for j := pos; j < end; j++ {
				keys[j] = v
			}
			pos = end
		}
	})
	return nil
}

// order is what a pre-pass learns about a tile: the OR of every key's
// difference from the tile's first key, and how many neighbours go up, go
// down or are equal in sort order (the pair that straddles two tiles is
// counted from first and last).
type order[K word] struct {
	first, last K // mapped to keys that compare as unsigned in sort order
	diff        K
	up, down    int
	eq          int
}

// mergeOrders folds the tiles' orders into one, as if for the whole input.
func mergeOrders[K word](tiles []order[K]) order[K] {
	o := tiles[0]
	for _, t := range tiles[1:] {
		o.diff |= t.diff | (t.first ^ o.first)
		o.up += t.up
		o.down += t.down
		o.eq += t.eq
		switch {
		case t.first > o.last:
			o.up++
		case t.first < o.last:
			o.down++
		default:
			o.eq++
		}
		o.last = t.last
	}
	return o
}

// intRadix sorts integer keys, two's complement when signed.
func intRadix[K word](ctx context.Context, tl tiling, keys []K, signed bool) error {
	width := uint(8 * unsafe.Sizeof(K(0)))
	var flip K // XOR that turns a key into one that sorts as unsigned
	if signed {
		flip = K(1) << (width - 1)
	}
	tiles := make([]order[K], tl.count)
	top := width - digitBits
	counts := make([][buckets]int, tl.count) // of the top digit, per tile
	err := tl.run(ctx, func(t, lo, hi int) {
		tiles[t] = scanInts(keys[lo:hi], flip, top, &counts[t])
	})
	if err != nil {
		return err
	}
	o := mergeOrders(tiles)
	switch {
	case o.down == 0:
		return nil
	case o.up == 0:
		reverse(tl, keys) // equal integers are indistinguishable
		return nil
	}
	return radixSort(ctx, tl, keys, o.diff, signed, counts)
}

// scanInts returns the order of a tile of integer keys (XORed with flip
// they compare as unsigned) and counts their digits at shift top into h.
//
//go:noinline
func scanInts[K word](keys []K, flip K, top uint, h *[buckets]int) order[K] {
	top &= 63
	prev := keys[0] ^ flip
	first := prev
	var diff K
	up, down := 0, 0
	for _, w := range keys {
		h[(w>>top)&digitMask]++
		v := w ^ flip
		diff |= v ^ prev
		if v > prev { // two ifs, so both compile to conditional moves
			up++
		}
		if v < prev {
			down++
		}
		prev = v
	}
	return order[K]{first: first, last: prev, diff: diff, up: up, down: down, eq: len(keys) - 1 - up - down}
}

// floatOrder is a float tile's order, with the NaNs (and zeros) it set
// aside in input order.
type floatOrder[K word] struct {
	order[K]
	neg         int // negative, not NaN, not a canonicalised zero
	nans, zeros []K
}

// scanFloats returns the order of a tile of float keys, and counts their
// top digits into h. It replaces every NaN by the canonical NaN (all ones)
// and, when stable, every zero by +0, setting the originals aside in order.
//
//go:noinline
func scanFloats[K word](keys []K, stable bool, h *[buckets]int) floatOrder[K] {
	width := uint(8 * unsafe.Sizeof(K(0)))
	sign := K(1) << (width - 1)
	mant := uint(23)
	if width == 64 {
		mant = 52
	}
	inf := ^sign &^ (K(1)<<mant - 1) // 0x7F800000 or 0x7FF0000000000000
	top := (width - digitBits) & 63
	var to floatOrder[K]
	var first, diff, prev K
	neg, up, down := 0, 0, 0
	for i, v := range keys {
		if abs := v &^ sign; abs > inf || (stable && abs == 0) {
			if abs > inf {
				to.nans = append(to.nans, v)
				v = ^K(0)
				neg-- // the canonical NaN has its sign bit set, but is no negative
			} else {
				to.zeros = append(to.zeros, v)
				v = 0
			}
			keys[i] = v
		}
		s := v >> (width - 1) // 1 if negative
		neg += int(s)
		h[(v>>top)&digitMask]++
		// ord is v in an unsigned key space with the float order: all bits
		// flipped if negative, the sign bit flipped if not.
		ord := v ^ (-s | sign)
		if i == 0 {
			first, prev = v, ord
			to.first = ord
		}
		diff |= v ^ first
		if ord > prev { // two ifs, so both compile to conditional moves
			up++
		}
		if ord < prev {
			down++
		}
		prev = ord
	}
	to.last, to.diff, to.up, to.down = prev, diff, up, down
	to.eq = len(keys) - 1 - up - down
	to.neg = neg
	return to
}

// floatRadix sorts IEEE 754 bit patterns (float32 in uint32, float64 in
// uint64) as the floats they are, NaNs first.
func floatRadix[K word](ctx context.Context, tl tiling, keys []K, stable bool) (err error) {
	nan := ^K(0) // the canonical NaN: sorts last as signed, first once reversed
	tiles := make([]floatOrder[K], tl.count)
	counts := make([][buckets]int, tl.count) // of the top digit, per tile
	err = tl.run(ctx, func(t, lo, hi int) {
		tiles[t] = scanFloats(keys[lo:hi], stable, &counts[t])
	})
	nanCount, negCount, zeroCount := 0, 0, 0
	for _, to := range tiles {
		nanCount += len(to.nans)
		negCount += to.neg
		zeroCount += len(to.zeros)
	}
	// restore puts the set-aside NaNs and zeros back over the canonical
	// ones, wherever they are now.
	restore := func() {
		ni, zi, ti, tz := 0, 0, 0, 0
		for i, v := range keys {
			if v == nan && ni < nanCount {
				for len(tiles[ti].nans) == 0 {
					ti++
				}
				keys[i] = tiles[ti].nans[0]
				tiles[ti].nans = tiles[ti].nans[1:]
				ni++
			} else if stable && v == 0 && zi < zeroCount {
				for len(tiles[tz].zeros) == 0 {
					tz++
				}
				keys[i] = tiles[tz].zeros[0]
				tiles[tz].zeros = tiles[tz].zeros[1:]
				zi++
			}
		}
	}
	if err != nil {
		restore() // some tiles were canonicalised
		return err
	}
	// A tile's diff is against its own first (canonicalised) key; the
	// cross-tile part goes over the raw keys, as the signed radix sees them.
	orders := make([]order[K], len(tiles))
	var diff K
	firstRaw := keys[0]
	for t, to := range tiles {
		orders[t] = to.order
		lo, _ := tl.bounds(t)
		diff |= to.diff | (keys[lo] ^ firstRaw)
	}
	o := mergeOrders(orders)
	// put writes the set-aside NaNs and zeros over their sorted runs.
	put := func() {
		at := 0
		for _, to := range tiles {
			at += copy(keys[at:], to.nans)
		}
		at = nanCount + negCount
		for _, to := range tiles {
			at += copy(keys[at:], to.zeros)
		}
	}
	switch {
	case o.down == 0:
		put()
		return nil
	case o.up == 0 && (!stable || o.eq == 0):
		reverse(tl, keys)
		put()
		return nil
	}
	if err := radixSort(ctx, tl, keys, diff, true, counts); err != nil {
		restore()
		return err
	}
	reverse(tl, keys[:nanCount+negCount])
	put()
	return nil
}

// radixSort sorts keys (two's complement when signed) by the digits that
// diff says differ between keys.
//
// The first pass goes by the most significant differing digit (an MSD
// partition into 256 buckets), and each bucket is then sorted on its own:
// one of up to leafMax elements by LSD passes over its remaining digits,
// all in one worker's cache, where a pass over the whole input would go to
// memory every time; a bigger one by another MSD partition, recursively.
// The buckets are shared among the workers, and a bucket big enough to
// unbalance them gets all the workers for its own passes. Inputs of up to
// leafMax elements, or with one differing digit, take LSD passes only.
//
// counts, if not nil, holds the per-tile counts of the top digit (shift
// width-8) over tl's tiles, which the first pass then need not take again.
func radixSort[K word](ctx context.Context, tl tiling, keys []K, diff K, signed bool, counts [][buckets]int) error {
	width := uint(8 * unsafe.Sizeof(K(0)))
	var shifts []uint // ascending
	for s := uint(0); s < width; s += digitBits {
		if (diff>>s)&digitMask != 0 {
			shifts = append(shifts, s)
		}
	}
	if len(shifts) == 0 {
		return nil
	}
	r := radixer[K]{ctx: ctx, flipAt: width}
	if signed {
		r.flipAt = (width - 1) / digitBits * digitBits
	}
	r.bigCut = len(keys)
	if tl.user.Parallel() {
		r.bigCut = max(leafMax, len(keys)/(bigSplit*sched.NumWorkers()))
	}
	buf := getWords[K](len(keys))
	defer putWords(buf)
	return r.sort(tl.user, keys, buf, shifts, false, counts)
}

// Scratch buffers of radix sorts, by key width, kept for the next sort
// (until the garbage collector clears the pools): a fresh buffer costs a
// page fault per page on its first pass.
var wordPools [2]sync.Pool // *[]uint32, *[]uint64

func getWords[K word](n int) []K {
	pool := &wordPools[unsafe.Sizeof(K(0))/8]
	if b, ok := pool.Get().(*[]K); ok && cap(*b) >= n {
		return (*b)[:n]
	}
	return make([]K, n)
}

func putWords[K word](b []K) {
	wordPools[unsafe.Sizeof(K(0))/8].Put(&b)
}

// radixer holds what the recursion of radixSort shares.
type radixer[K word] struct {
	ctx    context.Context
	flipAt uint // the shift of the digit with the sign bit, or the width
	bigCut int  // buckets above this many keys get all the workers
	failed atomic.Bool
}

// sort sorts the keys in src by the digits at shifts (ascending; the keys
// agree on every higher digit), using other as scratch, and leaves the
// result in src, or in other when toOther is set. When r.ctx is done it
// stops at a pass, tile or bucket boundary and returns the error, with a
// permutation of the keys where the result would have gone. counts, if not
// nil, holds the per-tile counts of the top digit over newTiling(p,
// len(src)) (see radixSort).
func (r *radixer[K]) sort(p execution.Policy, src, other []K, shifts []uint, toOther bool, counts [][buckets]int) error {
	n := len(src)
	if n == 0 {
		return nil
	}
	want := src
	if toOther {
		want = other
	}
	par := p.Parallel() && n >= 2*minTile
	if n <= leafMax || len(shifts) == 1 {
		if par {
			tl := newTiling(p, n)
			res, err := passes(r.ctx, tl, src, other, shifts, r.flipAt)
			copyBack(tl, want, res)
			return err
		}
		if err := r.ctx.Err(); err != nil {
			copy(want, src)
			return err
		}
		if n <= smallLeaf && !slices.Contains(shifts, r.flipAt) {
			copy(want, src)
			slices.Sort(want) // keys agree on the sign digit; equal keys are identical
			return nil
		}
		var h [8][buckets]int
		if res := leaf(src, other, shifts, r.flipAt, &h); unsafe.SliceData(res) != unsafe.SliceData(want) {
			copy(want, res)
		}
		return nil
	}

	top, rest := shifts[len(shifts)-1], shifts[:len(shifts)-1]
	tl := newTiling(execution.Seq, n)
	if par {
		tl = newTiling(p, n)
	}
	offs, counted := make([][buckets]int, tl.count), false
	if counts != nil && len(counts) == tl.count && top == uint(8*unsafe.Sizeof(K(0)))-digitBits {
		offs, counted = counts, true
	}
	if err := pass(r.ctx, tl, src, other, top, r.flipAt, offs, counted); err != nil {
		copyBack(tl, want, src)
		return err
	}
	// offs[last] now holds the end of every bucket.
	var ends [buckets]int
	order := bucketOrder(top, r.flipAt)
	for i := range buckets {
		ends[i] = offs[tl.count-1][i^order]
	}
	// Bucket i is in other[lo:hi]; its result goes to want[lo:hi].
	var done [buckets]bool
	bucket := func(i int, q execution.Policy) error {
		lo, hi := bucketBounds(&ends, i)
		done[i] = true
		return r.sort(q, other[lo:hi], src[lo:hi], rest, !toOther, nil)
	}
	var err error
	if par {
		for i := range buckets {
			if lo, hi := bucketBounds(&ends, i); hi-lo > r.bigCut {
				if err = bucket(i, p); err != nil {
					break
				}
			}
		}
	}
	if err == nil {
		q := execution.Seq
		if par {
			q = execution.Par.With(execution.DynamicChunk(1)).On(p.Backend())
		}
		err = ForContext(r.ctx, q, buckets, 1, func(a, b int) {
			for i := a; i < b; i++ {
				if !done[i] && bucket(i, execution.Seq) != nil {
					r.failed.Store(true)
				}
			}
		})
		if err == nil && r.failed.Load() {
			err = r.ctx.Err()
		}
	}
	if err != nil && !toOther {
		for i := range buckets {
			if !done[i] {
				lo, hi := bucketBounds(&ends, i)
				copy(src[lo:hi], other[lo:hi])
			}
		}
	}
	return err
}

// bucketBounds gives bucket i's range from the bucket ends.
func bucketBounds(ends *[buckets]int, i int) (lo, hi int) {
	if i > 0 {
		lo = ends[i-1]
	}
	return lo, ends[i]
}

// bucketOrder is the XOR that maps the i-th bucket in sort order to its
// digit: the sign bit of a two's complement digit comes first.
func bucketOrder(shift, flipAt uint) int {
	if shift == flipAt {
		return 1 << (digitBits - 1)
	}
	return 0
}

// copyBack copies res into keys over tl's tiles, unless res is keys.
func copyBack[K word](tl tiling, keys, res []K) {
	if unsafe.SliceData(res) == unsafe.SliceData(keys) {
		return
	}
	tl.runAll(func(_, lo, hi int) { copy(keys[lo:hi], res[lo:hi]) })
}

// passes LSD-sorts a, one tiled pass per shift (ascending), ping-ponging
// with s, and returns the one of a and s that holds the result. When ctx is
// done it stops between passes or tiles and returns the one that holds the
// complete data, with ctx.Err().
func passes[K word](ctx context.Context, tl tiling, a, s []K, shifts []uint, flipAt uint) ([]K, error) {
	offs := make([][buckets]int, tl.count)
	src, dst := a, s
	for _, shift := range shifts {
		if err := pass(ctx, tl, src, dst, shift, flipAt, offs, false); err != nil {
			return src, err
		}
		src, dst = dst, src
	}
	return src, nil
}

// pass scatters src into dst stably by the digit at shift: every tile
// counts its digits, a prefix over (digit, tile) turns the counts into
// offsets, and every tile moves its keys. When counted is set, offs
// already holds the counts. On return offs[t] holds the end of tile t's
// share of every bucket.
func pass[K word](ctx context.Context, tl tiling, src, dst []K, shift, flipAt uint, offs [][buckets]int, counted bool) error {
	if !counted {
		err := tl.run(ctx, func(t, lo, hi int) {
			h := &offs[t]
			*h = [buckets]int{}
			histogram(h, src[lo:hi], shift)
		})
		if err != nil {
			return err
		}
	}
	order := bucketOrder(shift, flipAt)
	sum := 0
	for i := range buckets {
		b := i ^ order
		for t := range offs {
			c := offs[t][b]
			offs[t][b] = sum
			sum += c
		}
	}
	return tl.run(ctx, func(t, lo, hi int) {
		scatter(dst, src[lo:hi], &offs[t], shift)
	})
}

// leaf LSD-sorts a (at most 8 digits) in the calling
// goroutine, ping-ponging with s, and returns the one that holds the
// result. One read counts every digit; a digit that is the same in every
// key costs no pass.
func leaf[K word](a, s []K, shifts []uint, flipAt uint, h *[8][buckets]int) []K {
	n := len(a)
	histograms(h, a, shifts)
	src, dst := a, s
	for _, shift := range shifts {
		hd := &h[(shift/digitBits)&7]
		if hd[(src[0]>>(shift&63))&digitMask] == n {
			continue
		}
		order := bucketOrder(shift, flipAt)
		sum := 0
		for i := range buckets {
			b := i ^ order
			c := hd[b]
			hd[b] = sum
			sum += c
		}
		scatter(dst, src, hd, shift)
		src, dst = dst, src
	}
	return src
}

// histograms counts the digits at every shift in one read of src, into
// h[shift/8]. With most digits wanted it counts them all, unrolled.
//
//go:noinline
func histograms[K word](h *[8][buckets]int, src []K, shifts []uint) {
	wide := unsafe.Sizeof(K(0)) == 8
	switch {
	case wide && len(shifts) >= 5:
		*h = [8][buckets]int{}
		for _, w := range src {
			v := uint64(w)
			h[0][v&digitMask]++
			h[1][(v>>8)&digitMask]++
			h[2][(v>>16)&digitMask]++
			h[3][(v>>24)&digitMask]++
			h[4][(v>>32)&digitMask]++
			h[5][(v>>40)&digitMask]++
			h[6][(v>>48)&digitMask]++
			h[7][(v>>56)&digitMask]++
		}
	case !wide && len(shifts) >= 3:
		h[0], h[1], h[2], h[3] = [buckets]int{}, [buckets]int{}, [buckets]int{}, [buckets]int{}
		for _, w := range src {
			v := uint32(w)
			h[0][v&digitMask]++
			h[1][(v>>8)&digitMask]++
			h[2][(v>>16)&digitMask]++
			h[3][(v>>24)&digitMask]++
		}
	default:
		for _, shift := range shifts {
			h[(shift/digitBits)&7] = [buckets]int{}
		}
		for _, v := range src {
			for _, shift := range shifts {
				h[(shift/digitBits)&7][(v>>(shift&63))&digitMask]++
			}
		}
	}
}

func histogram[K word](h *[buckets]int, src []K, shift uint) {
	shift &= 63
	for _, v := range src {
		h[(v>>shift)&digitMask]++
	}
}

// scatter moves each key of src to dst[off[digit]] and advances that
// offset: stable within src, and src is one tile of the pass. It stays out
// of line: inlined into a larger loop it loses its registers.
//
//go:noinline
func scatter[K word](dst, src []K, off *[buckets]int, shift uint) {
	shift &= 63
	for _, v := range src {
		d := (v >> shift) & digitMask
		o := off[d]
		dst[o] = v
		off[d] = o + 1
	}
}

// reverse reverses keys in parallel over tl's workers.
func reverse[K any](tl tiling, keys []K) {
	n := len(keys)
	half := n / 2
	if half < minTile {
		slices.Reverse(keys)
		return
	}
	sub := newTiling(tl.user, half)
	sub.runAll(func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			keys[i], keys[n-1-i] = keys[n-1-i], keys[i]
		}
	})
}
