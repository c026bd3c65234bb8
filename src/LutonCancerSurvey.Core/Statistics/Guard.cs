namespace LutonCancerSurvey.Core.Statistics;

/// <summary>Argument checks shared by the statistics functions, so every one fails the same way on bad input.</summary>
internal static class Guard
{
    public static void Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must be a finite number.");
        }
    }

    public static void Percent(double value, string paramName)
    {
        if (!(value >= 0 && value <= 100))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "A percentage must be between 0 and 100.");
        }
    }

    public static void Positive(int value, string paramName)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must be greater than zero.");
        }
    }

    public static void Positive(double value, string paramName)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must be a finite number greater than zero.");
        }
    }

    public static void NonNegative(double value, string paramName)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must be a finite number, zero or more.");
        }
    }

    /// <summary>A probability, confidence level or significance level strictly between 0 and 1.</summary>
    public static void OpenUnit(double value, string paramName)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must be strictly between 0 and 1.");
        }
    }

    public static void Range(Interval range, string paramName)
    {
        if (!double.IsFinite(range.Lower) || !double.IsFinite(range.Upper) || range.Lower > range.Upper)
        {
            throw new ArgumentOutOfRangeException(paramName, range, "Must be finite with Lower no greater than Upper.");
        }
    }

    public static void Mean(double value, string paramName)
    {
        if (!(value >= 0 && value <= 10))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "A mean score out of ten must be between 0 and 10.");
        }
    }
}
