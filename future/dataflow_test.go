package future

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDataflow(t *testing.T) {
	withWorkers(t, 2)
	sum := func(xs []int) (int, error) {
		s := 0
		for _, x := range xs {
			s += x
		}
		return s, nil
	}
	v, err := Dataflow(sum, Ready(1), Async(func() (int, error) { return 2, nil }), Ready(3)).Get()
	assert.NoError(t, err)
	assert.Equal(t, 6, v)

	v, err = Dataflow(sum).Get()
	assert.NoError(t, err)
	assert.Zero(t, v)

	var ran atomic.Bool
	_, err = Dataflow(func([]int) (int, error) { ran.Store(true); return 0, nil }, Ready(1), Failed[int](errBoom)).Get()
	assert.ErrorIs(t, err, errBoom)
	assert.False(t, ran.Load())
}

func TestDataflow2And3(t *testing.T) {
	withWorkers(t, 2)
	a := Async(func() (int, error) { return 3, nil })
	b := Async(func() (string, error) { return "ab", nil })
	s, err := Dataflow2(func(n int, s string) (string, error) {
		var out strings.Builder
		for range n {
			out.WriteString(s)
		}
		return out.String(), nil
	}, a, b).Get()
	assert.NoError(t, err)
	assert.Equal(t, "ababab", s)

	c := Ready(0.5)
	f, err := Dataflow3(func(n int, s string, x float64) (float64, error) {
		return float64(n*len(s)) * x, nil
	}, a, b, c).Get()
	assert.NoError(t, err)
	assert.Equal(t, 3.0, f)

	never := NewPromise[string]()
	_, err = Dataflow2(func(int, string) (int, error) { return 0, nil }, Failed[int](errBoom), never.Future()).Get()
	assert.ErrorIs(t, err, errBoom, "fails fast without waiting for the other input")

	called := false
	_, err = Dataflow3(func(int, string, float64) (int, error) { called = true; return 0, nil },
		a, NewPromise[string]().Future(), Failed[float64](errBoom)).Get()
	assert.ErrorIs(t, err, errBoom, "Dataflow3 fails fast without waiting for the other inputs")
	assert.False(t, called, "fn ran although an input failed")

	_, err = Dataflow3(func(int, string, float64) (int, error) { panic("df") }, a, b, c).Get()
	_, ok := errors.AsType[*PanicError](err)
	assert.True(t, ok)
}

// TestRandomDAG builds a random 10,000-node graph with Then, Dataflow,
// Dataflow2 and WhenAll, and checks every node against a sequential
// evaluation. Some leaves fail; failures must flow through.
func TestRandomDAG(t *testing.T) {
	for _, workers := range []int{1, 2} {
		t.Run("workers="+strconv.Itoa(workers), func(t *testing.T) {
			withWorkers(t, workers)
			const n = 10_000
			rng := rand.New(rand.NewPCG(1, uint64(workers)))
			type node struct {
				kind int
				in   []int
			}
			nodes := make([]node, n)
			want := make([]int64, n)
			wantErr := make([]bool, n)
			fs := make([]*Future[int64], n)
			errLeaf := errors.New("leaf")
			mix := func(xs ...int64) int64 {
				h := int64(17)
				for _, x := range xs {
					h = (h*31 + x) % 1_000_003
				}
				return h
			}
			for i := range nodes {
				k := 0
				if i >= 10 {
					k = rng.IntN(4)
				}
				nd := node{kind: k}
				switch k {
				case 1: // Then
					nd.in = []int{rng.IntN(i)}
				case 2: // Dataflow2
					nd.in = []int{rng.IntN(i), rng.IntN(i)}
				case 3: // Dataflow over 1..4 inputs
					for range 1 + rng.IntN(4) {
						nd.in = append(nd.in, rng.IntN(i))
					}
				}
				nodes[i] = nd
				// sequential reference
				switch k {
				case 0:
					wantErr[i] = rng.IntN(50) == 0
					want[i] = int64(i)
				default:
					vals := make([]int64, len(nd.in))
					for j, p := range nd.in {
						wantErr[i] = wantErr[i] || wantErr[p]
						vals[j] = want[p]
					}
					want[i] = mix(vals...)
				}
				// the future graph
				switch k {
				case 0:
					fail := wantErr[i]
					fs[i] = Async(func() (int64, error) {
						if fail {
							return 0, errLeaf
						}
						return int64(i), nil
					})
				case 1:
					fs[i] = Then(fs[nd.in[0]], func(v int64) (int64, error) { return mix(v), nil })
				case 2:
					fs[i] = Dataflow2(func(a, b int64) (int64, error) { return mix(a, b), nil }, fs[nd.in[0]], fs[nd.in[1]])
				case 3:
					ins := make([]*Future[int64], len(nd.in))
					for j, p := range nd.in {
						ins[j] = fs[p]
					}
					fs[i] = Dataflow(func(vs []int64) (int64, error) { return mix(vs...), nil }, ins...)
				}
			}
			_, _ = WhenAll(fs...).Get() // everything settles (fails fast, so wait per node too)
			for i, f := range fs {
				v, err := f.Get()
				if wantErr[i] {
					require.ErrorIs(t, err, errLeaf, "node %d", i)
					continue
				}
				require.NoError(t, err, "node %d", i)
				require.Equal(t, want[i], v, "node %d", i)
			}
		})
	}
}
