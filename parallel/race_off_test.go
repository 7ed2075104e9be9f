//go:build !race

package parallel_test

const raceOn = false
