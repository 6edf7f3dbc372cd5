using ByteChip.Samples.Common;

namespace ByteChip.Samples.NBody;

/// <summary>All-pairs gravitational accelerations with float4 bodies, shared-memory tiles and rsqrtf; one leapfrog step.</summary>
public sealed class NBodySample : Sample
{
    public const int N = 180, Block = 64;
    public const float Softening2 = 0.01f, Dt = 0.01f;

    public override string Name => "NBody";

    public override string Title => "all-pairs n-body (180 bodies): float4, shared-memory tiles, rsqrtf";

    public override void Run(SampleContext ctx)
    {
        // Bodies in a unit cube with masses in [0.5, 1.5], as float4 (x, y, z, mass); small random velocities.
        var p = Inputs.Uniform(4 * N, -1f, 1f, seed: 71);
        var v = Inputs.Uniform(4 * N, -0.1f, 0.1f, seed: 72);
        for (int i = 0; i < N; i++)
        {
            p[4 * i + 3] = 1f + p[4 * i + 3] * 0.5f;
            v[4 * i + 3] = 0f;
        }

        using var dpos = ctx.Device.Upload<float>(p);
        using var dvel = ctx.Device.Upload<float>(v);
        using var dacc = ctx.Device.Allocate<float>(4 * N);
        ctx.Launch("nbody_accelerations<64>", (N + Block - 1) / Block, Block, 0, dpos, dacc, N);
        var acc = dacc.ToArray();

        // Reference in double. Each term m_j*r/|r|^3 carries a few roundings (differences, squares, rsqrtf <= 1 ulp,
        // its cube, products: at most 32u relative), and N terms are summed: gamma_(N+32) * sum of |terms|.
        var expected = new double[4 * N];
        var absSum = new double[4 * N];
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double rx = (double)p[4 * j] - p[4 * i], ry = (double)p[4 * j + 1] - p[4 * i + 1], rz = (double)p[4 * j + 2] - p[4 * i + 2];
                double d2 = rx * rx + ry * ry + rz * rz + Softening2;
                double s = p[4 * j + 3] / (d2 * Math.Sqrt(d2));
                expected[4 * i] += rx * s;
                expected[4 * i + 1] += ry * s;
                expected[4 * i + 2] += rz * s;
                absSum[4 * i] += Math.Abs(rx * s);
                absSum[4 * i + 1] += Math.Abs(ry * s);
                absSum[4 * i + 2] += Math.Abs(rz * s);
            }
        }
        ctx.Check(Compare.Within("accelerations", expected, acc, i => ErrorBounds.Sum(N + 32, absSum[i]), "gamma_(N+32) * sum|m r / |r|^3|"));

        // One step from the device's accelerations: v' = v + a dt, x' = x + v' dt (w untouched). Each update is a
        // multiply-add, fused or not: within 2u of its terms' magnitudes, plus the velocity's error carried into x.
        ctx.Launch("integrate", (N + Block - 1) / Block, Block, 0, dpos, dvel, dacc, Dt, N);
        const double u = ErrorBounds.Float32UnitRoundoff;
        var expectedVel = new double[4 * N];
        var expectedPos = new double[4 * N];
        var tolVel = new double[4 * N];
        var tolPos = new double[4 * N];
        for (int k = 0; k < 4 * N; k++)
        {
            bool mass = k % 4 == 3;
            double dv = mass ? 0 : (double)acc[k] * Dt;
            expectedVel[k] = v[k] + dv;
            tolVel[k] = 2 * u * (Math.Abs(v[k]) + Math.Abs(dv));
            double dx = mass ? 0 : expectedVel[k] * Dt;
            expectedPos[k] = p[k] + dx;
            tolPos[k] = 2 * u * (Math.Abs(p[k]) + Math.Abs(dx)) + Dt * tolVel[k];
        }
        ctx.Check(Compare.Within("velocities after one step", expectedVel, dvel.ToArray(), k => tolVel[k], "2u*(|v|+|a dt|)"));
        ctx.Check(Compare.Within("positions after one step", expectedPos, dpos.ToArray(), k => tolPos[k], "2u*(|x|+|v dt|) + dt*velocity tolerance"));
        ctx.Print($"  a[0] = ({acc[0]}, {acc[1]}, {acc[2]}), reference ({expected[0]:G7}, {expected[1]:G7}, {expected[2]:G7})");
    }
}
