using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>The decimal places each score was published to, recorded at import so every page shows it as published.</summary>
public sealed class PrecisionTests(CombinedFixtureImport import) : IClassFixture<CombinedFixtureImport>, IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Combined_RatingWrittenWithoutItsTrailingZero_KeepsTheTwoPlacesTheSurveyPublished()
    {
        await using var db = import.Database.NewContext();

        var written86 = await db.SingleResultAsync("99Y", 2018, 59, ResultBasis.Adjusted);
        var written881 = await db.SingleResultAsync("99X", 2018, 59, ResultBasis.Adjusted);

        written86.Score.Should().Be(8.6);
        written86.ScoreDecimals.Should().Be(2);
        written881.ScoreDecimals.Should().Be(2);
    }

    [Fact]
    public async Task Combined_PercentagesWithBinaryNoise_AreWholeNumbers()
    {
        await using var db = import.Database.NewContext();

        var noisy = await db.SingleResultAsync(Vocabulary.EnglandCode, 2015, 22, ResultBasis.Trend);
        var asFloat = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted);

        noisy.ScoreDecimals.Should().Be(0);
        asFloat.ScoreDecimals.Should().Be(0);
    }

    [Fact]
    public async Task Combined_SuppressedResult_RecordsNoPrecision()
    {
        await using var db = import.Database.NewContext();

        var suppressed = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted, "Skin");

        suppressed.ScoreDecimals.Should().BeNull();
    }

    [Theory]
    [InlineData("9.2", 9.2, 1)]
    [InlineData("8.80", 8.8, 2)]
    [InlineData("8.74", 8.74, 2)]
    [InlineData("9", 9.0, 0)]
    [InlineData("8.8500000000000001", 8.85, 2)]
    [InlineData("8.123456", 8.1235, 4)]
    [InlineData("8.8e0", 8.8, 1)]
    public async Task Tidy_Score_KeepsThePlacesItIsWrittenWith(string written, double score, int decimals)
    {
        var csv = string.Join('\n', TidyHeader,
            $"2019,ccg,99X,NHS Testshire CCG,,,Q59,Overall rating,Your overall NHS care,mean,All Cancers,all,unadjusted,204,{written},,,,,,,,,,");

        var outcome = await Importing.ImportTextAsync(_database, csv);

        outcome.Errors.Should().BeEmpty();
        await using var db = _database.NewContext();
        var result = await db.SingleResultAsync("99X", 2019, 59, ResultBasis.Unadjusted);
        result.Score.Should().Be(score);
        result.ScoreDecimals.Should().Be(decimals);
    }

    private static string TidyHeader => string.Join(',', LutonCancerSurvey.Core.Export.TidyCsvWriter.Header);
}
