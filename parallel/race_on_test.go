//go:build race

package parallel_test

// raceOn trims the test matrix: the race detector makes every access cost
// several times more.
const raceOn = true
