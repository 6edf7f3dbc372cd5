using ByteChip.Samples.Common;

namespace ByteChip.Samples.BlackScholes;

/// <summary>European option prices with the Black-Scholes formula: logf, expf, sqrtf, erff.</summary>
public sealed class BlackScholesSample : Sample
{
    public const int N = 20_000;
    public const float RiskFree = 0.02f, Volatility = 0.30f;

    public override string Name => "BlackScholes";

    public override string Title => "Black-Scholes call/put prices for 20,000 options (logf, expf, sqrtf, erff)";

    public override void Run(SampleContext ctx)
    {
        // The ranges of NVIDIA's sample: stock price 5..30, strike 1..100, 0.25..10 years.
        var s = Inputs.Uniform(N, 5f, 30f, seed: 101);
        var x = Inputs.Uniform(N, 1f, 100f, seed: 102);
        var t = Inputs.Uniform(N, 0.25f, 10f, seed: 103);

        using var ds = ctx.Device.Upload<float>(s);
        using var dx = ctx.Device.Upload<float>(x);
        using var dt = ctx.Device.Upload<float>(t);
        using var dcall = ctx.Device.Allocate<float>(N);
        using var dput = ctx.Device.Allocate<float>(N);
        ctx.Launch("black_scholes", 64, 128, 0, dcall, dput, ds, dx, dt, RiskFree, Volatility, N);
        var call = dcall.ToArray();
        var put = dput.ToArray();

        // Reference in double with an independent erf. The float32 computation loses about 1e-7 relative in
        // S/X, log, exp and sqrt and 1.5e-7 absolute in erff; multiplied by prices up to S + X (< 130) that is
        // a few 1e-5 at worst: the rule is |error| <= 1e-6 * (S + X) + 1e-6.
        var expectedCall = new double[N];
        var expectedPut = new double[N];
        for (int i = 0; i < N; i++)
        {
            (expectedCall[i], expectedPut[i]) = Reference(s[i], x[i], t[i], RiskFree, Volatility);
        }
        double Tolerance(int i) => 1e-6 * (s[i] + x[i]) + 1e-6;
        const string rule = "|error| <= 1e-6*(S+X) + 1e-6";
        ctx.Check(Compare.Within("call", expectedCall, call, Tolerance, rule));
        ctx.Check(Compare.Within("put", expectedPut, put, Tolerance, rule));
        ctx.Print($"  option 0: S = {s[0]}, X = {x[0]}, T = {t[0]}: call {call[0]} (reference {expectedCall[0]:G9}), put {put[0]} (reference {expectedPut[0]:G9})");
    }

    /// <summary>Black-Scholes in double precision.</summary>
    public static (double Call, double Put) Reference(double s, double x, double t, double r, double v)
    {
        double sqrtT = Math.Sqrt(t);
        double d1 = (Math.Log(s / x) + (r + 0.5 * v * v) * t) / (v * sqrtT);
        double d2 = d1 - v * sqrtT;
        double expRT = Math.Exp(-r * t);
        double n1 = Cnd(d1), n2 = Cnd(d2);
        return (s * n1 - x * expRT * n2, x * expRT * (1 - n2) - s * (1 - n1));
    }

    /// <summary>The standard normal CDF, (1 + erf(d / sqrt 2)) / 2.</summary>
    public static double Cnd(double d) => 0.5 * (1 + Erf(d / Math.Sqrt(2)));

    /// <summary>erf in double: the Maclaurin series below 2 (little cancellation: ~1e-16), and the
    /// continued fraction of erfc above (Lentz's method).</summary>
    public static double Erf(double z)
    {
        double a = Math.Abs(z);
        double result;
        if (a < 2)
        {
            double sum = 0, term = a, a2 = a * a;
            for (int n = 0; n < 200 && Math.Abs(term) > 1e-18 * Math.Abs(sum) + 1e-300; n++)
            {
                sum += term / (2 * n + 1);
                term *= -a2 / (n + 1);
            }
            result = 2 / Math.Sqrt(Math.PI) * sum;
        }
        else
        {
            // erfc(a) = exp(-a^2)/sqrt(pi) * 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + ...)))))
            double f = a, c = a, d = 0;
            for (int k = 1; k < 200; k++)
            {
                double coef = k / 2.0;
                d = a + coef * d;
                d = d == 0 ? 1e-300 : 1 / d;
                c = a + coef / c;
                double delta = c * d;
                f *= delta;
                if (Math.Abs(delta - 1) < 1e-16)
                {
                    break;
                }
            }
            result = 1 - Math.Exp(-a * a) / Math.Sqrt(Math.PI) / f;
        }
        return z < 0 ? -result : result;
    }
}
