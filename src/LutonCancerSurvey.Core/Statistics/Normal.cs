namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// The standard normal distribution, which every interval, range, limit and test in the dashboard rests on; written
/// here rather than taken from a package so the numbers are reproducible and the dependency list stays short.
/// </summary>
public static class Normal
{
    private const double SqrtTwo = 1.4142135623730950488;
    private const double SqrtPi = 1.7724538509055160273;
    private const double SqrtTwoPi = 2.5066282746310005024;

    // Acklam's rational approximations to the inverse normal CDF (relative error below 1.15e-9 before refinement).
    private static readonly double[] CentralNumerator =
        [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];

    private static readonly double[] CentralDenominator =
        [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];

    private static readonly double[] TailNumerator =
        [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];

    private static readonly double[] TailDenominator =
        [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    private const double LowTail = 0.02425;

    /// <summary>
    /// The z value below which a proportion <paramref name="p"/> of the distribution lies (e.g. 0.975 gives 1.959964),
    /// needed to turn a confidence level into a multiplier. Acklam's algorithm with one Halley step: about 1e-9 or better.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not strictly between 0 and 1.</exception>
    public static double Quantile(double p)
    {
        Guard.OpenUnit(p, nameof(p));

        double x;
        if (p < LowTail)
        {
            x = LowerTail(p);
        }
        else if (p > 1 - LowTail)
        {
            x = -LowerTail(1 - p);
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            var a = CentralNumerator;
            var b = CentralDenominator;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }

        // One Halley step against the accurate CDF takes the error from ~1e-9 to close to machine precision.
        var error = Cdf(x) - p;
        var u = error * SqrtTwoPi * Math.Exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    /// <summary>
    /// The proportion of the distribution below <paramref name="z"/>, needed to turn a test statistic into a p-value.
    /// Accurate to about 1e-13 relative, also far into the tails, so small p-values are not rounded to zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="z"/> is NaN.</exception>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "Must be a number.");
        }

        var x = z / SqrtTwo;
        return x < 0 ? 0.5 * Erfc(-x) : 1 - 0.5 * Erfc(x);
    }

    /// <summary>
    /// The multiplier for a two-sided interval at <paramref name="confidence"/> (0.95 gives 1.959964, 0.998 gives
    /// 3.090232), so callers state a confidence level rather than a magic number.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static double TwoSidedCriticalValue(double confidence)
    {
        Guard.OpenUnit(confidence, nameof(confidence));
        return Quantile(1 - (1 - confidence) / 2);
    }

    private static double LowerTail(double p)
    {
        var q = Math.Sqrt(-2 * Math.Log(p));
        var c = TailNumerator;
        var d = TailDenominator;
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }

    /// <summary>The complementary error function for x ≥ 0.</summary>
    private static double Erfc(double x)
    {
        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }

        if (x < 2)
        {
            // erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): every term positive, so no cancellation.
            var sum = 0.0;
            var term = x;
            for (var n = 1; term > 1e-17 * sum && n < 200; n++)
            {
                sum += term;
                term *= 2 * x * x / (2 * n + 1);
            }

            return 1 - 2 / SqrtPi * Math.Exp(-x * x) * sum;
        }

        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by the modified Lentz method.
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var dd = 0.0;
        for (var k = 1; k < 500; k++)
        {
            var a = k / 2.0;
            dd = x + a * dd;
            dd = dd == 0 ? Tiny : dd;
            dd = 1 / dd;
            c = x + a / c;
            c = c == 0 ? Tiny : c;
            var delta = c * dd;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / SqrtPi / f;
    }
}
