using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Data;

/// <summary>
/// Drafts are hidden by the database context itself, so a read written without a thought for them (a plain
/// <c>ToList</c>) still shows the public only published editions; only <see cref="Drafts.IncludingDrafts{T}"/> gets past.
/// </summary>
public sealed class VisibilityFilterTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task PlainReads_AsThePublic_SeeNoDraftEditionResultsOrFacts()
    {
        await ImportPublished2017AndDraft2018Async();
        await using var db = _database.NewContext(FixedViewer.Public);

        var editions = db.Editions.ToList();
        var results = db.Results.ToList();
        var facts = db.OrganisationEditions.ToList();

        var published = editions.Should().ContainSingle().Which;
        published.Year.Should().Be(2017);
        results.Select(r => r.EditionId).Distinct().Should().Equal(published.Id);
        results.Should().HaveCount(1);
        facts.Select(f => f.EditionId).Distinct().Should().Equal(published.Id);
    }

    [Fact]
    public async Task PlainReads_AsACommissioner_SeeDraftsToo()
    {
        await ImportPublished2017AndDraft2018Async();
        await using var db = _database.NewContext(FixedViewer.Commissioner);

        var years = db.Editions.ToList().Select(e => e.Year).Order().ToList();
        var results = db.Results.ToList();

        years.Should().Equal(2017, 2018);
        results.Should().HaveCount(2);
        db.OrganisationEditions.ToList().Select(f => f.EditionId).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public async Task ReadsThroughANavigation_AsThePublic_SeeNoDraftResults()
    {
        await ImportPublished2017AndDraft2018Async();
        await using var db = _database.NewContext(FixedViewer.Public);

        var years = await db.Organisations.Where(o => o.Code == "99X")
            .SelectMany(o => db.Results.Where(r => r.OrganisationId == o.Id).Select(r => r.Edition!.Year))
            .ToListAsync();

        years.Should().Equal(2017);
    }

    [Fact]
    public async Task PlainReads_AsThePublic_SeeADraftOnceItsScheduledTimeHasPassed()
    {
        await ImportPublished2017AndDraft2018Async();
        await using (var admin = _database.NewContext(FixedViewer.Commissioner))
        {
            var draft = await admin.Editions.SingleAsync(e => e.Year == 2018);
            draft.PublishAt = TestClock.DefaultNow.AddMinutes(-1);
            await admin.SaveChangesAsync();
        }

        await using var db = _database.NewContext(FixedViewer.Public, TestClock.At());

        db.Editions.ToList().Select(e => e.Year).Order().Should().Equal(2017, 2018);
        db.Results.ToList().Should().HaveCount(2);
    }

    [Fact]
    public async Task PlainReads_AsThePublic_DoNotSeeADraftBeforeItsScheduledTimeByTheContextsClock()
    {
        await ImportPublished2017AndDraft2018Async();
        await using (var admin = _database.NewContext(FixedViewer.Commissioner))
        {
            var draft = await admin.Editions.SingleAsync(e => e.Year == 2018);
            draft.PublishAt = TestClock.DefaultNow.AddMinutes(1);
            await admin.SaveChangesAsync();
        }

        // The system clock is long past the scheduled time; the context's clock is a minute before it.
        await using var db = _database.NewContext(FixedViewer.Public, TestClock.At());

        db.Editions.ToList().Select(e => e.Year).Should().Equal(2017);
        db.Results.ToList().Should().HaveCount(1);
    }

    [Fact]
    public async Task IncludingDrafts_AsThePublic_SeesEveryEdition()
    {
        await ImportPublished2017AndDraft2018Async();
        await using var db = _database.NewContext(FixedViewer.Public);

        var years = await db.Editions.IncludingDrafts().Select(e => e.Year).OrderBy(y => y).ToListAsync();
        var results = await db.Results.IncludingDrafts().CountAsync();

        years.Should().Equal(2017, 2018);
        results.Should().Be(2);
    }

    [Fact]
    public async Task Answers_OfADraft_AreHiddenFromThePublic_AndReplacedWhenImportedAgain()
    {
        const string Answers = """
            year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note,answer,answer_order,answer_positive
            2018,ccg,99X,NHS Testshire CCG,,,Q60,How old are you?,About you,none,All Cancers,all,unadjusted,40,,,,,,,,,,,,,,
            2018,ccg,99X,NHS Testshire CCG,,,Q60,How old are you?,About you,none,All Cancers,all,unadjusted,10,25.0,,,,,,,,,,,Under 65,1,no
            2018,ccg,99X,NHS Testshire CCG,,,Q60,How old are you?,About you,none,All Cancers,all,unadjusted,30,75.0,,,,,,,,,,,65 or over,2,no
            """;
        var first = await Importing.ImportTextAsync(_database, Answers, "answers.csv", new ImportOptions { Publish = false });
        var again = await Importing.ImportTextAsync(_database, Answers, "answers-again.csv", new ImportOptions { Publish = false });

        await using var asPublic = _database.NewContext(FixedViewer.Public);
        await using var asCommissioner = _database.NewContext(FixedViewer.Commissioner);

        first.Succeeded.Should().BeTrue(string.Join("; ", first.Errors));
        again.Succeeded.Should().BeTrue(string.Join("; ", again.Errors));
        asPublic.AnswerSets.ToList().Should().BeEmpty();
        asPublic.AnswerOptions.ToList().Should().BeEmpty();
        asCommissioner.AnswerSets.Include(a => a.Options).ToList().Should().ContainSingle()
            .Which.Options.Select(o => (o.Label, o.Percent)).Should().Equal(("Under 65", 25.0), ("65 or over", 75.0));
    }

    private async Task ImportPublished2017AndDraft2018Async()
    {
        var published = await Importing.ImportTextAsync(
            _database, CombinedCsv.Create().Row(("Year", "2017")).ToString(), "2017.csv", new ImportOptions { Publish = true });
        var draft = await Importing.ImportTextAsync(
            _database, CombinedCsv.Create().Row(("Year", "2018")).ToString(), "2018.csv", new ImportOptions { Publish = false });
        published.Succeeded.Should().BeTrue();
        draft.Succeeded.Should().BeTrue();
    }
}
