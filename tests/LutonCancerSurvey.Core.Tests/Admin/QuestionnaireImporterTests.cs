using System.Text;
using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Admin;

/// <summary>Questionnaires and crosswalks as data: stated by files an administrator uploads, not by a release.</summary>
public sealed class QuestionnaireImporterTests : IDisposable
{
    private const string Header = "year,series,series_name,question,question_text,section,scoring";

    // An invented 2021 questionnaire whose Q22 and Q49 are not the 2015-2019 questionnaire's.
    private const string Questionnaire2021 = Header + "\n"
        + "2021,cpes-2021,CPES questionnaire used from 2021,Q22,Were you told how to get financial help?,Support for you,percent\n"
        + "2021,cpes-2021,CPES questionnaire used from 2021,Q49,\"Overall, how would you rate your care?\",Your overall care,mean\n";

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<QuestionnaireOutcome> ImportQuestionnaireAsync(string text)
    {
        await using var db = _database.NewContext();
        return await new QuestionnaireImporter(db, new AuditLog(db, TestClock.At()))
            .ImportQuestionnaireAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test", CancellationToken.None);
    }

    private async Task<QuestionnaireOutcome> ImportCrosswalkAsync(string text)
    {
        await using var db = _database.NewContext();
        return await new QuestionnaireImporter(db, new AuditLog(db, TestClock.At()))
            .ImportCrosswalkAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test", CancellationToken.None);
    }

    [Fact]
    public async Task BuiltInQuestionnaire_IsStoredAsTheDefaultSeriesFor2015To2019()
    {
        await using var db = _database.NewContext();

        var series = await db.QuestionSeries.SingleAsync();
        var items = await db.QuestionnaireItems.Where(i => i.SeriesId == series.Id).OrderBy(i => i.Number).ToListAsync();

        (series.Code, series.FirstYear, series.LastYear).Should().Be(("cpes-2015", 2015, 2019));
        items.Should().HaveCount(52);
        items.Single(i => i.Number == 59).Scoring.Should().Be(Domain.Scoring.MeanOutOfTen);
        items.Single(i => i.Number == 22).Section.Should().Be("Support for people with cancer");
        items.Select(i => i.Number).Should().NotContain([3, 4, 24, 27, 40, 43, 46]);
    }

    [Fact]
    public async Task Questionnaire_ForANewEdition_LetsTheCombinedLayoutReadThatYear()
    {
        var before = await Importing.ImportTextAsync(_database, CombinedCsv.Create().Row(("Year", "2021")).ToString());

        var stated = await ImportQuestionnaireAsync(Questionnaire2021);
        var after = await Importing.ImportTextAsync(_database, CombinedCsv.Create().Row(("Year", "2021")).ToString());

        before.Errors.Should().ContainSingle().Which.Message.Should().StartWith("no questionnaire is known for 2021");
        stated.Succeeded.Should().BeTrue(string.Join("; ", stated.Errors));
        stated.Summary.Should().Be("2021: 2 questions of cpes-2021");
        after.Succeeded.Should().BeTrue(string.Join("; ", after.Errors));
        await using var db = _database.NewContext();
        var question = await db.Questions.Where(q => q.Edition!.Year == 2021 && q.Number == 22).SingleAsync();
        question.Section.Should().Be("Support for you", "the section comes from the 2021 questionnaire, not the 2015 one");
        (await db.Editions.Where(e => e.Year == 2021).Select(e => e.Series!.Code).SingleAsync()).Should().Be("cpes-2021");
        (await db.AuditEntries.Select(a => a.Action).ToListAsync()).Should().Contain("questionnaire");
    }

    [Fact]
    public async Task Questionnaire_WithBadRows_NamesEachByLineAndColumn_AndChangesNothing()
    {
        var text = Header + "\n"
            + "2021,CPES 2021,CPES questionnaire used from 2021,Q22,Were you told?,Support,percent\n"
            + "2021,cpes-2021,,Q2x,Were you told?,Support,ratio\n";

        var outcome = await ImportQuestionnaireAsync(text);

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "line 2, column 'series': 'CPES 2021' is not a series code: lower-case letters, digits and hyphens, at most 40, such as cpes-2021",
            "line 3, column 'series_name': give the questionnaire's name, at most 200 characters",
            "line 3, column 'question': 'Q2x' is not a question number such as Q22",
            "line 3, column 'scoring': 'ratio' is not percent or mean");
        await using var db = _database.NewContext();
        (await db.QuestionSeries.CountAsync()).Should().Be(1);
        (await db.Editions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Crosswalk_NamingAnUnknownSeries_IsRefusedWithItsLine()
    {
        var outcome = await ImportCrosswalkAsync("from_series,from_question,to_series,to_question\ncpes-2015,Q59,cpes-2099,Q49\n");

        outcome.Errors.Select(e => e.ToString()).Should().Equal("line 2, column 'to_series': no questionnaire series is called 'cpes-2099'");
        await using var db = _database.NewContext();
        (await db.QuestionLinks.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Crosswalk_ImportedTwice_AddsEachLinkOnce()
    {
        await ImportQuestionnaireAsync(Questionnaire2021);
        const string Links = "from_series,from_question,to_series,to_question\ncpes-2015,Q59,cpes-2021,Q49\n";

        var first = await ImportCrosswalkAsync(Links);
        var second = await ImportCrosswalkAsync(Links);

        first.Summary.Should().Be("1 question matched across questionnaires (0 already known)");
        second.Summary.Should().Be("0 questions matched across questionnaires (1 already known)");
        await using var db = _database.NewContext();
        (await db.QuestionLinks.CountAsync()).Should().Be(1);
    }
}
