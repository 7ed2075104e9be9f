package main

import (
	"cmp"
	"fmt"
	"image/color"
	"os"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/hpgo/hpgo/bench"
)

// writePlot draws GB/s against n, one tile per (type, kernel), one line per
// implementation (the 1-goroutine read probe of the smaller sizes among
// them), and the read bandwidth bwPar on threads goroutines as a dashed
// line; it writes a PNG to path.
func writePlot(path string, rows []row, bwPar float64, threads int) error {
	var kernels []bench.Kernel
	var types, impls []string
	var sizes []int
	for _, r := range rows {
		if r.kernel == bench.Read || (threads > 1 && r.impl == probeName(threads)) {
			continue
		}
		if !slices.Contains(kernels, r.kernel) {
			kernels = append(kernels, r.kernel)
		}
		if !slices.Contains(types, r.typ) {
			types = append(types, r.typ)
		}
		if !slices.Contains(impls, r.impl) {
			impls = append(impls, r.impl)
		}
		if !slices.Contains(sizes, r.n) {
			sizes = append(sizes, r.n)
		}
	}
	if len(kernels) == 0 {
		return fmt.Errorf("nothing to plot")
	}
	slices.Sort(sizes)
	logX := sizes[0] > 1 && len(sizes) > 1
	var ticks plot.ConstantTicks
	for _, n := range sizes {
		ticks = append(ticks, plot.Tick{Value: float64(n), Label: bench.FormatSize(n)})
	}

	plots := make([][]*plot.Plot, len(types))
	for ti, typ := range types {
		plots[ti] = make([]*plot.Plot, len(kernels))
		for ki, k := range kernels {
			p := plot.New()
			p.Title.Text = fmt.Sprintf("%s %s", k, typ)
			p.X.Label.Text = "n (elements)"
			p.Y.Label.Text = "GB/s"
			p.Y.Min = 0
			if logX {
				p.X.Scale = plot.LogScale{}
			}
			p.X.Tick.Marker = ticks
			p.Add(plotter.NewGrid())
			legend := ti == 0 && ki == len(kernels)-1
			for ii, impl := range impls {
				var xys plotter.XYs
				for _, r := range rows {
					if r.kernel == k && r.typ == typ && r.impl == impl {
						xys = append(xys, plotter.XY{X: float64(r.n), Y: r.gbps})
					}
				}
				if legend {
					// Every implementation, including those without a
					// row in this tile (gonum has no float32 min).
					l, pts := implStyle(ii)
					p.Legend.Add(impl, l, pts)
				}
				if len(xys) == 0 {
					continue
				}
				slices.SortFunc(xys, func(a, b plotter.XY) int { return cmp.Compare(a.X, b.X) })
				l, pts, err := plotter.NewLinePoints(xys)
				if err != nil {
					return err
				}
				style, glyph := implStyle(ii)
				l.LineStyle, pts.GlyphStyle = style.LineStyle, glyph.GlyphStyle
				p.Add(l, pts)
			}
			if bwPar > 0 {
				bw := plotter.XYs{{X: float64(sizes[0]), Y: bwPar}, {X: float64(sizes[len(sizes)-1]), Y: bwPar}}
				l, err := plotter.NewLine(bw)
				if err != nil {
					return err
				}
				l.Color = color.Gray{Y: 96}
				l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
				l.Width = vg.Points(1.5)
				p.Add(l)
				if legend {
					p.Legend.Add(fmt.Sprintf("read bandwidth (%d threads)", threads), l)
				}
			}
			if legend {
				p.Legend.Top = true
				p.Legend.TextStyle.Font.Size = vg.Points(7)
			}
			plots[ti][ki] = p
		}
	}

	w := vg.Length(len(kernels)) * 5 * vg.Inch
	h := vg.Length(len(types)) * 4 * vg.Inch
	img := vgimg.New(w, h)
	dc := draw.New(img)
	tiles := draw.Tiles{
		Rows: len(types), Cols: len(kernels),
		PadX: vg.Millimeter * 4, PadY: vg.Millimeter * 4,
		PadTop: vg.Millimeter * 2, PadBottom: vg.Millimeter * 2,
		PadLeft: vg.Millimeter * 2, PadRight: vg.Millimeter * 2,
	}
	canvases := plot.Align(plots, tiles, dc)
	for j := range plots {
		for i := range plots[j] {
			plots[j][i].Draw(canvases[j][i])
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// implStyle is the line and marker of the ii'th implementation, the same in
// every tile; without data, they serve as its legend entry.
func implStyle(ii int) (*plotter.Line, *plotter.Scatter) {
	l := &plotter.Line{LineStyle: plotter.DefaultLineStyle}
	l.Color = plotutil.Color(ii)
	l.Dashes = plotutil.Dashes(ii / 7)
	pts := &plotter.Scatter{GlyphStyle: plotter.DefaultGlyphStyle}
	pts.Color = plotutil.Color(ii)
	pts.Shape = plotutil.Shape(ii)
	return l, pts
}
