using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Export;
using LutonCancerSurvey.Core.Import;

namespace LutonCancerSurvey.Core.Tests.Import;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+44 1582", "'+44 1582")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rReturn", "'\rReturn")]
    [InlineData("'=quoted already", "''=quoted already")]
    [InlineData("NHS Luton CCG", "NHS Luton CCG")]
    [InlineData("'Tis plain", "'Tis plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void TextASpreadsheetWouldRunIsQuotedAndComesBackAsItWas(string stored, string written)
    {
        SpreadsheetText.Neutralise(stored).Should().Be(written);
        SpreadsheetText.Restore(written).Should().Be(stored);
    }

    [Fact]
    public async Task TheTidyWriterQuotesFormulaTextButNeverANegativeNumber()
    {
        var row = new TidyRow(
            2019, OrganisationLevel.Ccg, "99X", "=cmd|'/c calc'!A1", null, "@Alliance", 22, "+Were you told?", "-Support",
            Scoring.PercentPositive, "All Cancers", Breakdown.AllPatients, ResultBasis.Unadjusted, 150, -1.5, -2.25, 3,
            null, null, null, null, null, null, Suppression.None, "=1+1");
        await using var output = new StringWriter();

        await TidyCsvWriter.WriteAsync(output, [row], CancellationToken.None);

        output.ToString().Split('\n')[1].TrimEnd('\r').Should().Be(
            "2019,ccg,99X,'=cmd|'/c calc'!A1,,'@Alliance,Q22,'+Were you told?,'-Support,percent,All Cancers,all,unadjusted,"
            + "150,-1.5,-2.25,3,,,,,,,,'=1+1");
    }
}
