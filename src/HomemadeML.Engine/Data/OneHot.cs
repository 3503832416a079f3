using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Data;

/// <summary>One-hot encoding: label k becomes a row with 1 in column k and 0 elsewhere.</summary>
public static class OneHot
{
    public static Matrix Encode(ReadOnlySpan<int> labels, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        var encoded = new Matrix(labels.Length, classCount);
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"labels[{i}] is {labels[i]}; labels must be in 0…{classCount - 1}.", nameof(labels));
            }

            encoded[i, labels[i]] = 1;
        }

        return encoded;
    }
}
