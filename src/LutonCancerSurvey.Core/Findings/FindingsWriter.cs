using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Findings;

/// <summary>
/// Drafts the key findings a commissioner would otherwise write by hand, in the order a briefing reads: the overall
/// rating against England and the Alliance, the questions outside their expected range, the biggest changes since the
/// previous edition, and the tumour groups that stand out. Every sentence's wording follows its evidence (see
/// <see cref="Comparisons"/>): nothing is claimed for a suppressed result or across different bases or questionnaires.
/// </summary>
public static class FindingsWriter
{
    /// <summary>At most this many changes are listed in each direction; the summary counts them all.</summary>
    public const int ChangesListed = 5;

    /// <summary>At most this many tumour groups are listed as standing out; the summary counts them all.</summary>
    public const int TumourGroupsListed = 3;

    public static IReadOnlyList<Finding> Write(FindingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<Finding>();
        findings.AddRange(Overall(input));
        findings.AddRange(ExpectedRanges(input));
        findings.AddRange(Changes(input));
        findings.AddRange(TumourGroups(input));
        return findings;
    }

    private static IEnumerable<Finding> Overall(FindingsInput input)
    {
        var q59 = input.Questions.FirstOrDefault(q => q.Question.Number == input.OverallRatingNumber);
        if (q59?.Organisation is not { } own)
        {
            yield break;
        }

        var name = input.OrganisationName;
        var scoring = q59.Question.Scoring;
        var subject = $"{FindingText.Question(q59.Question.Number)} overall rating of care, all cancers, {FindingText.Year(input.Year)}";
        if (own.IsSuppressed || own.Score is null)
        {
            yield return NotCompared(
                FindingKind.OverallAgainstEngland,
                $"{name}'s overall rating of care for {FindingText.Year(input.Year)} is {(own.IsSuppressed ? FindingText.NotShown(own) : "not published")}, so it is not compared with England.",
                subject, own, q59.England, name, "England", scoring);
            yield break;
        }

        var score = own.Score.Value;
        var opening = $"{name}'s overall rating of care in {FindingText.Year(input.Year)} was {FindingText.ScoreWords(score, own.Decimals, scoring)} ({FindingText.Basis(own.Basis)})";
        if (input.Level != OrganisationLevel.National)
        {
            yield return Against(
                FindingKind.OverallAgainstEngland, opening, subject, own, q59.England, name, "England", "England", scoring,
                (o, r) => Comparisons.AgainstReference(o, r, scoring, 1), SameBasisAsEngland, q59.Question.Number);
        }

        if (input.AllianceName is { } alliance && input.Level is OrganisationLevel.Ccg or OrganisationLevel.Trust)
        {
            var allianceName = $"the {alliance} Cancer Alliance";
            yield return Against(
                FindingKind.OverallAgainstAlliance, opening, subject, own, q59.Alliance, name, allianceName, "the Alliance", scoring,
                (o, r) => Comparisons.AgainstOverlapping(o, r, scoring, name, "the Alliance"),
                (a, b) => a == b, q59.Question.Number);
        }
    }

    /// <summary>Case-mix adjusted scores compare with England's adjusted score or its unadjusted one (its own reference); raw with raw.</summary>
    private static bool SameBasisAsEngland(ResultBasis own, ResultBasis england) =>
        own == england
        || (own == ResultBasis.Adjusted && england == ResultBasis.Unadjusted)
        || (own != ResultBasis.Adjusted && england != ResultBasis.Adjusted);

    private static Finding Against(
        FindingKind kind, string opening, string subject, Figure own, Figure? reference, string ownName, string referenceName,
        string referenceShortName, Scoring scoring, Func<Figure, double, Judgement> judge, Func<ResultBasis, ResultBasis, bool> comparable,
        int? question = null, int? tumourGroup = null)
    {
        if (reference is null || reference.IsSuppressed || reference.Score is null)
        {
            var why = reference is { IsSuppressed: true } ? FindingText.NotShown(reference) : "not published";
            return NotCompared(
                kind, $"{opening}; {referenceName}'s figure is {why}, so the two are not compared.",
                subject, own, reference, ownName, referenceShortName, scoring, question, tumourGroup);
        }

        if (!comparable(own.Basis, reference.Basis))
        {
            return NotCompared(
                kind,
                $"{opening}; it is not compared with {referenceName}'s figure, which is {FindingText.Basis(reference.Basis)}: the bases differ.",
                subject, own, reference, ownName, referenceShortName, scoring, question, tumourGroup);
        }

        var judgement = judge(own, reference.Score.Value);
        var comparator = $"{referenceName} ({FindingText.Score(reference, scoring)})";
        return new Finding(
            kind, judgement.Verdict, $"{opening}, {Comparisons.Phrase(judgement, comparator)}.",
            [new Evidence(subject, Figures(own, reference, ownName, referenceShortName, scoring),
                RespondentsText(own, reference, ownName, referenceShortName), judgement.Test, judgement.Result)],
            question, tumourGroup);
    }

    private static IEnumerable<Finding> ExpectedRanges(FindingsInput input)
    {
        var rated = input.Questions
            .Where(q => q.Organisation is { IsSuppressed: false, Basis: ResultBasis.Adjusted, Band: not null, Score: not null })
            .ToList();
        var name = input.OrganisationName;
        var year = FindingText.Year(input.Year);
        const string Test = "the published expected range for each case-mix adjusted score (" + Comparisons.ExpectedRangeMeaning + ")";
        if (rated.Count == 0)
        {
            yield return new Finding(
                FindingKind.ExpectedRangeSummary, Verdict.Summary,
                $"No case-mix adjusted scores with an expected range were published for {name} in {year}, so no question can be called better or worse than expected.",
                [new Evidence($"Expected ranges, {year}", "no case-mix adjusted score with an expected range", "–", Test, "nothing to compare")]);
            yield break;
        }

        var above = rated.Where(q => q.Organisation!.Band == Band.Above).OrderBy(q => q.Question.Number).ToList();
        var below = rated.Where(q => q.Organisation!.Band == Band.Below).OrderBy(q => q.Question.Number).ToList();
        var within = rated.Count - above.Count - below.Count;
        yield return new Finding(
            FindingKind.ExpectedRangeSummary, Verdict.Summary,
            $"Of {Questions(rated.Count)} with an expected range in {year}, {name} was significantly better than expected on {FindingText.Count(above.Count)}, significantly worse than expected on {FindingText.Count(below.Count)} and as expected on {FindingText.Count(within)}.",
            [new Evidence(
                $"Expected ranges, all cancers, {year}",
                $"{Questions(rated.Count)} rated: {FindingText.Count(above.Count)} above, {FindingText.Count(within)} within, {FindingText.Count(below.Count)} below the expected range",
                "see each question", Test, "the source's published ratings (1 above, 2 within, 3 below)")]);

        foreach (var q in above.Concat(below))
        {
            var own = q.Organisation!;
            var scoring = q.Question.Scoring;
            var judgement = Comparisons.AgainstReference(own, q.England?.Score ?? own.Score!.Value, scoring, 1);
            var range = own.ExpectedLower is { } l && own.ExpectedUpper is { } u
                ? $"expected range {FindingText.Range(l, u, scoring)}"
                : "expected range not given";
            var england = q.England is { IsSuppressed: false, Score: not null } e ? $"; England {FindingText.Score(e, scoring)}" : string.Empty;
            var direction = own.Band == Band.Above ? "significantly higher than expected" : "significantly lower than expected";
            var hidden = Comparisons.RoundingHidesBand(own, scoring)
                ? $": rounded as published, the score sits on the range, but the survey rated its unrounded score, which is {(own.Band == Band.Above ? "above" : "below")} it"
                : string.Empty;
            yield return new Finding(
                own.Band == Band.Above ? FindingKind.AboveExpected : FindingKind.BelowExpected,
                judgement.Verdict,
                $"{FindingText.QuestionName(q.Question)}: {FindingText.ScoreWords(own.Score!.Value, own.Decimals, scoring)}, {direction} ({range}{england}){hidden}.",
                [new Evidence(
                    $"{FindingText.Question(q.Question.Number)}, all cancers, {year}, case-mix adjusted",
                    Figures(own, q.England, name, "England", scoring),
                    RespondentsText(own, q.England, name, "England"), judgement.Test, judgement.Result)],
                q.Question.Number);
        }
    }

    private static IEnumerable<Finding> Changes(FindingsInput input)
    {
        var name = input.OrganisationName;
        var year = FindingText.Year(input.Year);
        var current = input.Questions.Where(q => q.Trend is { IsSuppressed: false, Score: not null }).ToList();
        var flagged = current.Where(q => q.Trend!.ChangeSincePrevious is not null).ToList();
        if (flagged.Count > 0)
        {
            foreach (var finding in PublishedChanges(input, flagged))
            {
                yield return finding;
            }

            yield break;
        }

        if (current.Count == 0 && input.Questions.Any(q => q.Trend is not null))
        {
            // The source may well have tested them: what stops a sentence is that none of the figures can be shown.
            yield return new Finding(
                FindingKind.ChangeSummary, Verdict.NotCompared,
                $"Every {year} year-on-year figure for {name} is suppressed ({Disclosure.FewerThanMinimum} or by the source), so no change since the previous survey can be described.",
                [new Evidence($"Change to {year}", "every year-on-year figure suppressed", "–", "none", "nothing can be shown")]);
            yield break;
        }

        if (input.PreviousYear is not { } previousYear)
        {
            yield return new Finding(
                FindingKind.ChangeSummary, Verdict.Summary,
                $"No earlier edition is published for {name}, so no change since the previous survey can be described.",
                [new Evidence($"Change to {year}", "no earlier published edition", "–", "none", "nothing to compare")]);
            yield break;
        }

        var before = FindingText.Year(previousYear);
        if (input.PreviousOnOtherQuestionnaire)
        {
            yield return new Finding(
                FindingKind.ChangeSummary, Verdict.NotCompared,
                $"The {before} and {year} surveys used different questionnaires, so question results are not compared between them.",
                [new Evidence($"Change from {before} to {year}", "not compared", "–", "none", "question numbers are only comparable within one questionnaire")]);
            yield break;
        }

        var pairs = current.Where(q => q.PreviousTrend is { IsSuppressed: false, Score: not null }).ToList();
        var testable = pairs.Where(q => q.Question.Scoring == Scoring.PercentPositive
            && q.Trend!.Respondents is > 0 && q.PreviousTrend!.Respondents is > 0).ToList();
        var tested = testable.Count;
        var judged = pairs
            .Select(q => (Input: q, Judgement: Comparisons.BetweenEditions(q.Trend!, q.PreviousTrend!, q.Question.Scoring)))
            .ToList();
        var up = judged.Where(j => j.Judgement.Verdict == Verdict.SignificantlyHigher).ToList();
        var down = judged.Where(j => j.Judgement.Verdict == Verdict.SignificantlyLower).ToList();
        var test = tested > 0
            ? Comparisons.BetweenEditions(testable[0].Trend!, testable[0].PreviousTrend!, Scoring.PercentPositive).Test
            : "none";
        var borderline = judged.Count(j => j.Judgement.Borderline);
        var sentence = tested == 0
            ? $"The source published no year-on-year test for {year}, and no question has the respondent counts in both {before} and {year} needed to test the change, so no change is called significant."
            : borderline * 2 > tested
                ? $"The source published no year-on-year test for {year}, so the dashboard tested the change since {before} itself (a two-proportion z-test for each question at p < 0.01), but {FindingText.Count(borderline)} of its {FindingText.Count(tested, "verdict", "verdicts")} {Formatting.Format.Plural(borderline, "is", "are")} borderline: within the rounding of the published figures {(borderline == 1 ? "it" : "each")} could go either way, so the published figures cannot decide how many questions changed."
            : $"The source published no year-on-year test for {year}, so the dashboard tested the change since {before} itself: {FindingText.Count(up.Count + down.Count)} of {Questions(tested)} tested changed significantly ({FindingText.Count(up.Count)} improved, {FindingText.Count(down.Count)} declined) by a two-proportion z-test for each question at p < 0.01, the level at which it flags about as many changes as the survey's own test does{Borderline(judged)}.";
        yield return new Finding(
            FindingKind.ChangeSummary, Verdict.Summary, sentence,
            [new Evidence(
                $"Change from {before} to {year}, all cancers, unadjusted (trend figures)",
                $"{Questions(pairs.Count)} with a result in both years; {FindingText.Count(pairs.Count - tested)} not tested (a mean, or a respondent count missing)",
                "see each question", test, $"{FindingText.Count(up.Count)} significantly up, {FindingText.Count(down.Count)} significantly down")]);

        foreach (var finding in ListedChanges(input, up, down, before, judged))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Finding> PublishedChanges(FindingsInput input, List<QuestionFindingInput> flagged)
    {
        var name = input.OrganisationName;
        var year = FindingText.Year(input.Year);
        var previousYear = input.Year - 1;
        var before = FindingText.Year(previousYear);
        var withPrevious = input.PreviousYear == previousYear;
        var judged = flagged
            .Select(q => (Input: q, Judgement: Comparisons.PublishedChange(
                q.Trend!, withPrevious && q.PreviousTrend is { IsSuppressed: false, Score: { } p } ? p : null,
                q.Trend!.ChangeSincePrevious!.Value, q.Question.Scoring)))
            .ToList();
        var up = judged.Where(j => j.Input.Trend!.ChangeSincePrevious == ChangeDirection.Up).ToList();
        var down = judged.Where(j => j.Input.Trend!.ChangeSincePrevious == ChangeDirection.Down).ToList();
        yield return new Finding(
            FindingKind.ChangeSummary, Verdict.Summary,
            $"Since {before}, {FindingText.Count(up.Count + down.Count)} of {Questions(flagged.Count)} changed significantly for {name} by the source's published year-on-year test: {FindingText.Count(up.Count)} improved and {FindingText.Count(down.Count)} declined.",
            [new Evidence(
                $"Change from {before} to {year}, all cancers, unadjusted (trend figures)",
                $"{Questions(flagged.Count)} with a published year-on-year flag",
                "see each question", "the source's published year-on-year significance test (Up / Down / Unchanged)",
                $"{FindingText.Count(up.Count)} Up, {FindingText.Count(down.Count)} Down, {FindingText.Count(flagged.Count - up.Count - down.Count)} Unchanged")]);

        foreach (var finding in ListedChanges(input, up, down, before, judged))
        {
            yield return finding;
        }
    }

    /// <summary>The biggest significant changes each way; the overall rating always; the largest other change when none is significant.</summary>
    private static IEnumerable<Finding> ListedChanges(
        FindingsInput input,
        List<(QuestionFindingInput Input, Judgement Judgement)> up,
        List<(QuestionFindingInput Input, Judgement Judgement)> down,
        string before,
        List<(QuestionFindingInput Input, Judgement Judgement)> all)
    {
        var listed = up.OrderByDescending(j => Math.Abs(Change(j.Input) ?? 0)).ThenBy(j => j.Input.Question.Number).Take(ChangesListed)
            .Concat(down.OrderByDescending(j => Math.Abs(Change(j.Input) ?? 0)).ThenBy(j => j.Input.Question.Number).Take(ChangesListed))
            .ToList();
        if (listed.Count == 0)
        {
            var largest = all
                .Where(j => j.Input.Question.Scoring == Scoring.PercentPositive && Change(j.Input) is not null)
                .OrderByDescending(j => Math.Abs(Change(j.Input)!.Value))
                .ThenBy(j => j.Input.Question.Number)
                .Take(1);
            listed.AddRange(largest);
        }

        var overall = all.FirstOrDefault(j => j.Input.Question.Number == input.OverallRatingNumber);
        if (overall.Input is not null && !listed.Any(j => j.Input.Question.Number == input.OverallRatingNumber))
        {
            listed.Insert(0, overall);
        }

        foreach (var (q, judgement) in listed)
        {
            yield return ChangeFinding(input, q, judgement, before);
        }
    }

    private static string Borderline(List<(QuestionFindingInput Input, Judgement Judgement)> judged) =>
        judged.Count(j => j.Judgement.Borderline) is var n and > 0
            ? $"; {FindingText.Count(n)} of these verdicts {(n == 1 ? "is" : "are")} borderline (the rounding of the published figures could change {(n == 1 ? "it" : "them")})"
            : string.Empty;

    private static double? Change(QuestionFindingInput q) =>
        q.Trend?.Score is { } now && q.PreviousTrend is { IsSuppressed: false, Score: { } before } ? now - before : null;

    private static Finding ChangeFinding(FindingsInput input, QuestionFindingInput q, Judgement judgement, string before)
    {
        var scoring = q.Question.Scoring;
        var now = q.Trend!.Score!.Value;
        var year = FindingText.Year(input.Year);
        var previous = q.PreviousTrend is { IsSuppressed: false, Score: { } p } && string.Equals(before, FindingText.Year(input.PreviousYear ?? 0), StringComparison.Ordinal)
            ? p
            : (double?)null;
        var published = judgement.Test.StartsWith("the source", StringComparison.Ordinal);
        var by = published
            ? "by the source's published year-on-year test"
            : judgement.Borderline
                ? "by a two-proportion z-test at p < 0.01 (borderline: within the rounding of the published figures the verdict could be the other way)"
                : "by a two-proportion z-test at p < 0.01";
        var decimals = q.Trend.Decimals;
        var from = previous is { } b ? FromClause(now, b, decimals, judgement.Verdict, scoring, before) : string.Empty;
        var opening = $"{FindingText.QuestionName(q.Question)}: {FindingText.ScoreWords(now, decimals, scoring)} in {year}";
        var sentence = judgement.Verdict switch
        {
            Verdict.SignificantlyHigher => $"{opening}{from}, a significant improvement since {before} {by}.",
            Verdict.SignificantlyLower => $"{opening}{from}, a significant decline since {before} {by}.",
            Verdict.Similar when previous is null => $"{opening}, no significant change since {before} {by}.",
            _ when previous is { } b2 && judgement.Borderline => $"{opening}, {Comparisons.Phrase(judgement, $"the {before} figure ({FindingText.Score(b2, decimals, scoring)})")} {by}.",
            _ when previous is { } b2 => $"{opening}, {Comparisons.Phrase(judgement, $"the {before} figure ({FindingText.Score(b2, decimals, scoring)})")}.",
            _ => $"{opening}, no significant change since {before} {by}.",
        };
        var figures = previous is { } b3
            ? $"{year} {FindingText.Score(now, decimals, scoring)}; {before} {FindingText.Score(b3, decimals, scoring)}; change {FindingText.Difference(now - b3, decimals, scoring)}"
            : $"{year} {FindingText.Score(now, decimals, scoring)}; the {before} figure is not loaded";
        var respondents = $"{year}: {FindingText.Respondents(q.Trend)}; {before}: {(previous is null ? "–" : FindingText.Respondents(q.PreviousTrend))}";
        return new Finding(
            FindingKind.Change, judgement.Verdict, sentence,
            [new Evidence($"{FindingText.Question(q.Question.Number)}, all cancers, {input.OrganisationName}, unadjusted (trend figures)", figures, respondents, judgement.Test, judgement.Result)],
            q.Question.Number);
    }

    /// <summary>
    /// ", up from 76% in 2017"; the direction follows the test where it was significant, and figures equal once
    /// rounded are said to be so rather than called up or down.
    /// </summary>
    private static string FromClause(double now, double before, int? decimals, Verdict verdict, Scoring scoring, string year)
    {
        var figure = $"{FindingText.Score(before, decimals, scoring)} in {year}";
        if (Comparisons.RoundsEqual(now, before, decimals, scoring))
        {
            return $", against {figure} (equal once rounded; the test used unrounded figures)";
        }

        var up = verdict switch
        {
            Verdict.SignificantlyHigher => true,
            Verdict.SignificantlyLower => false,
            _ => now > before,
        };
        return $", {(up ? "up" : "down")} from {figure}";
    }

    private static IEnumerable<Finding> TumourGroups(FindingsInput input)
    {
        if (input.TumourGroups.Count == 0)
        {
            yield break;
        }

        var name = input.OrganisationName;
        var year = FindingText.Year(input.Year);
        var number = input.OverallRatingNumber ?? 0;
        const Scoring Rating = Scoring.MeanOutOfTen;
        var shown = input.TumourGroups.Where(t => t.Organisation is { IsSuppressed: false, Score: not null }).ToList();
        var hidden = input.TumourGroups.Count - shown.Count;
        var compared = shown.Where(t => t.England is { IsSuppressed: false, Score: not null }).ToList();
        var findings = compared
            .Select(t => (Group: t, Finding: Against(
                FindingKind.TumourGroup,
                $"{Domain.TumourGroups.NameOf(t.TumourGroupId)}: patients rated their care {FindingText.ScoreWords(t.Organisation!.Score!.Value, t.Organisation.Decimals, Rating)} (unadjusted)",
                $"{Domain.TumourGroups.NameOf(t.TumourGroupId)}, {FindingText.Question(number)} overall rating of care, {year}, unadjusted",
                t.Organisation!, t.England, name, $"England's {Domain.TumourGroups.NameOf(t.TumourGroupId)} figure", "England", Rating,
                (o, r) => Comparisons.AgainstReference(o, r, Rating, compared.Count, input.OverallRatingSpread),
                (a, b) => a == b, number, t.TumourGroupId)))
            .ToList();
        var standingOut = findings
            .Where(f => f.Finding.Verdict is Verdict.SignificantlyHigher or Verdict.SignificantlyLower or Verdict.HigherUntested or Verdict.LowerUntested)
            .OrderBy(f => f.Finding.Verdict is Verdict.SignificantlyHigher or Verdict.SignificantlyLower ? 0 : 1)
            .ThenByDescending(f => Math.Abs(f.Group.Organisation!.Score!.Value - f.Group.England!.Score!.Value))
            .ThenBy(f => Domain.TumourGroups.NameOf(f.Group.TumourGroupId), StringComparer.Ordinal)
            .Take(TumourGroupsListed)
            .ToList();
        var significant = findings.Count(f => f.Finding.Verdict is Verdict.SignificantlyHigher or Verdict.SignificantlyLower);
        var tested = findings.Count(f => !f.Finding.Evidence[0].Test.StartsWith("none", StringComparison.Ordinal));
        var summary = $"Of {FindingText.Count(input.TumourGroups.Count, "tumour group", "tumour groups")} with results for {name} in {year}, {FindingText.Count(shown.Count)} can be shown"
            + (hidden > 0 ? $" ({FindingText.Count(hidden)} {Formatting.Format.Plural(hidden, "has", "have")} {Disclosure.FewerThanMinimum} or {Formatting.Format.Plural(hidden, "is", "are")} suppressed)" : string.Empty)
            + (standingOut.Count == 0
                ? "; none stands out from England's figure for the same tumour group."
                : tested == 0
                    ? "; none could be tested against England's figure for the same tumour group, so none is called significantly different."
                    : $"; {FindingText.Count(significant)} of the {FindingText.Count(tested)} tested {(significant == 1 ? "differs" : "differ")} significantly from England's figure for the same tumour group.")
            + " Tumour-type results are unadjusted.";
        yield return new Finding(
            FindingKind.TumourGroupSummary, Verdict.Summary, summary,
            [new Evidence(
                $"Q59 overall rating of care by tumour group, {year}, unadjusted",
                $"{FindingText.Count(shown.Count)} shown, {FindingText.Count(hidden)} not shown",
                "see each tumour group",
                "each tumour group against England's figure for the same tumour group; tested only where a confidence interval, or its respondents with the spread of answers to the overall rating, allows",
                $"{FindingText.Count(tested)} tested, {FindingText.Count(significant)} significant")]);
        foreach (var (_, finding) in standingOut)
        {
            yield return finding;
        }
    }

    private static Finding NotCompared(
        FindingKind kind, string sentence, string subject, Figure own, Figure? reference, string ownName, string referenceName,
        Scoring scoring, int? question = null, int? tumourGroup = null) =>
        new(kind, Verdict.NotCompared, sentence,
            [new Evidence(subject, Figures(own, reference, ownName, referenceName, scoring), RespondentsText(own, reference, ownName, referenceName),
                "none", "not compared")],
            question, tumourGroup);

    private static string Figures(Figure own, Figure? reference, string ownName, string referenceName, Scoring scoring) =>
        $"{ownName} {FigureText(own, scoring)}; {referenceName} {(reference is null ? "not published" : FigureText(reference, scoring))}";

    private static string FigureText(Figure figure, Scoring scoring)
    {
        if (figure.IsSuppressed || figure.Score is null)
        {
            return figure.IsSuppressed ? FindingText.NotShown(figure) : "not published";
        }

        var text = $"{FindingText.Score(figure, scoring)} ({FindingText.Basis(figure.Basis)}";
        if (figure.CiLower is { } l && figure.CiUpper is { } u)
        {
            text += $", 95% confidence interval {FindingText.Range(l, u, scoring)}";
        }

        return text + ")";
    }

    private static string RespondentsText(Figure own, Figure? reference, string ownName, string referenceName) =>
        $"{ownName} {FindingText.Respondents(own)}; {referenceName} {FindingText.Respondents(reference)}";

    private static string Questions(int count) => FindingText.Count(count, "question", "questions");
}
