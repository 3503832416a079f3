using HomemadeML.Engine.LinearAlgebra;
using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>
/// A regular grid over the range of two features (padded by 10 %), flattened into a matrix a model can
/// predict on, for decision regions and density contours.
/// </summary>
internal sealed class PlaneGrid
{
    public PlaneGrid(Matrix points, int resolution)
    {
        var x = points.Column(0);
        var y = points.Column(1);
        var padX = Math.Max((x.Max() - x.Min()) * 0.1, 1e-6);
        var padY = Math.Max((y.Max() - y.Min()) * 0.1, 1e-6);
        XMin = x.Min() - padX;
        XMax = x.Max() + padX;
        YMin = y.Min() - padY;
        YMax = y.Max() + padY;
        Resolution = resolution;
        Points = new Matrix(resolution * resolution, 2);
        for (var row = 0; row < resolution; row++)
        {
            for (var column = 0; column < resolution; column++)
            {
                var i = (row * resolution) + column;
                Points[i, 0] = X(column);
                Points[i, 1] = Y(row);
            }
        }
    }

    public double XMin { get; }
    public double XMax { get; }
    public double YMin { get; }
    public double YMax { get; }
    public int Resolution { get; }

    /// <summary>Cell centres, row-major, row 0 at the TOP (the heat map's first row is drawn at the top).</summary>
    public Matrix Points { get; }

    public CoordinateRect Extent => new(XMin, XMax, YMin, YMax);

    public double X(int column) => XMin + ((XMax - XMin) * (column + 0.5) / Resolution);

    public double Y(int row) => YMax - ((YMax - YMin) * (row + 0.5) / Resolution);

    public double[,] ToCells(IReadOnlyList<double> values)
    {
        var cells = new double[Resolution, Resolution];
        for (var row = 0; row < Resolution; row++)
        {
            for (var column = 0; column < Resolution; column++)
            {
                cells[row, column] = values[(row * Resolution) + column];
            }
        }

        return cells;
    }
}
