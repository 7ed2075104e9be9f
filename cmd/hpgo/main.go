// Command hpgo reports how hpgo sees this machine and benchmarks it.
//
//	hpgo info     Go version, GOMAXPROCS, hpgo's workers, the CPU and its
//	              features, the asm tiers (active and available),
//	              HPGO_CPU / HPGO_OS_THREADS and the backends built in.
//	hpgo bench    times the headline call
//	              parallel.TransformReduce(p, xs, 0, op.Add, op.Square) and
//	              Sum and Dot under every policy and size, next to the
//	              machine's read bandwidth; prints a table (GB/s, ns/op,
//	              % of bandwidth) and, with --plot, draws it.
//
// Flags take one dash or two (-sizes 4Ki,64Mi and --sizes=4Ki,64Mi are the
// same). `hpgo bench --help` lists them; `hpgo bench --peers` adds the plain
// Go loop, gonum and vek, `--cpp-bin BINARY` times the C++ peers
// (bench/peers/transform_reduce.cpp: `bench/peers/build.sh
// bench/peers/build/transform_reduce` builds them, and bench/peers/run.sh
// builds and runs them with everything else) in the same rounds, and `--cpp FILE` merges rows that binary wrote earlier, so
// one table shows them all. Errors go to stderr as one line starting
// "hpgo: ", naming the flag at fault, and the exit status is 1.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func main() {
	root := newRootCmd(os.Stdout, os.Stderr)
	root.SetArgs(goStyleArgs(root, os.Args[1:]))
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, errorLine(err))
		os.Exit(1)
	}
}

// errorLine is the line main prints for err: its message after "hpgo: ",
// once.
func errorLine(err error) string {
	return "hpgo: " + strings.TrimPrefix(err.Error(), "hpgo: ")
}

// newRootCmd builds the command tree writing to stdout and stderr.
func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "hpgo",
		Short:         "hpgo: HPX-style parallel algorithms for Go — machine info and benchmarks",
		SilenceUsage:  true,
		SilenceErrors: true, // main prints them (errorLine)
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newInfoCmd(), newBenchCmd())
	return root
}

// goStyleArgs lets Go-style single-dash long flags through cobra: an
// argument "-name" or "-name=value" whose name is a long flag of some
// command becomes "--name...". Single-letter shorthands are left alone.
func goStyleArgs(root *cobra.Command, args []string) []string {
	long := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag() // cobra adds --help only in Execute otherwise
		add := func(f *pflag.Flag) { long[f.Name] = true }
		c.Flags().VisitAll(add)
		c.PersistentFlags().VisitAll(add)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if len(a) > 2 && a[0] == '-' && a[1] != '-' {
			name, _, _ := strings.Cut(a[1:], "=")
			if len(name) > 1 && long[name] {
				a = "-" + a
			}
		}
		out = append(out, a)
	}
	return out
}

// envOr returns the environment variable's value, or "(unset)".
func envOr(name string) string {
	if v, ok := os.LookupEnv(name); ok {
		return fmt.Sprintf("%q", v)
	}
	return "(unset)"
}
