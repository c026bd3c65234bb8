using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Queries;

/// <summary>
/// How respondents answered, as the results and question pages read it: each organisation's options in order, nothing
/// of a question with too few respondents, and a draft's answers for those who may see drafts only, also when held.
/// Invented figures: 2019 published, 2020 a draft.
/// </summary>
public sealed class AnswersQueryTests : IAsyncLifetime, IDisposable
{
    private const string Header = HandWrittenResults.CoreColumns + ",answer,answer_order,answer_positive\n";

    private const string Q58 = "Q58,Overall administration?,Your overall NHS care,percent,All Cancers,all,unadjusted";

    private static string Edition(int year) => Header
        + $"{year},national,E92000001,England,,,{Q58},60000,90,89.8,90.2,,,,,,,,,,,\n"
        + $"{year},national,E92000001,England,,,{Q58},54000,90.0,,,,,,,,,,,Good,1,yes\n"
        + $"{year},national,E92000001,England,,,{Q58},6000,10.0,,,,,,,,,,,Poor,2,no\n"
        + $"{year},ccg,91A,NHS Testshire North CCG,,,{Q58},40,85,75,95,,,,,,,,,,,\n"
        + $"{year},ccg,91A,NHS Testshire North CCG,,,{Q58},34,85.0,,,,,,,,,,,Good,1,yes\n"
        + $"{year},ccg,91A,NHS Testshire North CCG,,,{Q58},6,15.0,,,,,,,,,,,Poor,2,no\n"
        + $"{year},ccg,91S,NHS Smalltown CCG,,,{Q58},15,80,60,100,,,,,,,,,,,\n"
        + $"{year},ccg,91S,NHS Smalltown CCG,,,{Q58},12,80.0,,,,,,,,,,,Good,1,yes\n"
        + $"{year},ccg,91S,NHS Smalltown CCG,,,{Q58},3,20.0,,,,,,,,,,,Poor,2,no\n";

    private readonly TestDatabase _database = new();

    public async Task InitializeAsync()
    {
        (await Importing.ImportTextAsync(_database, Edition(2019), "2019.csv", new ImportOptions { Publish = true })).Errors.Should().BeEmpty();
        (await Importing.ImportTextAsync(_database, Edition(2020), "2020.csv")).Errors.Should().BeEmpty();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ForEdition_GivesEachOrganisationsAnswersInTheirOrder()
    {
        var answers = await ReadAsync(FixedViewer.Public, new ReadCache(), 2019, "91A", "E92000001");

        answers.Should().Equal(
            "91A Q58 40: Good 34 85 ✓ | Poor 6 15",
            "E92000001 Q58 60000: Good 54000 90 ✓ | Poor 6000 10");
    }

    [Fact]
    public async Task ForEdition_OfAQuestionWithTooFewRespondents_WithholdsItAndEveryOption()
    {
        var answers = await ReadAsync(FixedViewer.Public, new ReadCache(), 2019, "91S");

        answers.Should().Equal("91S Q58 withheld (FewRespondents): Good withheld (FewRespondents) ✓ | Poor withheld (FewRespondents)");
    }

    [Fact]
    public async Task ForEdition_OfADraft_HeldForACommissioner_IsNotGivenToThePublic()
    {
        var cache = new ReadCache();

        var commissioner = await ReadAsync(FixedViewer.Commissioner, cache, 2020, "91A");
        var visitor = await ReadAsync(FixedViewer.Public, cache, 2020, "91A");

        commissioner.Should().Equal("91A Q58 40: Good 34 85 ✓ | Poor 6 15");
        visitor.Should().BeEmpty();
    }

    private async Task<List<string>> ReadAsync(IViewer viewer, ReadCache cache, int year, params string[] codes)
    {
        await using var db = _database.NewContext(FixedViewer.Commissioner, TestClock.At());
        var editionId = await db.Editions.Where(e => e.Year == year).Select(e => e.Id).SingleAsync();
        var ids = await db.Organisations.Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Id, o => o.Code);
        await using var viewed = _database.NewContext(viewer, TestClock.At());
        var query = new AnswersQuery(viewed, new HeldReads(cache, viewer, new FixedVersion()));

        var sets = await query.ForEditionAsync(editionId, TumourGroups.AllCancersId, ids.Keys, CancellationToken.None);

        return sets
            .OrderBy(s => Array.IndexOf(codes, ids[s.OrganisationId]))
            .Select(s => $"{ids[s.OrganisationId]} Q{s.Question.Number} {Shown(s.Respondents, s.Withheld)}: "
                + string.Join(" | ", s.Options.Select(o => $"{o.Label} {Shown(o.Respondents, o.Withheld)}{(o.Percent is { } p ? $" {p:0.#}" : "")}{(o.CountsAsPositive ? " ✓" : "")}")))
            .ToList();
    }

    private static string Shown(int? respondents, Suppression withheld) =>
        withheld == Suppression.None ? $"{respondents}" : $"withheld ({withheld})";
}
